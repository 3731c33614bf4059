/**
 * Prints an InfluxQL syntax tree back to text. `parse(print(ast))` gives the same tree (positions and
 * redundant parentheses aside). With `canonical`, AND-ed WHERE conditions and GROUP BY tags are
 * sorted, so two queries that differ only in layout, quoting, case or that order print the same.
 */
import type { Expr, MeasurementName, SelectStatement, ShowStatement, Source, Statement } from './ast.js';
import { KEYWORDS } from './lexer.js';
import { PRECEDENCE } from './parser.js';

export interface PrintOptions {
  /** Sort AND-ed conditions and GROUP BY tags, drop redundant parentheses. */
  canonical?: boolean;
}

const BARE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function printIdentifier(name: string): string {
  if (BARE.test(name) && !KEYWORDS.has(name.toUpperCase())) return name;
  return `"${name.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

export function printString(value: string): string {
  return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

export function printRegex(pattern: string): string {
  return `/${pattern.replace(/\//g, '\\/')}/`;
}

function printVariable(name: string): string {
  return VARIABLE_NAME.test(name) ? `$${name}` : `\${${name}}`;
}

/** A name that may be a `$variable` (the parser keeps those as `$name` strings). */
function printNameOrVariable(name: string): string {
  return name.startsWith('$') && VARIABLE_NAME.test(name.slice(1)) ? name : printIdentifier(name);
}

function printNumber(value: number): string {
  return String(value);
}

function unparen(expr: Expr): Expr {
  return expr.type === 'paren' ? unparen(expr.expr) : expr;
}

function andOperands(expr: Expr): Expr[] {
  const e = unparen(expr);
  if (e.type === 'binary' && e.op === 'AND') return [...andOperands(e.left), ...andOperands(e.right)];
  return [e];
}

class Printer {
  constructor(private readonly canonical: boolean) {}

  expr(expr: Expr): string {
    switch (expr.type) {
      case 'binary':
        return this.binary(expr);
      case 'call':
        return `${expr.name}(${expr.args.map((a) => this.expr(a)).join(', ')})`;
      case 'ref':
        return expr.cast ? `${printIdentifier(expr.name)}::${expr.cast}` : printIdentifier(expr.name);
      case 'string':
        return printString(expr.value);
      case 'number':
        return printNumber(expr.value);
      case 'duration':
        return expr.value;
      case 'regex':
        return printRegex(expr.pattern);
      case 'boolean':
        return expr.value ? 'true' : 'false';
      case 'variable':
        return printVariable(expr.name);
      case 'time-filter':
        return '$timeFilter';
      case 'wildcard':
        return '*';
      case 'paren':
        return this.canonical ? this.expr(expr.expr) : `(${this.expr(expr.expr)})`;
    }
  }

  private operand(child: Expr, prec: number, right: boolean): string {
    const c = this.canonical ? unparen(child) : child;
    const text = this.expr(c);
    if (c.type !== 'binary') return text;
    const childPrec = PRECEDENCE[c.op] ?? 0;
    // Operators are left-associative: an equal-precedence operand on the right needs parentheses.
    return childPrec < prec || (right && childPrec === prec) ? `(${text})` : text;
  }

  private binary(expr: Extract<Expr, { type: 'binary' }>): string {
    const prec = PRECEDENCE[expr.op] ?? 0;
    if (this.canonical && expr.op === 'AND') {
      const parts = andOperands(expr).map((e) => this.operand(e, prec, false));
      return [...parts].sort().join(' AND ');
    }
    return `${this.operand(expr.left, prec, false)} ${expr.op} ${this.operand(expr.right, prec, true)}`;
  }

  measurement(m: MeasurementName): string {
    if (m.type === 'name') return printIdentifier(m.name);
    if (m.type === 'regex') return printRegex(m.pattern);
    return printVariable(m.name);
  }

  source(source: Source): string {
    if (source.subquery) return `(${this.select(source.subquery)})`;
    const m = this.measurement(source.measurement);
    const db = source.database === undefined ? undefined : printNameOrVariable(source.database);
    const rp = source.retentionPolicy === undefined ? undefined : printNameOrVariable(source.retentionPolicy);
    if (db !== undefined) return `${db}.${rp ?? ''}.${m}`;
    return rp !== undefined ? `${rp}.${m}` : m;
  }

  select(s: SelectStatement): string {
    const out: string[] = ['SELECT'];
    out.push(s.fields.map((f) => this.expr(f.expr) + (f.alias ? ` AS ${printIdentifier(f.alias)}` : '')).join(', '));
    if (s.into !== undefined) out.push('INTO', printIdentifier(s.into));
    out.push('FROM', s.from.map((src) => this.source(src)).join(', '));
    if (s.where) out.push('WHERE', this.expr(s.where));
    const dims: string[] = [];
    if (s.groupBy.time) {
      const t = s.groupBy.time;
      dims.push(`time(${this.expr(t.interval)}${t.offset ? `, ${this.expr(t.offset)}` : ''})`);
    }
    const tags = s.groupBy.tags.map((t) => printNameOrVariable(t.name));
    dims.push(...(this.canonical ? [...tags].sort() : tags));
    if (s.groupBy.all) dims.push('*');
    if (dims.length > 0) out.push('GROUP BY', dims.join(', '));
    if (s.fill) {
      const v = s.fill.value;
      out.push(`fill(${typeof v === 'number' ? printNumber(v) : v})`);
    }
    if (s.orderByTimeDesc) out.push('ORDER BY time DESC');
    if (s.limit !== undefined) out.push('LIMIT', String(s.limit));
    if (s.offset !== undefined) out.push('OFFSET', String(s.offset));
    if (s.slimit !== undefined) out.push('SLIMIT', String(s.slimit));
    if (s.soffset !== undefined) out.push('SOFFSET', String(s.soffset));
    if (s.tz !== undefined) out.push(`tz(${printString(s.tz)})`);
    return out.join(' ');
  }

  show(s: ShowStatement): string {
    const what: Record<ShowStatement['what'], string> = {
      'tag-values': 'TAG VALUES',
      'tag-keys': 'TAG KEYS',
      measurements: 'MEASUREMENTS',
      'field-keys': 'FIELD KEYS',
      series: 'SERIES',
      databases: 'DATABASES',
      'retention-policies': 'RETENTION POLICIES',
    };
    const out: string[] = ['SHOW', what[s.what]];
    if (s.cardinality) out.push('CARDINALITY');
    if (s.on !== undefined) out.push('ON', printNameOrVariable(s.on));
    if (s.from.length > 0) out.push('FROM', s.from.map((src) => this.source(src)).join(', '));
    if (s.withKey) {
      const { op, keys } = s.withKey;
      const key = (k: string): string => (op === '=~' || op === '!~' ? printRegex(k) : printNameOrVariable(k));
      if (op === 'IN') out.push('WITH KEY IN', `(${keys.map((k) => printIdentifier(k)).join(', ')})`);
      else out.push('WITH KEY', op, key(keys[0] ?? ''));
    }
    if (s.withMeasurement)
      out.push('WITH MEASUREMENT', s.withMeasurement.op, this.measurement(s.withMeasurement.value));
    if (s.where) out.push('WHERE', this.expr(s.where));
    if (s.limit !== undefined) out.push('LIMIT', String(s.limit));
    if (s.offset !== undefined) out.push('OFFSET', String(s.offset));
    return out.join(' ');
  }

  statement(s: Statement): string {
    return s.kind === 'select' ? this.select(s) : this.show(s);
  }
}

/** One statement, or several joined by `; `. */
export function printInfluxQL(statements: Statement | readonly Statement[], options: PrintOptions = {}): string {
  const printer = new Printer(options.canonical === true);
  const list = Array.isArray(statements) ? statements : [statements as Statement];
  return list.map((s) => printer.statement(s)).join('; ');
}

export function printExpr(expr: Expr, options: PrintOptions = {}): string {
  return new Printer(options.canonical === true).expr(expr);
}
