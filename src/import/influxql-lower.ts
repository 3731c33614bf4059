/**
 * Turns the simple raw InfluxQL that dashboards hold into the typed model, through the one InfluxQL
 * parser (`src/lang/influxql`):
 *   SELECT sel[, sel] FROM ["rp".]"m" [WHERE cond (AND|OR cond)* with $timeFilter AND-ed anywhere]
 *   [GROUP BY time(x), "tag"...] [fill(x)] [ORDER BY time DESC] [LIMIT n]
 * with sel = [n op] fn(fn("field"[, arg])...) [op n]* [AS alias]. Anything else → undefined; the
 * caller also checks that the typed query renders back to the same text before trusting it.
 */
import { INFLUX_FUNCTIONS } from '../define/validate.js';
import type {
  ConditionValue,
  FieldSelection,
  Fill,
  InfluxFunction,
  InfluxQuery,
  TagCondition,
} from '../define/types.js';
import { type Expr, parseInfluxQL, type SelectStatement } from '../lang/influxql/index.js';

const FUNCTIONS: ReadonlySet<string> = new Set<string>(INFLUX_FUNCTIONS);
type MathOp = '+' | '-' | '*' | '/';
const MATH_OPS: ReadonlySet<string> = new Set<MathOp>(['+', '-', '*', '/']);
const COMPARISONS: ReadonlySet<string> = new Set(['=', '!=', '=~', '!~', '<', '>', '<=', '>=']);
const VARIABLE_REGEX = /^\^\$([A-Za-z_][A-Za-z0-9_]*)\$$/;

type Call = Pick<FieldSelection, 'field' | 'functions'>;

/** fn(fn("field", arg), arg) → field + functions innermost first. */
function lowerCall(expr: Expr): Call | undefined {
  if (expr.type === 'wildcard') return { field: '*', functions: [] };
  if (expr.type === 'ref' && expr.cast === undefined) return { field: expr.name, functions: [] };
  if (expr.type !== 'call' || !FUNCTIONS.has(expr.name) || expr.args.length === 0) return undefined;
  const inner = lowerCall(expr.args[0] as Expr);
  if (!inner) return undefined;
  const args: (string | number)[] = [];
  for (const arg of expr.args.slice(1)) {
    if (arg.type === 'number') args.push(arg.value);
    else if (arg.type === 'duration') args.push(arg.value);
    else if (arg.type === 'ref' && arg.cast === undefined) args.push(arg.name);
    else return undefined;
  }
  const fn = expr.name as InfluxFunction;
  inner.functions.push(args.length > 0 ? { fn, args } : { fn });
  return inner;
}

/** `[n op] call [op n]*`, read off the left-leaning tree the parser builds. */
function lowerSelection(expr: Expr, alias: string | undefined): FieldSelection | undefined {
  const trailing: { op: MathOp; value: number }[] = [];
  let node = expr;
  while (node.type === 'binary' && MATH_OPS.has(node.op) && node.right.type === 'number') {
    trailing.unshift({ op: node.op as MathOp, value: node.right.value });
    node = node.left;
  }
  const math: NonNullable<FieldSelection['math']> = [];
  if (node.type === 'binary' && MATH_OPS.has(node.op) && node.left.type === 'number') {
    math.push({ op: node.op as MathOp, value: node.left.value, valueFirst: true });
    node = node.right;
  }
  const call = lowerCall(node);
  if (!call) return undefined;
  math.push(...trailing);
  const selection: FieldSelection = { ...call };
  if (math.length > 0) selection.math = math;
  if (alias !== undefined) selection.alias = alias;
  return selection;
}

function lowerValue(expr: Expr): ConditionValue | undefined {
  switch (expr.type) {
    case 'regex': {
      const variable = VARIABLE_REGEX.exec(expr.pattern);
      return variable ? { kind: 'variable', name: variable[1] as string } : { kind: 'regex', pattern: expr.pattern };
    }
    case 'string':
      return { kind: 'literal', value: expr.value };
    case 'boolean':
      return { kind: 'literal', value: expr.value };
    case 'number':
      return { kind: 'literal', value: expr.value };
    default:
      return undefined;
  }
}

function lowerCondition(expr: Expr, join: 'AND' | 'OR' | undefined): TagCondition | undefined {
  if (expr.type !== 'binary' || !COMPARISONS.has(expr.op) || expr.left.type !== 'ref' || expr.left.cast) {
    return undefined;
  }
  const value = lowerValue(expr.right);
  if (!value) return undefined;
  const op = expr.op as TagCondition['op'];
  return join ? { key: expr.left.name, op, value, join } : { key: expr.left.name, op, value };
}

/** WHERE: conditions joined by AND/OR, at most one level of parentheses; `$timeFilter` AND-ed anywhere. */
function lowerWhere(where: Expr, query: InfluxQuery): boolean {
  let sawOr = false;
  let groups = 0;
  let join: 'AND' | 'OR' | undefined;
  const visit = (expr: Expr, inGroup: boolean): boolean => {
    if (expr.type === 'binary' && (expr.op === 'AND' || expr.op === 'OR')) {
      if (!visit(expr.left, inGroup)) return false;
      join = expr.op;
      if (join === 'OR') sawOr = true;
      return visit(expr.right, inGroup);
    }
    if (expr.type === 'paren') {
      if (inGroup) return false;
      groups++;
      return visit(expr.expr, true);
    }
    if (expr.type === 'time-filter') {
      if (join === 'OR' || inGroup) return false;
      query.timeFilter = true;
      return true;
    }
    const condition = lowerCondition(expr, query.where.length > 0 ? join : undefined);
    if (!condition) return false;
    query.where.push(condition);
    return true;
  };
  if (!visit(where, false)) return false;
  // OR mixed with a time filter or groups is beyond the typed model's simple precedence.
  return !(sawOr && (query.timeFilter || groups > 0));
}

function lowerFill(value: string | number): Fill | undefined {
  if (typeof value === 'number') return value;
  return ['null', 'none', 'previous', 'linear'].includes(value) ? (value as Fill) : undefined;
}

function lowerSelect(s: SelectStatement, database: string): InfluxQuery | undefined {
  if (s.into !== undefined || s.offset !== undefined || s.slimit !== undefined || s.soffset !== undefined) return;
  if (s.tz !== undefined || s.from.length !== 1) return undefined;
  const source = s.from[0];
  if (!source || source.subquery || source.database !== undefined || source.measurement.type !== 'name') return;
  const select: FieldSelection[] = [];
  for (const field of s.fields) {
    const selection = lowerSelection(field.expr, field.alias);
    if (!selection) return undefined;
    select.push(selection);
  }
  const query: InfluxQuery = {
    kind: 'influxql',
    database,
    measurement: source.measurement.name,
    select,
    where: [],
    timeFilter: false,
    groupByTags: [],
  };
  if (source.retentionPolicy !== undefined) query.retentionPolicy = source.retentionPolicy;
  if (s.where && !lowerWhere(s.where, query)) return undefined;
  const time = s.groupBy.time;
  if (time) {
    if (time.offset) return undefined;
    if (time.interval.type === 'duration') query.groupByTime = time.interval.value;
    else if (time.interval.type === 'variable') query.groupByTime = `$${time.interval.name}`;
    else return undefined;
  }
  for (const tag of s.groupBy.tags) {
    if (tag.name.startsWith('$')) return undefined;
    query.groupByTags.push(tag.name);
  }
  if (s.groupBy.all) query.groupByTags.push('*');
  if (s.fill) {
    const fill = lowerFill(s.fill.value);
    if (fill === undefined) return undefined;
    query.fill = fill;
  }
  if (s.orderByTimeDesc) query.orderByTimeDesc = true;
  if (s.limit !== undefined) {
    if (s.limit <= 0) return undefined;
    query.limit = s.limit;
  }
  return query;
}

export function parseSimpleInfluxQL(text: string, database: string): InfluxQuery | undefined {
  const parsed = parseInfluxQL(text);
  const statement = parsed.statements[0];
  if (parsed.errors.length > 0 || parsed.statements.length !== 1 || statement?.kind !== 'select') return undefined;
  return lowerSelect(statement, database);
}
