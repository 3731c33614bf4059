/**
 * Parses the simple raw InfluxQL that dashboards hold into the typed model:
 *   SELECT sel[, sel] FROM ["rp".]"m" [WHERE cond (AND|OR cond)* with $timeFilter AND-ed anywhere]
 *   [GROUP BY time(x), "tag"...] [fill(x)] [ORDER BY time DESC] [LIMIT n]
 * with sel = [n op] fn(fn("field"[, arg])...) [op n]* [AS alias]. Anything else → undefined; the
 * caller also checks that the typed query renders back to the same text before trusting it.
 */
import type {
  ConditionValue,
  FieldSelection,
  Fill,
  InfluxFunction,
  InfluxQuery,
  TagCondition,
} from '../define/types.js';
import { tokenize, type Token } from './influxql-tokens.js';

const FUNCTIONS: ReadonlySet<string> = new Set<InfluxFunction>([
  'mean',
  'median',
  'max',
  'min',
  'sum',
  'count',
  'last',
  'first',
  'spread',
  'stddev',
  'percentile',
  'derivative',
  'non_negative_derivative',
  'difference',
  'non_negative_difference',
  'moving_average',
  'distinct',
]);
const MATH_OPS = new Set(['+', '-', '*', '/']);
const VARIABLE = /^\^\$([A-Za-z_][A-Za-z0-9_]*)\$$/;

class Cursor {
  private index = 0;
  constructor(private readonly tokens: readonly Token[]) {}
  peek(offset = 0): Token | undefined {
    return this.tokens[this.index + offset];
  }
  next(): Token | undefined {
    return this.tokens[this.index++];
  }
  done(): boolean {
    return this.index >= this.tokens.length;
  }
  isWord(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t?.kind === 'word' && t.value.toLowerCase() === word;
  }
  isValue(value: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t !== undefined && (t.kind === 'punct' || t.kind === 'op') && t.value === value;
  }
  expectWord(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.index++;
    return true;
  }
  expectValue(value: string): boolean {
    if (!this.isValue(value)) return false;
    this.index++;
    return true;
  }
}

function name(token: Token | undefined): string | undefined {
  if (!token) return undefined;
  if (token.kind === 'ident') return token.value;
  if (token.kind === 'word' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(token.value)) return token.value;
  return undefined;
}

function parseNumber(c: Cursor): number | undefined {
  let sign = 1;
  if (c.isValue('-') && c.peek(1)?.kind === 'number') {
    c.next();
    sign = -1;
  }
  const t = c.peek();
  if (t?.kind !== 'number') return undefined;
  c.next();
  return sign * Number(t.value);
}

/** fn(fn("field", arg), arg) → field + functions innermost first. */
function parseCall(c: Cursor): Pick<FieldSelection, 'field' | 'functions'> | undefined {
  const t = c.peek();
  if (t?.kind === 'word' && c.isValue('(', 1)) {
    const fn = t.value.toLowerCase();
    if (!FUNCTIONS.has(fn)) return undefined;
    c.next();
    c.next();
    const inner = parseCall(c);
    if (!inner) return undefined;
    const args: (string | number)[] = [];
    while (c.expectValue(',')) {
      const arg = c.peek();
      if (arg?.kind === 'number') args.push(Number(c.next()?.value));
      else if (arg?.kind === 'word') args.push(c.next()?.value as string);
      else return undefined;
    }
    if (!c.expectValue(')')) return undefined;
    inner.functions.push(args.length > 0 ? { fn: fn as InfluxFunction, args } : { fn: fn as InfluxFunction });
    return inner;
  }
  if (c.isValue('*')) {
    c.next();
    return { field: '*', functions: [] };
  }
  const field = name(t);
  if (field === undefined || (t?.kind === 'word' && ['from', 'as', 'where'].includes(field.toLowerCase())))
    return undefined;
  c.next();
  return { field, functions: [] };
}

function parseSelection(c: Cursor): FieldSelection | undefined {
  const math: NonNullable<FieldSelection['math']> = [];
  let leading: { op: '+' | '-' | '*' | '/'; value: number } | undefined;
  if (c.peek()?.kind === 'number' && MATH_OPS.has(c.peek(1)?.value ?? '')) {
    const value = Number(c.next()?.value);
    leading = { op: c.next()?.value as '+' | '-' | '*' | '/', value };
  }
  const call = parseCall(c);
  if (!call) return undefined;
  const selection: FieldSelection = { ...call };
  if (leading) math.push({ ...leading, valueFirst: true });
  while (c.peek()?.kind === 'op' && MATH_OPS.has(c.peek()?.value ?? '')) {
    const op = c.next()?.value as '+' | '-' | '*' | '/';
    const value = parseNumber(c);
    if (value === undefined) return undefined;
    math.push({ op, value });
  }
  if (math.length > 0) selection.math = math;
  if (c.expectWord('as')) {
    const alias = name(c.peek());
    if (alias === undefined) return undefined;
    c.next();
    selection.alias = alias;
  }
  return selection;
}

function parseCondition(c: Cursor, join: 'AND' | 'OR' | undefined): TagCondition | undefined {
  const key = name(c.peek());
  if (key === undefined) return undefined;
  c.next();
  const opToken = c.next();
  if (opToken?.kind !== 'op' || !['=', '!=', '=~', '!~', '<', '>', '<=', '>='].includes(opToken.value))
    return undefined;
  const op = opToken.value as TagCondition['op'];
  const valueToken = c.peek();
  let value: ConditionValue;
  if (valueToken?.kind === 'regex') {
    c.next();
    const variable = VARIABLE.exec(valueToken.value);
    value = variable ? { kind: 'variable', name: variable[1] as string } : { kind: 'regex', pattern: valueToken.value };
  } else if (valueToken?.kind === 'string') {
    c.next();
    value = { kind: 'literal', value: valueToken.value };
  } else if (valueToken?.kind === 'word' && (valueToken.value === 'true' || valueToken.value === 'false')) {
    c.next();
    value = { kind: 'literal', value: valueToken.value === 'true' };
  } else {
    const n = parseNumber(c);
    if (n === undefined) return undefined;
    value = { kind: 'literal', value: n };
  }
  return join ? { key, op, value, join } : { key, op, value };
}

/** WHERE: conditions joined by AND/OR, optionally in one pair of parentheses; `$timeFilter` AND-ed anywhere. */
function parseWhere(c: Cursor, query: InfluxQuery): boolean {
  let sawOr = false;
  let groups = 0;
  let join: 'AND' | 'OR' | undefined;
  const parseTerm = (inGroup: boolean): boolean => {
    if (c.isWord('$timefilter')) {
      if (join === 'OR' || inGroup) return false;
      c.next();
      query.timeFilter = true;
      return true;
    }
    if (c.isValue('(') && !inGroup) {
      groups++;
      c.next();
      if (!parseTerm(true)) return false;
      while (c.isWord('and') || c.isWord('or')) {
        join = c.next()?.value.toUpperCase() as 'AND' | 'OR';
        if (join === 'OR') sawOr = true;
        if (!parseTerm(true)) return false;
      }
      return c.expectValue(')');
    }
    const condition = parseCondition(c, query.where.length > 0 ? join : undefined);
    if (!condition) return false;
    query.where.push(condition);
    return true;
  };
  if (!parseTerm(false)) return false;
  while (c.isWord('and') || c.isWord('or')) {
    join = c.next()?.value.toUpperCase() as 'AND' | 'OR';
    if (join === 'OR') sawOr = true;
    if (!parseTerm(false)) return false;
  }
  // OR mixed with a time filter or groups is beyond the typed model's simple precedence.
  return !(sawOr && (query.timeFilter || groups > 0));
}

function parseFill(c: Cursor): Fill | undefined {
  if (!(c.isWord('fill') && c.isValue('(', 1))) return undefined;
  c.next();
  c.next();
  const t = c.peek();
  let fill: Fill | undefined;
  if (t?.kind === 'word' && ['null', 'none', 'previous', 'linear'].includes(t.value.toLowerCase())) {
    c.next();
    fill = t.value.toLowerCase() as Fill;
  } else {
    fill = parseNumber(c);
  }
  return fill !== undefined && c.expectValue(')') ? fill : undefined;
}

export function parseSimpleInfluxQL(text: string, database: string): InfluxQuery | undefined {
  const tokens = tokenize(text);
  if (!tokens) return undefined;
  const c = new Cursor(tokens);
  if (!c.expectWord('select')) return undefined;
  const select: FieldSelection[] = [];
  do {
    const selection = parseSelection(c);
    if (!selection) return undefined;
    select.push(selection);
  } while (c.expectValue(','));
  if (!c.expectWord('from')) return undefined;
  const first = name(c.peek());
  if (first === undefined) return undefined;
  c.next();
  const query: InfluxQuery = {
    kind: 'influxql',
    database,
    measurement: first,
    select,
    where: [],
    timeFilter: false,
    groupByTags: [],
  };
  if (c.expectValue('.')) {
    const measurement = c.peek()?.kind === 'ident' ? c.next()?.value : undefined;
    if (measurement === undefined) return undefined;
    query.retentionPolicy = first;
    query.measurement = measurement;
  }
  if (c.expectWord('where') && !parseWhere(c, query)) return undefined;
  if (c.isWord('group') && c.isWord('by', 1)) {
    c.next();
    c.next();
    do {
      if (c.isWord('time') && c.isValue('(', 1)) {
        if (query.groupByTime !== undefined) return undefined;
        c.next();
        c.next();
        const interval = c.next();
        if (interval?.kind !== 'word' || !c.expectValue(')')) return undefined;
        query.groupByTime = interval.value;
      } else if (c.isValue('*')) {
        c.next();
        query.groupByTags.push('*');
      } else {
        const tag = name(c.peek());
        if (tag === undefined || c.isWord('fill')) return undefined;
        c.next();
        query.groupByTags.push(tag);
      }
    } while (c.expectValue(','));
  }
  if (c.isWord('fill')) {
    const fill = parseFill(c);
    if (fill === undefined) return undefined;
    query.fill = fill;
  }
  if (c.isWord('order')) {
    if (!(c.expectWord('order') && c.expectWord('by') && c.expectWord('time'))) return undefined;
    if (c.expectWord('desc')) query.orderByTimeDesc = true;
    else c.expectWord('asc');
  }
  if (c.expectWord('limit')) {
    const limit = parseNumber(c);
    if (limit === undefined || !Number.isInteger(limit) || limit <= 0) return undefined;
    query.limit = limit;
  }
  return c.done() ? query : undefined;
}
