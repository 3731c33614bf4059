/**
 * Query-editor targets → typed InfluxQuery. Returns undefined for anything the typed model cannot
 * express (the caller then keeps Grafana's rendered text as a RawInfluxQuery).
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
import { partParams, withGrafanaDefaults } from './grafana-editor-query.js';
import type { GrafanaInfluxTarget, GrafanaQueryPart, GrafanaTagFilter } from './grafana-types.js';

const TYPED_FUNCTIONS: ReadonlySet<string> = new Set<string>(INFLUX_FUNCTIONS);

const MATH = /^\s*([+\-*/])\s*(-?(?:\d+\.?\d*|\.\d+))\s*$/;
const VARIABLE_REGEX = /^\/\^\$([A-Za-z_][A-Za-z0-9_]*)\$\/$/;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function argOf(value: string | number): string | number {
  if (typeof value === 'number') return value;
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}

function selectionOf(parts: readonly GrafanaQueryPart[]): FieldSelection | undefined {
  const [first, ...rest] = parts;
  if (first?.type !== 'field') return undefined;
  const field = String(partParams(first)[0]);
  const selection: FieldSelection = { field, functions: [] };
  let phase: 'functions' | 'math' | 'alias' = 'functions';
  for (const part of rest) {
    if (TYPED_FUNCTIONS.has(part.type)) {
      if (phase !== 'functions') return undefined;
      const args = partParams(part).map(argOf);
      const fnCall: FieldSelection['functions'][number] = { fn: part.type as InfluxFunction };
      if (args.length > 0) fnCall.args = args.map((a) => (a === 'auto' ? '$__interval' : a));
      selection.functions.push(fnCall);
    } else if (part.type === 'math') {
      if (phase === 'alias') return undefined;
      const match = MATH.exec(String(partParams(part)[0]));
      if (!match) return undefined;
      selection.math = [...(selection.math ?? []), { op: match[1] as '+' | '-' | '*' | '/', value: Number(match[2]) }];
      phase = 'math';
    } else if (part.type === 'alias') {
      if (phase === 'alias') return undefined;
      selection.alias = String(partParams(part)[0]);
      phase = 'alias';
    } else {
      return undefined;
    }
  }
  return selection;
}

function conditionOf(tag: GrafanaTagFilter, index: number): TagCondition | undefined {
  const operator = tag.operator || (/^\/.*\/$/.test(tag.value) ? '=~' : '=');
  if (tag.key.includes('::')) return undefined;
  let value: ConditionValue;
  let op: TagCondition['op'];
  if (operator === '=~' || operator === '!~') {
    const variable = VARIABLE_REGEX.exec(tag.value);
    if (!/^\/.*\/$/.test(tag.value)) return undefined;
    value = variable
      ? { kind: 'variable', name: variable[1] as string }
      : { kind: 'regex', pattern: tag.value.slice(1, -1).replace(/\\\//g, '/') };
    op = operator;
  } else if (operator === '=' || operator === '!=') {
    value = { kind: 'literal', value: tag.value };
    op = operator;
  } else if (operator === '<' || operator === '>') {
    if (!/^-?\d+(\.\d+)?$/.test(tag.value)) return undefined;
    value = { kind: 'literal', value: Number(tag.value) };
    op = operator;
  } else {
    return undefined;
  }
  const condition: TagCondition = { key: tag.key, op, value };
  if (index > 0) {
    const join = (tag.condition || 'AND').toUpperCase();
    if (join !== 'AND' && join !== 'OR') return undefined;
    condition.join = join;
  }
  return condition;
}

function fillOf(value: string | number | undefined): Fill | undefined {
  if (value === undefined) return undefined;
  if (value === 'null' || value === 'none' || value === 'previous' || value === 'linear') return value;
  const n = typeof value === 'number' ? value : /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

export function editorTargetToTyped(input: GrafanaInfluxTarget, database: string): InfluxQuery | undefined {
  if (input.slimit || input.tz || input.fill) return undefined;
  const target = withGrafanaDefaults(input);
  const measurement = target.measurement;
  if (!measurement || /^\/.*\/$/.test(measurement)) return undefined;
  const select: FieldSelection[] = [];
  for (const parts of target.select) {
    const selection = selectionOf(parts);
    if (!selection) return undefined;
    select.push(selection);
  }
  const where: TagCondition[] = [];
  for (const [index, tag] of target.tags.entries()) {
    const condition = conditionOf(tag, index);
    if (!condition) return undefined;
    where.push(condition);
  }
  const query: InfluxQuery = {
    kind: 'influxql',
    database,
    measurement,
    select,
    where,
    timeFilter: true,
    groupByTags: [],
  };
  const policy = target.policy || 'default';
  if (policy !== 'default') query.retentionPolicy = policy;
  for (const part of target.groupBy) {
    const param = partParams(part)[0];
    if (
      part.type === 'time' &&
      query.groupByTime === undefined &&
      query.groupByTags.length === 0 &&
      query.fill === undefined
    ) {
      query.groupByTime = param === 'auto' ? '$__interval' : String(param);
    } else if (part.type === 'tag' && query.fill === undefined) {
      query.groupByTags.push(String(param));
    } else if (part.type === 'fill' && query.fill === undefined) {
      const fill = fillOf(param);
      if (fill === undefined) return undefined;
      query.fill = fill;
    } else {
      return undefined;
    }
  }
  if (target.orderByTime === 'DESC') query.orderByTimeDesc = true;
  if (target.limit !== undefined && target.limit !== '') {
    const limit = Number(target.limit);
    if (!Number.isInteger(limit) || limit <= 0) return undefined;
    query.limit = limit;
  }
  if (target.alias) query.alias = target.alias;
  if (query.where.some((c) => c.value.kind === 'variable' && !VARIABLE_NAME.test(c.value.name))) return undefined;
  return query;
}
