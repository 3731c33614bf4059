/**
 * InfluxQL rendering with escaping by construction: every identifier goes through `quoteIdent`, every
 * string through `quoteString`, every regex through `quoteRegex`. Names and values are never
 * concatenated into query text any other way.
 *
 * Escaping follows the InfluxQL scanner (influxql/scanner.go): quoted identifiers and string literals
 * accept the escapes `\\`, `\"`, `\'` and `\n` and reject a raw newline; regex literals accept `\/`
 * and pass every other backslash through to the regex engine.
 */
import { CalvinError } from '../errors.js';
import type { ConditionValue, FieldSelection, Fill, InfluxQuery, TagCondition } from './types.js';

function escapeQuoted(text: string, quote: '"' | "'"): string {
  let out = '';
  for (const ch of text) {
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else out += ch;
  }
  return out;
}

/** `"name"`: an identifier (measurement, field, tag key, retention policy, alias). */
export function quoteIdent(name: string): string {
  return `"${escapeQuoted(name, '"')}"`;
}

/** `'value'`: a string literal (tag values, time stamps). */
export function quoteString(value: string): string {
  return `'${escapeQuoted(value, "'")}'`;
}

/**
 * `/pattern/`: a regex literal. `/` is escaped; other backslashes reach the regex engine unchanged.
 * InfluxDB rejects a raw newline inside a regex, so a newline becomes the regex escape `\n` (or
 * just `n` after a backslash, keeping an escaped newline escaped). A trailing escaped backslash
 * (`\\` at the end) would swallow the closing slash, so it is written as the equivalent `\x5c`.
 * A pattern ending in a lone backslash is not a regex: it throws.
 */
export function quoteRegex(pattern: string): string {
  let body = '';
  let escaped = false;
  for (const ch of pattern) {
    if (ch === '\n') body += escaped ? 'n' : '\\n';
    else if (ch === '/') body += escaped ? '/' : '\\/';
    else body += ch;
    escaped = ch === '\\' ? !escaped : false;
  }
  if (escaped) {
    throw new CalvinError(
      'BAD_DEFINITION',
      `Regex /${pattern}/ ends with a lone backslash.`,
      'Escape it as \\\\ or remove it.',
    );
  }
  if (body.endsWith('\\\\')) body = `${body.slice(0, -2)}\\x5c`;
  return `/${body}/`;
}

/** Escapes regex metacharacters so that the pattern matches `text` literally (RE2 syntax). */
export function escapeRegexText(text: string): string {
  return text.replace(/[\\.+*?()|[\]{}^$]/g, (ch) => `\\${ch}`);
}

/** A regex matching exactly one of the given literal values: `^(?:a|b)$`. */
export function exactMatchPattern(values: readonly string[]): string {
  if (values.length === 1) return `^${escapeRegexText(values[0] as string)}$`;
  return `^(?:${values.map(escapeRegexText).join('|')})$`;
}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DURATION = /^[0-9]+(ns|u|µ|ms|s|m|h|d|w)$/;
const INTERVAL_VARIABLE = /^\$(__interval|interval|__interval_ms|__rate_interval|[A-Za-z_][A-Za-z0-9_]*)$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function bad(message: string, hint: string): CalvinError {
  return new CalvinError('BAD_DEFINITION', message, hint);
}

/** Whether `text` is an InfluxQL duration literal (`10s`, `5m`) or a Grafana interval variable. */
export function isIntervalExpression(text: string): boolean {
  return DURATION.test(text) || INTERVAL_VARIABLE.test(text);
}

/** A Grafana variable reference `$name`, validated. */
export function variableRef(name: string): string {
  if (!VARIABLE_NAME.test(name)) {
    throw bad(
      `Invalid dashboard variable name "${name}".`,
      'Use letters, digits and underscores, starting with a letter.',
    );
  }
  return `$${name}`;
}

/** Numbers as InfluxQL accepts them: finite, never in exponent notation. */
export function renderNumber(value: number): string {
  if (!Number.isFinite(value)) throw bad(`Number ${value} cannot appear in InfluxQL.`, 'Use a finite number.');
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

function renderArg(arg: number | string, fn: string): string {
  if (typeof arg === 'number') return renderNumber(arg);
  if (isIntervalExpression(arg)) return arg;
  throw bad(
    `Argument "${arg}" of ${fn}() is neither a number nor a duration.`,
    'Use a number or a duration such as 1s, 5m or $__interval.',
  );
}

const PRECEDENCE: Record<string, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };

/** `non_negative_derivative(mean("bytes_recv"), 1s) * 8 AS "bits"`. */
export function renderSelection(selection: FieldSelection): string {
  let expr = selection.field === '*' ? '*' : quoteIdent(selection.field);
  for (const { fn, args } of selection.functions) {
    const rest = (args ?? []).map((a) => renderArg(a, fn));
    expr = `${fn}(${[expr, ...rest].join(', ')})`;
  }
  let lastPrecedence = Infinity;
  for (const step of selection.math ?? []) {
    const precedence = PRECEDENCE[step.op] ?? 0;
    const value = renderNumber(step.value);
    if (step.valueFirst) {
      const operand = lastPrecedence <= precedence ? `(${expr})` : expr;
      expr = `${value} ${step.op} ${operand}`;
    } else {
      const operand = lastPrecedence < precedence ? `(${expr})` : expr;
      expr = `${operand} ${step.op} ${value}`;
    }
    lastPrecedence = precedence;
  }
  if (selection.alias !== undefined) expr += ` AS ${quoteIdent(selection.alias)}`;
  return expr;
}

/** One WHERE condition. Variables render as Grafana renders multi-value ones: `=~ /^$host$/`. */
export function renderCondition(condition: TagCondition): string {
  const key = quoteIdent(condition.key);
  const { op, value } = condition;
  return `${key} ${renderOperatorAndValue(op, value, condition.key)}`;
}

function renderOperatorAndValue(op: TagCondition['op'], value: ConditionValue, key: string): string {
  switch (value.kind) {
    case 'variable': {
      const ref = variableRef(value.name);
      if (op === '=' || op === '=~') return `=~ /^${ref}$/`;
      if (op === '!=' || op === '!~') return `!~ /^${ref}$/`;
      throw bad(
        `Condition on "${key}" compares variable $${value.name} with ${op}.`,
        'Variables support =, !=, =~ and !~.',
      );
    }
    case 'regex': {
      if (op === '=' || op === '=~') return `=~ ${quoteRegex(value.pattern)}`;
      if (op === '!=' || op === '!~') return `!~ ${quoteRegex(value.pattern)}`;
      throw bad(`Condition on "${key}" compares a regex with ${op}.`, 'Regexes support =~ and !~.');
    }
    case 'literal': {
      if (op === '=~' || op === '!~') {
        throw bad(
          `Condition on "${key}" uses ${op} with a literal value.`,
          'Use = / != for literals, or a regex value.',
        );
      }
      const v = value.value;
      if (typeof v === 'string') return `${op} ${quoteString(v)}`;
      if (typeof v === 'boolean') return `${op} ${v ? 'true' : 'false'}`;
      return `${op} ${renderNumber(v)}`;
    }
  }
}

/** Conditions joined by AND/OR; parenthesised when an OR would otherwise bind with the time filter. */
export function renderConditions(conditions: readonly TagCondition[]): string {
  return conditions
    .map((c, i) => (i === 0 ? renderCondition(c) : `${c.join ?? 'AND'} ${renderCondition(c)}`))
    .join(' ');
}

function renderTime(query: InfluxQuery): string | undefined {
  if (query.timeRange) {
    const { from, to } = query.timeRange;
    for (const t of [from, to]) {
      if (!RFC3339.test(t) || Number.isNaN(Date.parse(t))) {
        throw bad(`Time "${t}" is not an RFC 3339 time stamp.`, 'Use e.g. 2026-11-23T10:00:00Z (Date.toISOString()).');
      }
    }
    return `time >= ${quoteString(from)} AND time < ${quoteString(to)}`;
  }
  return query.timeFilter ? '$timeFilter' : undefined;
}

function renderFill(fill: Fill): string {
  return `fill(${typeof fill === 'number' ? renderNumber(fill) : fill})`;
}

export interface RenderInfluxQLOptions {
  /** Write `"database"."rp"."measurement"` instead of relying on the `db` request parameter. */
  qualifyDatabase?: boolean;
}

/** `FROM "rp"."measurement"`, or with the database when asked. */
export function renderSource(query: InfluxQuery, options: RenderInfluxQLOptions = {}): string {
  const parts: string[] = [];
  if (options.qualifyDatabase) {
    parts.push(quoteIdent(query.database), query.retentionPolicy ? quoteIdent(query.retentionPolicy) : '');
  } else if (query.retentionPolicy) {
    parts.push(quoteIdent(query.retentionPolicy));
  }
  parts.push(quoteIdent(query.measurement));
  return parts.join('.');
}

/**
 * Renders a typed query to InfluxQL. An absolute `timeRange` takes precedence over `timeFilter`
 * (so diagnose can reuse a dashboard query). Throws CalvinError on anything that cannot be rendered
 * safely (empty select, bad durations, bad variable names, non-finite numbers).
 */
export function renderInfluxQL(query: InfluxQuery, options: RenderInfluxQLOptions = {}): string {
  if (query.select.length === 0) {
    throw bad(`Query on "${query.measurement}" selects nothing.`, 'Add at least one field with .select(...).');
  }
  let text = `SELECT ${query.select.map(renderSelection).join(', ')} FROM ${renderSource(query, options)}`;

  const where: string[] = [];
  if (query.where.length > 0) {
    const conditions = renderConditions(query.where);
    const hasOr = query.where.slice(1).some((c) => c.join === 'OR');
    where.push(hasOr ? `(${conditions})` : conditions);
  }
  const time = renderTime(query);
  if (time) where.push(time);
  if (where.length > 0) text += ` WHERE ${where.join(' AND ')}`;

  const groupBy: string[] = [];
  if (query.groupByTime !== undefined) {
    if (!isIntervalExpression(query.groupByTime)) {
      throw bad(`GROUP BY time(${query.groupByTime}) is not a duration.`, 'Use a duration such as 1m or $__interval.');
    }
    groupBy.push(`time(${query.groupByTime})`);
  }
  for (const tag of query.groupByTags) groupBy.push(tag === '*' ? '*' : quoteIdent(tag));
  if (groupBy.length > 0) text += ` GROUP BY ${groupBy.join(', ')}`;
  if (query.fill !== undefined) text += ` ${renderFill(query.fill)}`;
  if (query.orderByTimeDesc) text += ' ORDER BY time DESC';
  if (query.limit !== undefined) {
    if (!Number.isInteger(query.limit) || query.limit <= 0) {
      throw bad(`LIMIT ${query.limit} is not a positive integer.`, 'Use a whole number above 0.');
    }
    text += ` LIMIT ${query.limit}`;
  }
  return text;
}
