/** Tokens of InfluxQL, with Grafana's template variables and macros treated as tokens of their own. */

export type TokenType =
  | 'ident' // bare or "quoted" identifier
  | 'keyword'
  | 'string'
  | 'number'
  | 'duration'
  | 'regex'
  | 'variable'
  | 'time-filter'
  | 'op'
  | 'punct'
  | 'eof';

export interface Token {
  type: TokenType;
  /** Keywords upper-cased; identifiers and strings unescaped. */
  value: string;
  /** True for "double-quoted" identifiers (never keywords). */
  quoted?: boolean;
  pos: number;
}

export class LexError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export const KEYWORDS: ReadonlySet<string> = new Set([
  'SELECT',
  'FROM',
  'WHERE',
  'GROUP',
  'BY',
  'ORDER',
  'LIMIT',
  'OFFSET',
  'SLIMIT',
  'SOFFSET',
  'FILL',
  'AS',
  'AND',
  'OR',
  'ASC',
  'DESC',
  'SHOW',
  'TAG',
  'VALUES',
  'KEYS',
  'KEY',
  'WITH',
  'MEASUREMENTS',
  'MEASUREMENT',
  'FIELD',
  'SERIES',
  'DATABASES',
  'RETENTION',
  'POLICIES',
  'ON',
  'IN',
  'INTO',
  'TZ',
  'TRUE',
  'FALSE',
]);

const DURATION = /(\d+)(ns|u|µ|ms|s|m|h|d|w)(?![A-Za-z0-9_])/y;
const NUMBER = /\d*\.?\d+(?:[eE][+-]?\d+)?/y;
const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;
const VARIABLE = /\$([A-Za-z_][A-Za-z0-9_]*)/y;
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isIdentStart = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';

/** Whether a regex may start here: after an operator that takes one, or in FROM / WITH KEY positions. */
function regexAllowed(prev: Token | undefined): boolean {
  if (!prev) return false;
  if (prev.type === 'op') return prev.value === '=~' || prev.value === '!~' || prev.value === '=';
  if (prev.type === 'keyword') return prev.value === 'FROM' || prev.value === 'MEASUREMENT';
  if (prev.type === 'punct') return prev.value === ',' || prev.value === '.';
  return false;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '-' && text[i + 1] === '-') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    const start = i;
    // Grafana variables and macros.
    if (c === '$') {
      if (text[i + 1] === '{') {
        const end = text.indexOf('}', i);
        if (end < 0) throw new LexError('unterminated ${...} variable', i);
        const name = (text.slice(i + 2, end).split(':')[0] ?? '').trim();
        tokens.push({ type: 'variable', value: name, pos: start });
        i = end + 1;
        continue;
      }
      VARIABLE.lastIndex = i;
      const m = VARIABLE.exec(text);
      if (!m) throw new LexError("'$' not followed by a variable name", i);
      const name = m[1] as string;
      i += m[0].length;
      if (name === 'timeFilter' || name === '__timeFilter')
        tokens.push({ type: 'time-filter', value: name, pos: start });
      else tokens.push({ type: 'variable', value: name, pos: start });
      continue;
    }
    if (c === '[' && text[i + 1] === '[') {
      const end = text.indexOf(']]', i);
      if (end < 0) throw new LexError('unterminated [[...]] variable', i);
      const name = (text.slice(i + 2, end).split(':')[0] ?? '').trim();
      tokens.push({ type: 'variable', value: name, pos: start });
      i = end + 2;
      continue;
    }
    if (c === '"') {
      let out = '';
      i++;
      while (i < n && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < n) {
          out += text[i + 1];
          i += 2;
        } else out += text[i++];
      }
      if (i >= n) throw new LexError('unterminated quoted identifier', start);
      i++;
      tokens.push({ type: 'ident', value: out, quoted: true, pos: start });
      continue;
    }
    if (c === "'") {
      let out = '';
      i++;
      while (i < n && text[i] !== "'") {
        if (text[i] === '\\' && i + 1 < n) {
          out += text[i + 1];
          i += 2;
        } else out += text[i++];
      }
      if (i >= n) throw new LexError('unterminated string literal', start);
      i++;
      tokens.push({ type: 'string', value: out, pos: start });
      continue;
    }
    if (c === '/' && regexAllowed(tokens[tokens.length - 1])) {
      let out = '';
      i++;
      while (i < n && text[i] !== '/') {
        if (text[i] === '\\' && i + 1 < n) {
          out += text[i] === '\\' && text[i + 1] === '/' ? '/' : text.slice(i, i + 2);
          i += 2;
        } else out += text[i++];
      }
      if (i >= n) throw new LexError('unterminated regular expression', start);
      i++;
      tokens.push({ type: 'regex', value: out, pos: start });
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(text[i + 1] ?? ''))) {
      DURATION.lastIndex = i;
      const d = DURATION.exec(text);
      if (d) {
        tokens.push({ type: 'duration', value: d[0], pos: start });
        i += d[0].length;
        continue;
      }
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text) as RegExpExecArray;
      tokens.push({ type: 'number', value: m[0], pos: start });
      i += m[0].length;
      continue;
    }
    if (isIdentStart(c)) {
      IDENT.lastIndex = i;
      const m = IDENT.exec(text) as RegExpExecArray;
      i += m[0].length;
      const upper = m[0].toUpperCase();
      tokens.push(
        KEYWORDS.has(upper)
          ? { type: 'keyword', value: upper, pos: start }
          : { type: 'ident', value: m[0], pos: start },
      );
      continue;
    }
    const two = text.slice(i, i + 2);
    if (['=~', '!~', '!=', '<>', '<=', '>=', '::'].includes(two)) {
      tokens.push({ type: two === '::' ? 'punct' : 'op', value: two, pos: start });
      i += 2;
      continue;
    }
    if ('=<>+-*/%&|^'.includes(c)) {
      tokens.push({ type: 'op', value: c, pos: start });
      i++;
      continue;
    }
    if ('(),.;'.includes(c)) {
      tokens.push({ type: 'punct', value: c, pos: start });
      i++;
      continue;
    }
    throw new LexError(`unexpected character '${c}'`, i);
  }
  tokens.push({ type: 'eof', value: '', pos: n });
  return tokens;
}
