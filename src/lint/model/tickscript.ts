/**
 * The alerts of a hand-written TICKscript, as lint nodes: what each `|alert()` watches (the
 * `.measurement()` of its `|from()`, or the FROM of a batch `|query()`) and where a runbook link
 * would be (`.message()` / `.details()`). A light reading of the script, not an interpreter:
 * string variables (`var m = 'cpu'`) are resolved, anything computed is left unknown.
 */
import type { TickscriptAlertNode, TickscriptNode } from '../types.js';

interface Str {
  value: string;
  start: number;
  end: number;
}

/** String literals ('...' and '''...''') with their offsets; comments (`// ...`) blanked first. */
function scan(text: string): { code: string; strings: Str[] } {
  const strings: Str[] = [];
  let code = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '/' && text[i + 1] === '/') {
      const nl = text.indexOf('\n', i);
      const end = nl === -1 ? text.length : nl;
      code += ' '.repeat(end - i);
      i = end;
      continue;
    }
    if (c === "'") {
      const triple = text.startsWith("'''", i);
      const quote = triple ? "'''" : "'";
      let j = i + quote.length;
      let value = '';
      while (j < text.length && !text.startsWith(quote, j)) {
        if (!triple && text[j] === '\\' && j + 1 < text.length) {
          value += text[j + 1];
          j += 2;
          continue;
        }
        value += text[j];
        j++;
      }
      const end = Math.min(text.length, j + quote.length);
      strings.push({ value, start: i, end });
      // Keep offsets: the string's body becomes spaces in `code`, so `|` inside it is no pipe.
      code += quote + ' '.repeat(Math.max(0, end - i - 2 * quote.length)) + (end - i >= 2 * quote.length ? quote : '');
      i = end;
      continue;
    }
    code += c;
    i++;
  }
  return { code, strings };
}

function lineCol(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

export function tickscriptAlerts(node: TickscriptNode): TickscriptAlertNode[] {
  const { code, strings } = scan(node.text);
  const stringAt = (offset: number): Str | undefined => strings.find((s) => s.start === offset);
  const vars = new Map<string, string>();
  for (const m of code.matchAll(/\bvar\s+(\w+)\s*=\s*(?=')/g)) {
    const s = stringAt((m.index as number) + m[0].length);
    if (s) vars.set(m[1] as string, s.value);
  }
  /** The argument of `.prop(...)`: a string literal or a string variable. */
  const argOf = (offset: number): string | undefined => {
    const rest = code.slice(offset);
    const lit = /^\s*(?=')/.exec(rest);
    if (lit) return stringAt(offset + lit[0].length)?.value;
    const id = /^\s*(\w+)\s*\)/.exec(rest);
    return id ? vars.get(id[1] as string) : undefined;
  };
  const sources: { offset: number; measurement: string }[] = [];
  for (const m of code.matchAll(/\.measurement\(/g)) {
    const v = argOf((m.index as number) + m[0].length);
    if (v) sources.push({ offset: m.index as number, measurement: v });
  }
  for (const m of code.matchAll(/\|\s*query\(/g)) {
    const q = argOf((m.index as number) + m[0].length);
    const from = q ? /\bFROM\s+((?:"[^"]+"|[\w-]+)(?:\.(?:"[^"]*"|[\w-]*)){0,2})/i.exec(q) : null;
    const name = from ? ((from[1] as string).split('.').pop() as string).replace(/"/g, '') : undefined;
    if (name) sources.push({ offset: m.index as number, measurement: name });
  }
  const alerts: TickscriptAlertNode[] = [];
  for (const m of code.matchAll(/\|\s*alert\(\s*\)/g)) {
    const start = m.index as number;
    const nextPipe = code.indexOf('|', start + m[0].length);
    const end = nextPipe === -1 ? code.length : nextPipe;
    const segment = code.slice(start, end);
    const texts: string[] = [];
    let id: string | undefined;
    for (const p of segment.matchAll(/\.(message|details|id)\(/g)) {
      const v = argOf(start + (p.index as number) + p[0].length);
      if (v === undefined) continue;
      if (p[1] === 'id') id = v;
      else texts.push(v);
    }
    // The measurement is the last source before this alert in the script (its chain's from/query).
    const source = [...sources].reverse().find((s) => s.offset < start);
    const at = lineCol(node.text, start + (m[0].startsWith('|') ? 1 : 0));
    const base =
      node.file
        .split('/')
        .pop()
        ?.replace(/\.tick$/, '') ?? node.file;
    const alert: TickscriptAlertNode = {
      kind: 'tickscript-alert',
      file: node.file,
      ...at,
      tickscript: node,
      name: id ?? base,
      texts,
    };
    if (source) {
      alert.measurement = source.measurement;
      alert.measurementAt = lineCol(node.text, source.offset + 1);
    }
    alerts.push(alert);
  }
  return alerts;
}
