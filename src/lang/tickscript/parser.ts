/**
 * A recursive-descent parser of TICKscript, written from the language specification. It proves that
 * generated scripts are well formed, and `calvin lint` reads hand-written scripts with it. Syntax
 * only: node and property names are not validated (Kapacitor does that when it defines the task).
 */
import type { ChainOp, Expr, Link, ParseResult, Program, Statement, TickProblem } from './ast.js';
import { COMPARISON, type Token, type TokenKind, TickSyntaxError, tokenizeTickscript } from './lexer.js';

/** Binary operator precedence levels, loosest first. */
const BINARY_LEVELS: readonly ((token: Token) => boolean)[] = [
  (t) => t.kind === 'op' && t.text === 'OR',
  (t) => t.kind === 'op' && t.text === 'AND',
  (t) => t.kind === 'op' && COMPARISON.has(t.text),
  (t) => t.kind === 'op' && (t.text === '+' || t.text === '-'),
  (t) => (t.kind === 'op' && (t.text === '/' || t.text === '%')) || t.kind === 'star',
];

function unquote(raw: string, quote: string): string {
  return raw.slice(1, -1).replaceAll(`\\${quote}`, quote);
}

function stringValue(raw: string): string {
  return raw.startsWith("'''") ? raw.slice(3, -3) : unquote(raw, "'");
}

function describe(token: Token): string {
  if (token.kind === 'eof') return 'end of script';
  return `${token.kind === 'op' || token.kind.length === 1 ? '' : `${token.kind} `}"${token.text}"`;
}

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

  program(into: Program): void {
    while (this.peek().kind !== 'eof') into.statements.push(this.statement());
  }

  private statement(): Statement {
    const token = this.peek();
    if (token.kind === 'var') {
      this.take();
      const name = this.expect('ident', 'a variable name after "var"').text;
      if (this.peek().kind === '=') {
        this.take();
        return { type: 'var', name, value: this.expression(false), offset: token.offset };
      }
      // Template task type declaration: `var x string`.
      const typeName = this.expect('ident', '"=" or a type name').text;
      return { type: 'var-type', name, typeName, offset: token.offset };
    }
    if (token.kind === 'ident' && token.text === 'dbrp') {
      this.take();
      const database = unquote(this.expect('reference', 'a quoted database').text, '"');
      this.expect('.', '"." between database and retention policy');
      const retentionPolicy = unquote(this.expect('reference', 'a quoted retention policy').text, '"');
      return { type: 'dbrp', database, retentionPolicy, offset: token.offset };
    }
    const start = this.peek().offset;
    const expr = this.expression(false);
    if (this.peek().offset === start) throw new TickSyntaxError(`unexpected ${describe(this.peek())}`, start);
    return { type: 'expr', expr, offset: start };
  }

  private expression(inLambda: boolean): Expr {
    return this.binary(0, inLambda);
  }

  /** Precedence climbing: OR < AND < comparison < additive < multiplicative. */
  private binary(level: number, inLambda: boolean): Expr {
    const matches = BINARY_LEVELS[level];
    if (matches === undefined) return this.unary(inLambda);
    let left = this.binary(level + 1, inLambda);
    while (matches(this.peek())) {
      const operator = this.take();
      let right: Expr;
      if (operator.text === '=~' || operator.text === '!~') {
        const regex = this.expect('regex', `a regex after ${operator.text}`);
        right = { type: 'regex', raw: regex.text, offset: regex.offset };
      } else {
        right = this.binary(level + 1, inLambda);
      }
      left = { type: 'binary', op: operator.text, left, right, offset: left.offset };
    }
    return left;
  }

  private unary(inLambda: boolean): Expr {
    if (this.isOp('!', '-')) {
      const op = this.take();
      return { type: 'unary', op: op.text as '!' | '-', operand: this.unary(inLambda), offset: op.offset };
    }
    const primary = this.primary(inLambda);
    return inLambda ? primary : this.chains(primary);
  }

  private chains(head: Expr): Expr {
    const links: Link[] = [];
    for (;;) {
      const token = this.peek();
      if (token.kind !== '|' && token.kind !== '.' && token.kind !== '@') break;
      this.take();
      const what = token.kind === '.' ? 'property' : 'node';
      const name = this.expect('ident', `a ${what} name after "${token.kind}"`).text;
      links.push({ op: token.kind as ChainOp, name, args: this.args(false), offset: token.offset });
    }
    return links.length === 0 ? head : { type: 'chain', head, links, offset: head.offset };
  }

  private args(inLambda: boolean): Expr[] {
    this.expect('(', '"("');
    const args: Expr[] = [];
    if (this.peek().kind !== ')') {
      args.push(this.expression(inLambda));
      while (this.peek().kind === ',') {
        this.take();
        args.push(this.expression(inLambda));
      }
    }
    this.expect(')', '")" or ","');
    return args;
  }

  private primary(inLambda: boolean): Expr {
    const token = this.peek();
    const offset = token.offset;
    switch (token.kind) {
      case '(': {
        this.take();
        const expr = this.expression(inLambda);
        this.expect(')', '")"');
        return { type: 'paren', expr, offset };
      }
      case 'number':
      case 'duration':
        this.take();
        return { type: token.kind, raw: token.text, offset };
      case 'string':
        this.take();
        return { type: 'string', raw: token.text, value: stringValue(token.text), offset };
      case 'regex':
        this.take();
        return { type: 'regex', raw: token.text, offset };
      case 'bool':
        this.take();
        return { type: 'bool', value: token.text === 'TRUE', offset };
      case 'star':
        this.take();
        return { type: 'star', offset };
      case 'reference':
        if (!inLambda) {
          throw new TickSyntaxError(
            `field reference ${token.text} outside a lambda (strings take single quotes)`,
            offset,
          );
        }
        this.take();
        return { type: 'reference', raw: token.text, name: unquote(token.text, '"'), offset };
      case 'lambda':
        if (inLambda) throw new TickSyntaxError('nested lambda', offset);
        this.take();
        return { type: 'lambda', body: this.expression(true), offset };
      case '[': {
        this.take();
        const items: Expr[] = [];
        if (this.peek().kind !== ']') {
          items.push(this.expression(inLambda));
          while (this.peek().kind === ',') {
            this.take();
            items.push(this.expression(inLambda));
          }
        }
        this.expect(']', '"]" or ","');
        return { type: 'list', items, offset };
      }
      case 'ident':
        this.take();
        // Functions: in lambdas (`sigma("x")`) and as arguments (`.groupBy(time(1m), 'host')`).
        if (this.peek().kind === '(') return { type: 'call', name: token.text, args: this.args(inLambda), offset };
        return { type: 'identifier', name: token.text, offset };
      default:
        throw new TickSyntaxError(`unexpected ${describe(token)}`, offset);
    }
  }
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** The script's tree; on a syntax error, the statements before it and the error (1-based line/column). */
export function parseTickscript(text: string): ParseResult {
  const program: Program = { type: 'program', statements: [] };
  try {
    new Parser(tokenizeTickscript(text)).program(program);
    return { program, errors: [] };
  } catch (error) {
    if (!(error instanceof TickSyntaxError)) throw error;
    const problem: TickProblem = { ...lineColumn(text, error.offset), message: error.message };
    return { program, errors: [problem] };
  }
}

/** Syntax problems of a TICKscript (empty when well formed); line and column are 1-based. */
export function checkTickscript(text: string): TickProblem[] {
  return parseTickscript(text).errors;
}
