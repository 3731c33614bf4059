/**
 * A syntax check of TICKscript written from the language specification: a tokenizer and a
 * recursive-descent parser. It proves that generated scripts are well formed without a Kapacitor
 * (none is reachable in CI), and `calvin lint` uses it on hand-written scripts.
 * It checks syntax only: node and property names are not validated.
 */

export interface TickProblem {
  line: number;
  column: number;
  message: string;
}

type TokenKind =
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

interface Token {
  kind: TokenKind;
  text: string;
  offset: number;
}

class TickSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const DURATION_TEXT = /^\d+(?:u|µ|us|µs|ms|s|m|h|d|w)$/;
const COMPARISON = new Set(['==', '!=', '<', '>', '<=', '>=', '=~', '!~']);
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

/** Binary operator precedence levels, loosest first. */
const BINARY_LEVELS: readonly ((token: Token) => boolean)[] = [
  (t) => t.kind === 'op' && t.text === 'OR',
  (t) => t.kind === 'op' && t.text === 'AND',
  (t) => t.kind === 'op' && COMPARISON.has(t.text),
  (t) => t.kind === 'op' && (t.text === '+' || t.text === '-'),
  (t) => (t.kind === 'op' && (t.text === '/' || t.text === '%')) || t.kind === 'star',
];

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)] as Token;
  }
  private take(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index += 1;
    return token;
  }
  private expect(kind: TokenKind, what: string): Token {
    const token = this.peek();
    if (token.kind !== kind) throw new TickSyntaxError(`expected ${what}, found ${describe(token)}`, token.offset);
    return this.take();
  }
  private isOp(...ops: string[]): boolean {
    const token = this.peek();
    return token.kind === 'op' && ops.includes(token.text);
  }

  program(): void {
    while (this.peek().kind !== 'eof') this.statement();
  }

  private statement(): void {
    const token = this.peek();
    if (token.kind === 'var') {
      this.take();
      this.expect('ident', 'a variable name after "var"');
      if (this.peek().kind === '=') {
        this.take();
        this.expression(false);
      } else {
        // Template task type declaration: `var x string`.
        this.expect('ident', '"=" or a type name');
      }
      return;
    }
    if (token.kind === 'ident' && token.text === 'dbrp') {
      this.take();
      this.expect('reference', 'a quoted database');
      this.expect('.', '"." between database and retention policy');
      this.expect('reference', 'a quoted retention policy');
      return;
    }
    const start = this.peek().offset;
    this.expression(false);
    if (this.peek().offset === start) throw new TickSyntaxError(`unexpected ${describe(this.peek())}`, start);
  }

  private expression(inLambda: boolean): void {
    this.binary(0, inLambda);
  }

  /** Precedence climbing: OR < AND < comparison < additive < multiplicative. */
  private binary(level: number, inLambda: boolean): void {
    const matches = BINARY_LEVELS[level];
    if (matches === undefined) {
      this.unary(inLambda);
      return;
    }
    this.binary(level + 1, inLambda);
    while (matches(this.peek())) {
      const operator = this.take();
      if (operator.text === '=~' || operator.text === '!~') {
        this.expect('regex', `a regex after ${operator.text}`);
        continue;
      }
      this.binary(level + 1, inLambda);
    }
  }

  private unary(inLambda: boolean): void {
    if (this.isOp('!', '-')) {
      this.take();
      this.unary(inLambda);
      return;
    }
    this.primary(inLambda);
    if (!inLambda) this.chains();
  }

  private chains(): void {
    for (;;) {
      const token = this.peek();
      if (token.kind !== '|' && token.kind !== '.' && token.kind !== '@') return;
      this.take();
      this.expect('ident', `a ${token.kind === '.' ? 'property' : 'node'} name after "${token.kind}"`);
      this.call(false);
    }
  }

  private call(inLambda: boolean): void {
    this.expect('(', '"("');
    if (this.peek().kind !== ')') {
      this.expression(inLambda);
      while (this.peek().kind === ',') {
        this.take();
        this.expression(inLambda);
      }
    }
    this.expect(')', '")" or ","');
  }

  private primary(inLambda: boolean): void {
    const token = this.peek();
    switch (token.kind) {
      case '(':
        this.take();
        this.expression(inLambda);
        this.expect(')', '")"');
        return;
      case 'number':
      case 'duration':
      case 'string':
      case 'regex':
      case 'bool':
      case 'star':
        this.take();
        return;
      case 'reference':
        if (!inLambda)
          throw new TickSyntaxError(
            `field reference ${token.text} outside a lambda (strings take single quotes)`,
            token.offset,
          );
        this.take();
        return;
      case 'lambda':
        if (inLambda) throw new TickSyntaxError('nested lambda', token.offset);
        this.take();
        this.expression(true);
        return;
      case '[':
        this.take();
        if (this.peek().kind !== ']') {
          this.expression(inLambda);
          while (this.peek().kind === ',') {
            this.take();
            this.expression(inLambda);
          }
        }
        this.expect(']', '"]" or ","');
        return;
      case 'ident':
        this.take();
        if (inLambda && this.peek().kind === '(') this.call(true);
        return;
      default:
        throw new TickSyntaxError(`unexpected ${describe(token)}`, token.offset);
    }
  }
}

function describe(token: Token): string {
  if (token.kind === 'eof') return 'end of script';
  return `${token.kind === 'op' || token.kind.length === 1 ? '' : `${token.kind} `}"${token.text}"`;
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

/** Syntax problems of a TICKscript (empty when well formed); line and column are 1-based. */
export function checkTickscript(text: string): TickProblem[] {
  try {
    new Parser(tokenizeTickscript(text)).program();
    return [];
  } catch (error) {
    if (error instanceof TickSyntaxError) return [{ ...position(text, error.offset), message: error.message }];
    throw error;
  }
}
