/**
 * A small InfluxQL tokenizer that follows influxql/scanner.go for the parts escaping depends on:
 * quoted identifiers, string literals (escapes \\ \" \' \n, raw newline is an error) and regex
 * literals (only \/ is an escape; other backslashes pass through; a raw newline is an error, as in
 * InfluxDB's ScanDelimited). Regexes are scanned only after
 * =~ or !~, as the parser does.
 */
export type Token =
  | { type: 'ident'; value: string; quoted: boolean }
  | { type: 'string'; value: string }
  | { type: 'regex'; value: string }
  | { type: 'number'; value: string }
  | { type: 'op'; value: string }
  | { type: 'var'; value: string };

function scanQuoted(text: string, start: number, quote: string): [string, number] {
  let out = '';
  let i = start + 1;
  for (;;) {
    const ch = text[i];
    if (ch === undefined || ch === '\n') throw new Error(`bad string at ${start}`);
    if (ch === quote) return [out, i + 1];
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === 'n') out += '\n';
      else if (next === '\\' || next === '"' || next === "'") out += next;
      else throw new Error(`bad escape \\${String(next)} at ${i}`);
      i += 2;
      continue;
    }
    // Step over whole code points so surrogate pairs stay intact.
    const cp = text.codePointAt(i) as number;
    const s = String.fromCodePoint(cp);
    out += s;
    i += s.length;
  }
}

function scanRegex(text: string, start: number): [string, number] {
  let out = '';
  let i = start + 1;
  for (;;) {
    const ch = text[i];
    if (ch === undefined) throw new Error(`unterminated regex at ${start}`);
    if (ch === '\n') throw new Error(`raw newline in regex at ${i}`);
    if (ch === '/') return [out, i + 1];
    if (ch === '\\') {
      if (text[i + 1] === '/') {
        out += '/';
        i += 2;
        continue;
      }
      out += '\\';
      i += 1;
      continue;
    }
    out += ch;
    i += 1;
  }
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const prev = tokens.at(-1);
    if (ch === '/' && prev?.type === 'op' && (prev.value === '=~' || prev.value === '!~')) {
      const [value, end] = scanRegex(text, i);
      tokens.push({ type: 'regex', value });
      i = end;
    } else if (ch === '"') {
      const [value, end] = scanQuoted(text, i, '"');
      tokens.push({ type: 'ident', value, quoted: true });
      i = end;
    } else if (ch === "'") {
      const [value, end] = scanQuoted(text, i, "'");
      tokens.push({ type: 'string', value });
      i = end;
    } else if (ch === '$') {
      const m = /^\$[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
      if (!m) throw new Error(`bad variable at ${i}`);
      tokens.push({ type: 'var', value: m[0] });
      i += m[0].length;
    } else if (/[0-9]/.test(ch) || (ch === '-' && /[0-9]/.test(text[i + 1] ?? '') && prev?.type === 'op')) {
      const m = /^-?[0-9]+(\.[0-9]+)?[a-zµ]*/.exec(text.slice(i)) as RegExpExecArray;
      tokens.push({ type: 'number', value: m[0] });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i)) as RegExpExecArray;
      tokens.push({ type: 'ident', value: m[0], quoted: false });
      i += m[0].length;
    } else {
      const m = /^(=~|!~|!=|>=|<=|=|<|>|\(|\)|,|\.|\*|\+|-|\/)/.exec(text.slice(i));
      if (!m) throw new Error(`unexpected ${JSON.stringify(ch)} at ${i}`);
      tokens.push({ type: 'op', value: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}
