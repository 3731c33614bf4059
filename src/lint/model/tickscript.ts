/**
 * The alerts of a hand-written TICKscript, as lint nodes: what each `|alert()` watches (the
 * `.measurement()` of its `|from()`, or the FROM of a batch `|query()`) and where a runbook link
 * would be (`.message()` / `.details()`). Read from the one TICKscript parser: string variables
 * (`var m = 'cpu'`) are resolved, anything computed is left unknown. A script that does not parse has
 * no alerts here (the syntax rule reports it).
 */
import { type Expr, type Link, lineColumn, parseTickscript } from '../../lang/tickscript/index.js';
import type { TickscriptAlertNode, TickscriptNode } from '../types.js';

/** Every chain link of the script, in source order. */
function linksOf(statements: readonly { type: string; value?: Expr; expr?: Expr }[]): Link[] {
  const links: Link[] = [];
  const visit = (e: Expr): void => {
    if (e.type === 'chain') {
      visit(e.head);
      for (const link of e.links) {
        links.push(link);
        link.args.forEach(visit);
      }
    } else if (e.type === 'list') e.items.forEach(visit);
  };
  for (const s of statements) {
    const e = s.value ?? s.expr;
    if (e) visit(e);
  }
  return links.sort((a, b) => a.offset - b.offset);
}

export function tickscriptAlerts(node: TickscriptNode): TickscriptAlertNode[] {
  const { program, errors } = parseTickscript(node.text);
  if (errors.length > 0) return [];
  const vars = new Map<string, string>();
  for (const s of program.statements) {
    if (s.type === 'var' && s.value.type === 'string') vars.set(s.name, s.value.value);
  }
  /** A string argument: a literal or a string variable. */
  const text = (arg: Expr | undefined): string | undefined =>
    arg?.type === 'string' ? arg.value : arg?.type === 'identifier' ? vars.get(arg.name) : undefined;
  const links = linksOf(program.statements);
  const sources: { offset: number; measurement: string }[] = [];
  for (const link of links) {
    if (link.op === '.' && link.name === 'measurement') {
      const v = text(link.args[0]);
      if (v) sources.push({ offset: link.offset, measurement: v });
    } else if (link.op === '|' && link.name === 'query') {
      const q = text(link.args[0]);
      const from = q ? /\bFROM\s+((?:"[^"]+"|[\w-]+)(?:\.(?:"[^"]*"|[\w-]*)){0,2})/i.exec(q) : null;
      const name = from ? ((from[1] as string).split('.').pop() as string).replace(/"/g, '') : undefined;
      if (name) sources.push({ offset: link.offset, measurement: name });
    }
  }
  const base =
    node.file
      .split('/')
      .pop()
      ?.replace(/\.tick$/, '') ?? node.file;
  const alerts: TickscriptAlertNode[] = [];
  links.forEach((link, index) => {
    if (link.op !== '|' || link.name !== 'alert' || link.args.length > 0) return;
    const texts: string[] = [];
    let id: string | undefined;
    for (const p of links.slice(index + 1)) {
      if (p.op !== '.') break;
      if (p.name !== 'message' && p.name !== 'details' && p.name !== 'id') continue;
      const v = text(p.args[0]);
      if (v === undefined) continue;
      if (p.name === 'id') id = v;
      else texts.push(v);
    }
    // The measurement is the last source before this alert in the script (its chain's from/query).
    const source = [...sources].reverse().find((s) => s.offset < link.offset);
    const alert: TickscriptAlertNode = {
      kind: 'tickscript-alert',
      file: node.file,
      ...lineColumn(node.text, link.offset + 1),
      tickscript: node,
      name: id ?? base,
      texts,
    };
    if (source) {
      alert.measurement = source.measurement;
      alert.measurementAt = lineColumn(node.text, source.offset + 1);
    }
    alerts.push(alert);
  });
  return alerts;
}
