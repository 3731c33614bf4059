/**
 * A recursive-descent parser for InfluxQL SELECT and SHOW statements, tolerant of Grafana's
 * template variables. Errors carry the offset of the offending token.
 */
import type {
  Expr,
  GroupBy,
  MeasurementName,
  ParseResult,
  SelectField,
  SelectStatement,
  ShowStatement,
  Source,
  Statement,
} from './ast.js';
import { LexError, tokenize, type Token } from './lexer.js';

class ParseError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Binding strength of binary operators (the printer parenthesises by the same table). */
export const PRECEDENCE: Readonly<Record<string, number>> = {
  OR: 1,
  AND: 2,
  '=': 3,
  '!=': 3,
  '<>': 3,
  '<': 3,
  '<=': 3,
  '>': 3,
  '>=': 3,
  '=~': 3,
  '!~': 3,
  '+': 4,
  '-': 4,
  '|': 4,
  '^': 4,
  '*': 5,
  '/': 5,
  '%': 5,
  '&': 5,
};

type PagingKeyword = 'LIMIT' | 'OFFSET' | 'SLIMIT' | 'SOFFSET';
type Paging = Pick<SelectStatement, 'limit' | 'offset' | 'slimit' | 'soffset'>;
const PAGING_FIELD: Readonly<Record<PagingKeyword, keyof Paging>> = {
  LIMIT: 'limit',
  OFFSET: 'offset',
  SLIMIT: 'slimit',
  SOFFSET: 'soffset',
};
const SELECT_PAGING: readonly PagingKeyword[] = ['LIMIT', 'OFFSET', 'SLIMIT', 'SOFFSET'];
const SHOW_PAGING: readonly PagingKeyword[] = ['LIMIT', 'OFFSET'];

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private get tok(): Token {
    return this.tokens[this.i] as Token;
  }
  private peek(n = 1): Token {
    return (this.tokens[this.i + n] ?? this.tokens[this.tokens.length - 1]) as Token;
  }
  private next(): Token {
    const t = this.tok;
    if (t.type !== 'eof') this.i++;
    return t;
  }
  private isKw(...words: string[]): boolean {
    return this.tok.type === 'keyword' && words.includes(this.tok.value);
  }
  private isPunct(p: string): boolean {
    return this.tok.type === 'punct' && this.tok.value === p;
  }
  private describe(t: Token): string {
    return t.type === 'eof' ? 'end of query' : `'${t.value}'`;
  }
  private fail(expected: string): never {
    throw new ParseError(`expected ${expected}, found ${this.describe(this.tok)}`, this.tok.pos);
  }
  private expectKw(word: string): Token {
    if (!this.isKw(word)) this.fail(word);
    return this.next();
  }
  private expectPunct(p: string): Token {
    if (!this.isPunct(p)) this.fail(`'${p}'`);
    return this.next();
  }
  private integer(what: string): number {
    if (this.tok.type !== 'number' || !/^\d+$/.test(this.tok.value)) this.fail(what);
    return Number(this.next().value);
  }
  private identifier(what: string): string {
    // Keywords are allowed as names when quoted only; bare non-reserved words are identifiers.
    if (this.tok.type === 'ident') return this.next().value;
    return this.fail(what);
  }

  parseStatements(): Statement[] {
    const out: Statement[] = [];
    while (this.tok.type !== 'eof') {
      if (this.isPunct(';')) {
        this.next();
        continue;
      }
      out.push(this.statement());
      if (!this.isPunct(';') && (this.tok.type as string) !== 'eof') this.fail("';' or end of query");
    }
    if (out.length === 0) throw new ParseError('empty query', 0);
    return out;
  }

  private statement(): Statement {
    if (this.isKw('SELECT')) return this.select();
    if (this.isKw('SHOW')) return this.show();
    return this.fail('SELECT or SHOW');
  }

  private select(): SelectStatement {
    const pos = this.expectKw('SELECT').pos;
    const fields: SelectField[] = [];
    do {
      const expr = this.expr(0);
      let alias: string | undefined;
      if (this.isKw('AS')) {
        this.next();
        alias = this.identifier('an alias after AS');
      }
      fields.push(alias === undefined ? { expr } : { expr, alias });
    } while (this.isPunct(',') && this.next());
    const stmt: SelectStatement = { kind: 'select', fields, from: [], groupBy: { tags: [], all: false }, pos };
    if (this.isKw('INTO')) {
      this.next();
      const target = this.sources()[0]?.measurement;
      stmt.into = target?.type === 'name' ? target.name : '';
    }
    this.expectKw('FROM');
    stmt.from = this.sources();
    if (this.isKw('WHERE')) {
      this.next();
      stmt.where = this.expr(0);
    }
    if (this.isKw('GROUP')) {
      this.next();
      this.expectKw('BY');
      stmt.groupBy = this.groupBy();
    }
    if (this.isKw('FILL')) {
      const fpos = this.next().pos;
      this.expectPunct('(');
      const t = this.next();
      let value: string | number;
      if (t.type === 'number') value = Number(t.value);
      else if (t.type === 'op' && t.value === '-' && this.tok.type === 'number') value = -Number(this.next().value);
      else if (t.type === 'ident' && ['null', 'none', 'previous', 'linear'].includes(t.value.toLowerCase()))
        value = t.value.toLowerCase();
      else if (t.type === 'variable') value = `$${t.value}`;
      else
        throw new ParseError(`fill() takes null, none, previous, linear or a number, not ${this.describe(t)}`, t.pos);
      this.expectPunct(')');
      stmt.fill = { value, pos: fpos };
    }
    if (this.isKw('ORDER')) {
      this.next();
      this.expectKw('BY');
      const t = this.next();
      if (!(t.type === 'ident' && t.value.toLowerCase() === 'time'))
        throw new ParseError('ORDER BY supports only time', t.pos);
      if (this.isKw('DESC')) {
        this.next();
        stmt.orderByTimeDesc = true;
      } else if (this.isKw('ASC')) this.next();
    }
    for (;;) {
      if (this.paging(stmt, SELECT_PAGING)) continue;
      if (this.isKw('TZ')) {
        this.next();
        this.expectPunct('(');
        if (this.tok.type !== 'string') this.fail('a time zone string');
        stmt.tz = this.next().value;
        this.expectPunct(')');
      } else break;
    }
    return stmt;
  }

  private groupBy(): GroupBy {
    const g: GroupBy = { tags: [], all: false };
    do {
      const t = this.tok;
      if (t.type === 'op' && t.value === '*') {
        this.next();
        g.all = true;
      } else if (
        t.type === 'ident' &&
        !t.quoted &&
        t.value.toLowerCase() === 'time' &&
        this.peek().type === 'punct' &&
        this.peek().value === '('
      ) {
        this.next();
        this.next();
        const interval = this.expr(0);
        if (!(interval.type === 'duration' || interval.type === 'variable'))
          throw new ParseError('time() takes a duration such as 1m or $__interval', interval.pos);
        let offset: Expr | undefined;
        if (this.isPunct(',')) {
          this.next();
          offset = this.expr(0);
        }
        this.expectPunct(')');
        g.time = offset ? { interval, offset, pos: t.pos } : { interval, pos: t.pos };
      } else if (t.type === 'ident') {
        this.next();
        g.tags.push({ name: t.value, pos: t.pos });
      } else if (t.type === 'variable') {
        this.next();
        g.tags.push({ name: `$${t.value}`, pos: t.pos });
      } else if (t.type === 'regex') {
        this.next();
        g.all = true;
      } else this.fail('a tag, time() or * after GROUP BY');
    } while (this.isPunct(',') && this.next());
    return g;
  }

  private sources(): Source[] {
    const out: Source[] = [];
    do out.push(this.source());
    while (this.isPunct(',') && this.next());
    return out;
  }

  private measurementPart(): MeasurementName {
    const t = this.tok;
    if (t.type === 'ident') {
      this.next();
      return { type: 'name', name: t.value };
    }
    if (t.type === 'regex') {
      this.next();
      return { type: 'regex', pattern: t.value };
    }
    if (t.type === 'variable') {
      this.next();
      return { type: 'variable', name: t.value };
    }
    if (t.type === 'keyword') {
      // Unquoted keywords as measurement names are a syntax error in InfluxDB too.
      throw new ParseError(
        `${t.value} is a keyword: quote it as "${t.value.toLowerCase()}" to use it as a name`,
        t.pos,
      );
    }
    return this.fail('a measurement name, regex or variable');
  }

  private source(): Source {
    const pos = this.tok.pos;
    if (this.isPunct('(')) {
      this.next();
      const subquery = this.select();
      this.expectPunct(')');
      return { measurement: { type: 'name', name: '' }, subquery, pos };
    }
    const parts: (MeasurementName | undefined)[] = [this.measurementPart()];
    // db.rp.measurement, db..measurement; bare names like snmp.uap are dotted identifiers.
    while (this.isPunct('.')) {
      this.next();
      if (this.isPunct('.')) {
        parts.push(undefined);
        continue;
      }
      parts.push(this.measurementPart());
    }
    const name = (p: MeasurementName | undefined): string | undefined =>
      p?.type === 'name' ? p.name : p?.type === 'variable' ? `$${p.name}` : undefined;
    if (parts.length === 1) return { measurement: parts[0] as MeasurementName, pos };
    const last = parts[parts.length - 1] as MeasurementName;
    if (parts.length === 2) {
      const rp = name(parts[0]);
      return rp === undefined ? { measurement: last, pos } : { retentionPolicy: rp, measurement: last, pos };
    }
    if (parts.length === 3) {
      const src: Source = { measurement: last, pos };
      const db = name(parts[0]);
      const rp = name(parts[1]);
      if (db !== undefined) src.database = db;
      if (rp !== undefined) src.retentionPolicy = rp;
      return src;
    }
    // More dots: an unquoted dotted measurement name (snmp.usg.interfaces) after db.rp.
    const joined = parts
      .map((p) => name(p) ?? '')
      .slice(2)
      .join('.');
    const src: Source = { measurement: { type: 'name', name: joined }, pos };
    const db = name(parts[0]);
    const rp = name(parts[1]);
    if (db !== undefined) src.database = db;
    if (rp !== undefined) src.retentionPolicy = rp;
    return src;
  }

  private show(): ShowStatement {
    const pos = this.expectKw('SHOW').pos;
    let what: ShowStatement['what'];
    if (this.isKw('TAG')) {
      this.next();
      if (this.isKw('VALUES')) what = 'tag-values';
      else if (this.isKw('KEYS')) what = 'tag-keys';
      else this.fail('VALUES or KEYS after SHOW TAG');
      this.next();
    } else if (this.isKw('FIELD')) {
      this.next();
      this.expectKw('KEYS');
      what = 'field-keys';
    } else if (this.isKw('MEASUREMENTS')) {
      this.next();
      what = 'measurements';
    } else if (this.isKw('SERIES')) {
      this.next();
      what = 'series';
    } else if (this.isKw('DATABASES')) {
      this.next();
      what = 'databases';
    } else if (this.isKw('RETENTION')) {
      this.next();
      this.expectKw('POLICIES');
      what = 'retention-policies';
    } else return this.fail('TAG VALUES, TAG KEYS, FIELD KEYS, MEASUREMENTS, SERIES, DATABASES or RETENTION POLICIES');
    const stmt: ShowStatement = { kind: 'show', what, from: [], pos };
    // SHOW TAG VALUES [EXACT] CARDINALITY ... (InfluxDB 1.4+)
    if (this.tok.type === 'ident' && this.tok.value.toUpperCase() === 'EXACT') this.next();
    if (this.tok.type === 'ident' && this.tok.value.toUpperCase() === 'CARDINALITY') {
      this.next();
      stmt.cardinality = true;
    }
    if (this.isKw('ON')) {
      this.next();
      stmt.on = this.tok.type === 'variable' ? `$${this.next().value}` : this.identifier('a database name after ON');
    }
    if (this.isKw('FROM')) {
      this.next();
      stmt.from = this.sources();
    }
    if (this.isKw('WITH')) {
      this.next();
      if (this.isKw('KEY')) {
        const kpos = this.next().pos;
        if (this.isKw('IN')) {
          this.next();
          this.expectPunct('(');
          const keys: string[] = [];
          do keys.push(this.identifier('a tag key'));
          while (this.isPunct(',') && this.next());
          this.expectPunct(')');
          stmt.withKey = { op: 'IN', keys, pos: kpos };
        } else {
          const op = this.next();
          if (op.type !== 'op' || !['=', '!=', '=~', '!~', '<>'].includes(op.value))
            throw new ParseError(`expected =, !=, =~, !~ or IN after WITH KEY, found ${this.describe(op)}`, op.pos);
          const v = this.next();
          if (v.type === 'ident' || v.type === 'regex') stmt.withKey = { op: op.value, keys: [v.value], pos: kpos };
          else if (v.type === 'variable') stmt.withKey = { op: op.value, keys: [`$${v.value}`], pos: kpos };
          else throw new ParseError(`expected a tag key after WITH KEY ${op.value}, found ${this.describe(v)}`, v.pos);
        }
      } else if (this.isKw('MEASUREMENT')) {
        this.next();
        const op = this.next();
        if (op.type !== 'op')
          throw new ParseError(`expected an operator after WITH MEASUREMENT, found ${this.describe(op)}`, op.pos);
        stmt.withMeasurement = { op: op.value, value: this.measurementPart() };
      } else this.fail('KEY or MEASUREMENT after WITH');
    }
    if (stmt.what === 'tag-values' && !stmt.withKey)
      throw new ParseError('SHOW TAG VALUES needs WITH KEY = "<tag>"', this.tok.pos);
    if (this.isKw('WHERE')) {
      this.next();
      stmt.where = this.expr(0);
    }
    while (this.paging(stmt, SHOW_PAGING));
    return stmt;
  }

  /** One LIMIT/OFFSET-style clause, if the next keyword is one of `allowed`; they may come in any order. */
  private paging(stmt: Paging, allowed: readonly PagingKeyword[]): boolean {
    const keyword = allowed.find((k) => this.isKw(k));
    if (keyword === undefined) return false;
    this.next();
    stmt[PAGING_FIELD[keyword]] = this.integer(`a number after ${keyword}`);
    return true;
  }

  private binaryOp(): string | undefined {
    const t = this.tok;
    if (t.type === 'op' && t.value in PRECEDENCE) return t.value;
    if (t.type === 'keyword' && (t.value === 'AND' || t.value === 'OR')) return t.value;
    return undefined;
  }

  private expr(minPrec: number): Expr {
    let left = this.unary();
    for (;;) {
      const op = this.binaryOp();
      if (!op) return left;
      const prec = PRECEDENCE[op] as number;
      if (prec <= minPrec) return left;
      this.next();
      const right = this.expr(prec);
      left = { type: 'binary', op, left, right, pos: left.pos };
    }
  }

  private unary(): Expr {
    const t = this.tok;
    switch (t.type) {
      case 'ident': {
        this.next();
        if (!t.quoted && this.isPunct('(')) {
          this.next();
          const args: Expr[] = [];
          if (!this.isPunct(')')) {
            do args.push(this.expr(0));
            while (this.isPunct(',') && this.next());
          }
          this.expectPunct(')');
          return { type: 'call', name: t.value.toLowerCase(), args, pos: t.pos };
        }
        let cast: string | undefined;
        if (this.isPunct('::')) {
          this.next();
          cast =
            this.tok.type === 'ident' || this.tok.type === 'keyword'
              ? this.next().value.toLowerCase()
              : this.fail('a type after ::');
        }
        return cast ? { type: 'ref', name: t.value, cast, pos: t.pos } : { type: 'ref', name: t.value, pos: t.pos };
      }
      case 'string':
        this.next();
        return { type: 'string', value: t.value, pos: t.pos };
      case 'number':
        this.next();
        return { type: 'number', value: Number(t.value), pos: t.pos };
      case 'duration':
        this.next();
        return { type: 'duration', value: t.value, pos: t.pos };
      case 'regex':
        this.next();
        return { type: 'regex', pattern: t.value, pos: t.pos };
      case 'variable':
        this.next();
        return { type: 'variable', name: t.value, pos: t.pos };
      case 'time-filter':
        this.next();
        return { type: 'time-filter', pos: t.pos };
      case 'keyword':
        if (t.value === 'TRUE' || t.value === 'FALSE') {
          this.next();
          return { type: 'boolean', value: t.value === 'TRUE', pos: t.pos };
        }
        break;
      case 'op':
        if (t.value === '*') {
          this.next();
          return { type: 'wildcard', pos: t.pos };
        }
        if (t.value === '-') {
          this.next();
          const inner = this.unary();
          if (inner.type === 'number') return { ...inner, value: -inner.value, pos: t.pos };
          return { type: 'binary', op: '*', left: { type: 'number', value: -1, pos: t.pos }, right: inner, pos: t.pos };
        }
        break;
      case 'punct':
        if (t.value === '(') {
          this.next();
          const inner = this.expr(0);
          this.expectPunct(')');
          return { type: 'paren', expr: inner, pos: t.pos };
        }
        break;
      default:
        break;
    }
    return this.fail('an expression');
  }
}

/** Parse one or more `;`-separated statements. Never throws: syntax errors come back with offsets. */
export function parseInfluxQL(text: string): ParseResult {
  try {
    const tokens = tokenize(text);
    return { statements: new Parser(tokens).parseStatements(), errors: [] };
  } catch (error) {
    if (error instanceof ParseError || error instanceof LexError)
      return { statements: [], errors: [{ message: error.message, offset: error.offset }] };
    throw error;
  }
}
