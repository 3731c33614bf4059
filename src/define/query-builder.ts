/**
 * Fluent, typed InfluxQL query builder producing the plain `InfluxQuery` model:
 *
 *   influx('system', 'disk').select('used_percent').max()
 *     .whereVariable('host').where('path').eq('/')
 *     .groupByTime('$__interval').groupBy('host').fill('null').build()
 *
 * `select(field)` starts a selection; function calls (`mean()`, `percentile(95)`,
 * `nonNegativeDerivative('1s')`), `math()`, `invert()` and `as()` apply to the latest one, innermost
 * first. `where(key)` returns a condition step whose comparison returns the query builder.
 */
import type { Builder } from './builder.js';
import { clone, definitionError } from './builder.js';
import { exactMatchPattern, isIntervalExpression } from './influxql.js';
import type { ConditionValue, FieldSelection, Fill, InfluxFunction, InfluxQuery, TagCondition } from './types.js';

type Comparable = string | number | boolean;
type MathOp = '+' | '-' | '*' | '/';

function toValue(value: Comparable | ConditionValue): ConditionValue {
  return typeof value === 'object' ? value : { kind: 'literal', value };
}

function toTime(value: Date | string): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      throw definitionError('Invalid Date in timeRange().', 'Pass a valid Date or an RFC 3339 string.');
    return value.toISOString();
  }
  return value;
}

/** One pending WHERE condition: pick the comparison to get the query builder back. */
export class ConditionStep {
  constructor(
    private readonly query: InfluxQueryBuilder,
    private readonly key: string,
    private readonly join: 'AND' | 'OR',
  ) {}

  private add(op: TagCondition['op'], value: ConditionValue): InfluxQueryBuilder {
    return this.query.withCondition({ key: this.key, op, value, join: this.join });
  }

  eq(value: Comparable | ConditionValue): InfluxQueryBuilder {
    return this.add('=', toValue(value));
  }
  ne(value: Comparable | ConditionValue): InfluxQueryBuilder {
    return this.add('!=', toValue(value));
  }
  gt(value: number | string): InfluxQueryBuilder {
    return this.add('>', toValue(value));
  }
  gte(value: number | string): InfluxQueryBuilder {
    return this.add('>=', toValue(value));
  }
  lt(value: number | string): InfluxQueryBuilder {
    return this.add('<', toValue(value));
  }
  lte(value: number | string): InfluxQueryBuilder {
    return this.add('<=', toValue(value));
  }
  /** `=~ /pattern/` (the pattern is a regex; use `oneOf` for literal values). */
  matches(pattern: string): InfluxQueryBuilder {
    return this.add('=~', { kind: 'regex', pattern });
  }
  notMatches(pattern: string): InfluxQueryBuilder {
    return this.add('!~', { kind: 'regex', pattern });
  }
  /** `=~ /^(?:a|b)$/` with every value escaped literally. */
  oneOf(values: readonly string[]): InfluxQueryBuilder {
    if (values.length === 0)
      throw definitionError(`oneOf() on "${this.key}" has no values.`, 'Pass at least one value.');
    return this.add('=~', { kind: 'regex', pattern: exactMatchPattern(values) });
  }
  /** `=~ /^$name$/`: the Grafana dashboard variable `name` (multi-value safe). */
  variable(name: string): InfluxQueryBuilder {
    return this.add('=~', { kind: 'variable', name });
  }
  notVariable(name: string): InfluxQueryBuilder {
    return this.add('!~', { kind: 'variable', name });
  }
}

export class InfluxQueryBuilder implements Builder<InfluxQuery> {
  private readonly model: InfluxQuery;

  constructor(database: string, measurement: string) {
    if (!database)
      throw definitionError('An InfluxQL query needs a database.', 'Pass it first: influx("system", "cpu").');
    if (!measurement)
      throw definitionError(
        `Query on database "${database}" needs a measurement.`,
        'Pass it second: influx("system", "cpu").',
      );
    this.model = { kind: 'influxql', database, measurement, select: [], where: [], timeFilter: true, groupByTags: [] };
  }

  retentionPolicy(name: string): this {
    this.model.retentionPolicy = name;
    return this;
  }

  /** Starts a new selected field; following function calls wrap it. */
  select(field: string): this {
    if (!field)
      throw definitionError(
        `select() on "${this.model.measurement}" got an empty field name.`,
        'Name the field, e.g. select("usage_idle").',
      );
    this.model.select.push({ field, functions: [] });
    return this;
  }

  private current(what: string): FieldSelection {
    const last = this.model.select.at(-1);
    if (!last)
      throw definitionError(
        `${what}() on "${this.model.measurement}" comes before any select().`,
        'Call select("field") first.',
      );
    return last;
  }

  /** Wraps the current selection in `fn(..., args)`. */
  fn(fn: InfluxFunction, ...args: (number | string)[]): this {
    const selection = this.current(fn);
    for (const arg of args) {
      if (typeof arg === 'string' && !isIntervalExpression(arg)) {
        throw definitionError(`${fn}() argument "${arg}" is not a duration.`, 'Use e.g. 1s, 1m or $__interval.');
      }
    }
    selection.functions.push(args.length > 0 ? { fn, args } : { fn });
    return this;
  }

  mean(): this {
    return this.fn('mean');
  }
  median(): this {
    return this.fn('median');
  }
  max(): this {
    return this.fn('max');
  }
  min(): this {
    return this.fn('min');
  }
  sum(): this {
    return this.fn('sum');
  }
  count(): this {
    return this.fn('count');
  }
  last(): this {
    return this.fn('last');
  }
  first(): this {
    return this.fn('first');
  }
  spread(): this {
    return this.fn('spread');
  }
  stddev(): this {
    return this.fn('stddev');
  }
  distinct(): this {
    return this.fn('distinct');
  }
  difference(): this {
    return this.fn('difference');
  }
  nonNegativeDifference(): this {
    return this.fn('non_negative_difference');
  }

  percentile(n: number): this {
    if (!(n > 0 && n <= 100)) throw definitionError(`percentile(${n}) is out of range.`, 'Use a number in (0, 100].');
    return this.fn('percentile', n);
  }

  derivative(unit = '1s'): this {
    return this.fn('derivative', unit);
  }
  nonNegativeDerivative(unit = '1s'): this {
    return this.fn('non_negative_derivative', unit);
  }

  movingAverage(points: number): this {
    if (!Number.isInteger(points) || points < 1)
      throw definitionError(`movingAverage(${points}) needs a positive whole number.`, 'Use e.g. movingAverage(5).');
    return this.fn('moving_average', points);
  }

  /** Arithmetic on the current selection: `.math('*', 100)` → `x * 100`. */
  math(op: MathOp, value: number): this {
    const selection = this.current('math');
    if (!Number.isFinite(value))
      throw definitionError(`math(${op}, ${value}) needs a finite number.`, 'Use a finite number.');
    if (op === '/' && value === 0) throw definitionError('math("/", 0) divides by zero.', 'Use a non-zero divisor.');
    (selection.math ??= []).push({ op, value });
    return this;
  }

  /** `value - x`, e.g. invert(100) turns usage_idle into busy percent. */
  invert(value: number): this {
    const selection = this.current('invert');
    (selection.math ??= []).push({ op: '-', value, valueFirst: true });
    return this;
  }

  /** Column alias of the current selection: `AS "name"`. */
  as(alias: string): this {
    this.current('as').alias = alias;
    return this;
  }

  where(key: string): ConditionStep {
    if (!key)
      throw definitionError(
        `where() on "${this.model.measurement}" got an empty tag key.`,
        'Name the tag, e.g. where("host").',
      );
    return new ConditionStep(this, key, 'AND');
  }

  and(key: string): ConditionStep {
    return this.where(key);
  }

  or(key: string): ConditionStep {
    if (this.model.where.length === 0)
      throw definitionError(`or("${key}") needs a condition before it.`, 'Start with where(...).');
    return new ConditionStep(this, key, 'OR');
  }

  /** `"tag" =~ /^$variable$/`; the variable defaults to the tag's name. */
  whereVariable(tag: string, variable: string = tag): this {
    this.where(tag).variable(variable);
    return this;
  }

  /** Equality on each tag of a record, e.g. { cpu: 'cpu-total' }. */
  whereTags(tags: Record<string, string>): this {
    for (const key of Object.keys(tags).sort()) this.where(key).eq(tags[key] as string);
    return this;
  }

  /** Appends a condition as-is (used by ConditionStep and by code that already has one). */
  withCondition(condition: TagCondition): this {
    this.model.where.push(condition);
    return this;
  }

  /** Grafana's `$timeFilter` (on by default). */
  timeFilter(on = true): this {
    this.model.timeFilter = on;
    return this;
  }

  /** An absolute window `time >= from AND time < to` (overrides `$timeFilter` when rendered). */
  timeRange(from: Date | string, to: Date | string): this {
    this.model.timeRange = { from: toTime(from), to: toTime(to) };
    return this;
  }

  groupByTime(interval: string): this {
    if (!isIntervalExpression(interval))
      throw definitionError(`groupByTime("${interval}") is not a duration.`, 'Use e.g. 1m or $__interval.');
    this.model.groupByTime = interval;
    return this;
  }

  /** Adds tags to GROUP BY. */
  groupBy(...tags: string[]): this {
    for (const tag of tags) if (!this.model.groupByTags.includes(tag)) this.model.groupByTags.push(tag);
    return this;
  }

  fill(fill: Fill): this {
    this.model.fill = fill;
    return this;
  }

  orderByTimeDesc(on = true): this {
    this.model.orderByTimeDesc = on;
    return this;
  }

  limit(n: number): this {
    if (!Number.isInteger(n) || n <= 0)
      throw definitionError(`limit(${n}) is not a positive whole number.`, 'Use e.g. limit(100).');
    this.model.limit = n;
    return this;
  }

  /** Legend alias in Grafana, e.g. `$tag_host`. */
  alias(legend: string): this {
    this.model.alias = legend;
    return this;
  }

  build(): InfluxQuery {
    if (this.model.select.length === 0) {
      throw definitionError(
        `Query on "${this.model.measurement}" selects nothing.`,
        'Add at least one field with .select("field").',
      );
    }
    return clone(this.model);
  }
}

/** Starts a typed InfluxQL query on `database`.`measurement`. */
export function influx(database: string, measurement: string): InfluxQueryBuilder {
  return new InfluxQueryBuilder(database, measurement);
}
