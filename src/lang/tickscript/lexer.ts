/** Tokens of TICKscript, written from the language specification, with their offsets. */

export type TokenKind =
  | 'var'
  | 'ident'
  | 'reference'
  | 'string'
  | 'number'
  | 'duration'
  | 'regex'
  | 'lambda'
  | 'bool'
  | 'star'
  | '('
  | ')'
  | '['
  | ']'
  | ','
  | '.'
  | '|'
  | '@'
  | '='
  | 'op'
  | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  offset: number;
}

export class TickSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const DURATION_TEXT = /^\d+(?:u|µ|us|µs|ms|s|m|h|d|w)$/;
export const COMPARISON: ReadonlySet<string> = new Set(['==', '!=', '<', '>', '<=', '>=', '=~', '!~']);
/** Tokens after which `/` divides; anywhere else it opens a regex. */
const OPERAND_END = new Set<TokenKind>([
  'ident',
  'reference',
  'string',
  'number',
  'duration',
  'regex',
  'bool',
  'star',
  ')',
  ']',
]);

const LETTER = /\p{L}/u;
function isLetter(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER.test(ch);
}
function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || (ch.charCodeAt(0) > 127 && /\s/u.test(ch));
}
function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}
function isIdentChar(ch: string): boolean {
  return isLetter(ch) || isDigit(ch) || ch === '_';
}

export function tokenizeTickscript(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  const push = (kind: TokenKind, start: number, end: number): void => {
    tokens.push({ kind, text: text.slice(start, end), offset: start });
    pos = end;
  };
  const previous = (): TokenKind | undefined => tokens[tokens.length - 1]?.kind;

  while (pos < text.length) {
    const ch = text[pos] ?? '';
    const next = text[pos + 1] ?? '';
    if (isSpace(ch)) {
      pos += 1;
      continue;
    }
    if (ch === '/' && next === '/') {
      const end = text.indexOf('\n', pos);
      pos = end === -1 ? text.length : end;
      continue;
    }
    const start = pos;
    if (ch === "'") {
      if (text.startsWith("'''", pos)) {
        const end = text.indexOf("'''", pos + 3);
        if (end === -1) throw new TickSyntaxError('unterminated triple-quoted string', start);
        push('string', start, end + 3);
        continue;
      }
      let i = pos + 1;
      for (;;) {
        const c = text[i];
        if (c === undefined) throw new TickSyntaxError('unterminated string', start);
        if (c === '\\' && text[i + 1] === "'") i += 2;
        else if (c === "'") break;
        else i += 1;
      }
      push('string', start, i + 1);
      continue;
    }
    if (ch === '"') {
      let i = pos + 1;
      for (;;) {
        const c = text[i];
        if (c === undefined) throw new TickSyntaxError('unterminated field reference', start);
        if (c === '\\' && text[i + 1] === '"') i += 2;
        else if (c === '"') break;
        else i += 1;
      }
      if (i === pos + 1) throw new TickSyntaxError('empty field reference', start);
      push('reference', start, i + 1);
      continue;
    }
    if (ch === '/' && !OPERAND_END.has(previous() ?? 'eof')) {
      let i = pos + 1;
      for (;;) {
        const c = text[i];
        if (c === undefined || c === '\n') throw new TickSyntaxError('unterminated regex', start);
        if (c === '\\' && text[i + 1] === '/') i += 2;
        else if (c === '/') break;
        else i += 1;
      }
      push('regex', start, i + 1);
      continue;
    }
    if (isDigit(ch) || (ch === '.' && isDigit(next))) {
      let i = pos;
      while (isDigit(text[i] ?? '') || text[i] === '.') i += 1;
      let j = i;
      while (isIdentChar(text[j] ?? '')) j += 1;
      const literal = text.slice(start, j);
      if (j > i) {
        if (!DURATION_TEXT.test(literal))
          throw new TickSyntaxError(`bad duration "${literal}" (use one unit: 10s, 5m, 1h)`, start);
        push('duration', start, j);
      } else {
        if ((literal.match(/\./g) ?? []).length > 1 || literal.endsWith('.'))
          throw new TickSyntaxError(`bad number "${literal}"`, start);
        push('number', start, j);
      }
      continue;
    }
    if (isLetter(ch)) {
      let i = pos;
      while (isIdentChar(text[i] ?? '')) i += 1;
      const word = text.slice(start, i);
      if (word === 'var') push('var', start, i);
      else if (word === 'lambda' && text[i] === ':') push('lambda', start, i + 1);
      else if (word === 'TRUE' || word === 'FALSE') push('bool', start, i);
      else if (word === 'AND' || word === 'OR') push('op', start, i);
      else push('ident', start, i);
      continue;
    }
    const two = text.slice(pos, pos + 2);
    if (['==', '!=', '<=', '>=', '=~', '!~'].includes(two)) {
      push('op', start, pos + 2);
      continue;
    }
    if ('<>+-/%!'.includes(ch)) {
      push('op', start, pos + 1);
      continue;
    }
    const single: Record<string, TokenKind> = {
      '(': '(',
      ')': ')',
      '[': '[',
      ']': ']',
      ',': ',',
      '.': '.',
      '|': '|',
      '@': '@',
      '=': '=',
      '*': 'star',
    };
    const kind = single[ch];
    if (kind === undefined) throw new TickSyntaxError(`unexpected character ${JSON.stringify(ch)}`, start);
    push(kind, start, pos + 1);
  }
  tokens.push({ kind: 'eof', text: '', offset: text.trimEnd().length });
  return tokens;
}
