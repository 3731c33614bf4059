/**
 * Renders a query-editor-form InfluxDB target to InfluxQL text exactly as Grafana does
 * (InfluxQueryModel.render with interpolation off, the query parts of influxdb/query_part.ts):
 * the reference the importer's typed queries are compared against.
 */
import type { GrafanaInfluxTarget, GrafanaQueryPart, GrafanaTagFilter } from './grafana-types.js';

interface PartDef {
  /** Parameter types by position: `time` maps `auto`; `quote` wraps. */
  params: { type?: string; quote?: 'double' | 'single' }[];
  defaultParams: (string | number)[];
  render: 'function' | 'field' | 'suffix' | 'alias';
}

const fn = (params: PartDef['params'] = [], defaultParams: PartDef['defaultParams'] = []): PartDef => ({
  params,
  defaultParams,
  render: 'function',
});
const interval = { type: 'interval' };

/** The parts Grafana registers (query_part.ts); unknown types make Grafana throw, so they make us throw. */
export const GRAFANA_PARTS: Record<string, PartDef> = {
  field: { params: [{ type: 'field' }], defaultParams: ['value'], render: 'field' },
  count: fn(),
  distinct: fn(),
  integral: fn(),
  mean: fn(),
  median: fn(),
  mode: fn(),
  sum: fn(),
  derivative: fn([interval], ['10s']),
  spread: fn(),
  non_negative_derivative: fn([interval], ['10s']),
  difference: fn(),
  non_negative_difference: fn(),
  moving_average: fn([{ type: 'int' }], [10]),
  cumulative_sum: fn(),
  stddev: fn(),
  time: fn([{ type: 'time' }], ['$__interval']),
  fill: fn([{ type: 'string' }], ['null']),
  elapsed: fn([interval], ['10s']),
  holt_winters: fn([{ type: 'int' }, { type: 'int' }], [10, 2]),
  holt_winters_with_fit: fn([{ type: 'int' }, { type: 'int' }], [10, 2]),
  bottom: fn([{ type: 'int' }], [3]),
  first: fn(),
  last: fn(),
  max: fn(),
  min: fn(),
  percentile: fn([{ type: 'int' }], [95]),
  top: fn([{ type: 'int' }], [3]),
  tag: { params: [{ type: 'string' }], defaultParams: ['tag'], render: 'field' },
  math: { params: [{ type: 'string' }], defaultParams: [' / 100'], render: 'suffix' },
  alias: { params: [{ type: 'string', quote: 'double' }], defaultParams: ['alias'], render: 'alias' },
};

export class UnknownQueryPartError extends Error {
  constructor(type: string) {
    super(`Could not find query part ${type}`);
    this.name = 'UnknownQueryPartError';
  }
}

function partDef(type: string): PartDef {
  const def = Object.hasOwn(GRAFANA_PARTS, type) ? GRAFANA_PARTS[type] : undefined;
  if (!def) throw new UnknownQueryPartError(type);
  return def;
}

/** QueryPart: missing params take the defaults. */
export function partParams(part: GrafanaQueryPart): (string | number)[] {
  return part.params ?? [...partDef(part.type).defaultParams];
}

export function renderPart(part: GrafanaQueryPart, innerExpr: string): string {
  const def = partDef(part.type);
  const params = partParams(part);
  switch (def.render) {
    case 'field':
      return params[0] === '*' ? '*' : `"${String(params[0])}"`;
    case 'suffix':
      return `${innerExpr} ${String(params[0])}`;
    case 'alias':
      return `${innerExpr} AS "${String(params[0])}"`;
    case 'function': {
      const rendered = params.map((value, index) => {
        const paramType = def.params[index];
        let v: string | number = value;
        if (paramType?.type === 'time' && v === 'auto') v = '$__interval';
        if (paramType?.quote === 'single') return `'${String(v)}'`;
        if (paramType?.quote === 'double') return `"${String(v)}"`;
        return String(v);
      });
      if (innerExpr) rendered.unshift(innerExpr);
      return `${part.type}(${rendered.join(', ')})`;
    }
  }
}

function renderTagCondition(tag: GrafanaTagFilter, index: number): string {
  let str = index > 0 ? `${tag.condition || 'AND'} ` : '';
  let operator = tag.operator;
  let value = tag.value;
  if (!operator) operator = /^\/.*\/$/.test(value) ? '=~' : '=';
  if (operator !== '=~' && operator !== '!~' && operator !== '>' && operator !== '<') {
    value = `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  }
  let key = `"${tag.key}"`;
  if (tag.key.endsWith('::tag')) key = `"${tag.key.slice(0, -5)}"::tag`;
  if (tag.key.endsWith('::field')) key = `"${tag.key.slice(0, -7)}"::field`;
  str += `${key} ${operator} ${value}`;
  return str;
}

function measurementAndPolicy(target: GrafanaInfluxTarget): string {
  const policy = target.policy || 'default';
  let measurement = target.measurement || 'measurement';
  if (!/^\/.*\/$/.test(measurement)) measurement = `"${measurement}"`;
  return (policy !== 'default' ? `"${policy}".` : '') + measurement;
}

/** Grafana's defaults for a target that omits select or groupBy. */
export function withGrafanaDefaults(
  target: GrafanaInfluxTarget,
): Required<Pick<GrafanaInfluxTarget, 'select' | 'groupBy' | 'tags'>> & GrafanaInfluxTarget {
  return {
    ...target,
    tags: target.tags ?? [],
    groupBy: target.groupBy ?? [
      { type: 'time', params: ['$__interval'] },
      { type: 'fill', params: ['null'] },
    ],
    select: target.select ?? [
      [
        { type: 'field', params: ['value'] },
        { type: 'mean', params: [] },
      ],
    ],
  };
}

/** The InfluxQL Grafana sends for this target (before template interpolation). */
export function renderGrafanaEditorQuery(input: GrafanaInfluxTarget): string {
  if (input.rawQuery) return input.query ?? '';
  const target = withGrafanaDefaults(input);
  let query = 'SELECT ';
  target.select.forEach((parts, i) => {
    let selectText = '';
    for (const part of parts) selectText = renderPart(part, selectText);
    if (i > 0) query += ', ';
    query += selectText;
  });
  query += ` FROM ${measurementAndPolicy(target)} WHERE `;
  const conditions = target.tags.map(renderTagCondition);
  if (conditions.length > 0) query += `(${conditions.join(' ')}) AND `;
  query += '$timeFilter';
  let groupBySection = '';
  target.groupBy.forEach((part, i) => {
    if (i > 0) groupBySection += part.type === 'fill' ? ' ' : ', ';
    groupBySection += renderPart(part, '');
  });
  if (groupBySection.length) query += ` GROUP BY ${groupBySection}`;
  if (target.fill) query += ` fill(${target.fill})`;
  if (target.orderByTime === 'DESC') query += ' ORDER BY time DESC';
  if (target.limit) query += ` LIMIT ${target.limit}`;
  if (target.slimit) query += ` SLIMIT ${target.slimit}`;
  if (target.tz) query += ` tz('${target.tz}')`;
  return query;
}
