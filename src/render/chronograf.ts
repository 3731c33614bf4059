/**
 * Dashboard → body of `POST /chronograf/v1/dashboards`. Chronograf has no tags, so ownership is the
 * name prefix `calvin/`. Grafana's `$timeFilter`, `$__interval` and `$var` become Chronograf's
 * `:dashboardTime:`/`:upperDashboardTime:`, `:interval:` and `:var:`; a multi-value variable match
 * `=~ /^$host$/` becomes `= :host:` for a tagValues template (Chronograf substitutes a quoted tag
 * value) and `= ':host:'` for every other template type, whose values Chronograf inserts verbatim.
 * Chronograf substitutes one value per template, so a filter on a multi-value or "All" variable
 * would show one host where Grafana shows all: typed queries drop that filter (their GROUP BY keeps
 * the hosts apart). A constant becomes a one-value `csv` template: Chronograf's UI has no resolver
 * for type `constant` (tempVars/utils resolveValues throws "not implemented"). Notes are stored in
 * the form Chronograf's sanitiser leaves them (chronograf-note.ts).
 */
import { quoteIdent, renderConditions, renderInfluxQL } from '../define/influxql.js';
import type { DashboardDef, Panel, Query, TagCondition, Threshold, Variable } from '../define/types.js';
import { sanitizeChronografNote } from './chronograf-note.js';
import { forDefinition } from './context.js';
import { flowLayout, type GridPos } from './layout.js';
import { stableJsonArtifact } from './stable-json.js';
import type { Artifact, RenderOptions } from './types.js';

export const CHRONOGRAF_NAME_PREFIX = 'calvin/';

type Json = Record<string, unknown>;

export function chronografName(dashboard: DashboardDef): string {
  return `${CHRONOGRAF_NAME_PREFIX}${dashboard.title}`;
}

/** Applies `replace` to the parts of an InfluxQL text outside quoted strings and identifiers. */
function outsideQuotes(text: string, replace: (segment: string) => string): string {
  let out = '';
  let plain = '';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (ch === "'" || ch === '"') {
      out += replace(plain);
      plain = '';
      let j = i + 1;
      while (j < text.length && text[j] !== ch) j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else plain += ch;
  }
  return out + replace(plain);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A converter from Grafana macros and variables to Chronograf template variables (one regex per dashboard).
 * `tagValueVariables` are the ones Chronograf quotes itself on substitution (tagValues templates);
 * a match on any other variable gets the placeholder in single quotes.
 */
export function chronografQueryConverter(
  variables: readonly string[],
  intervalVariables: readonly string[],
  tagValueVariables: readonly string[] = variables,
): (text: string) => string {
  const quotedByChronograf = new Set(tagValueVariables);
  const names = variables.map(escapeRegExp).join('|') || '(?!)';
  const intervals = intervalVariables.map(escapeRegExp).join('|') || '(?!)';
  const pattern = new RegExp(
    [
      String.raw`(\$timeFilter)\b`,
      String.raw`(\$__interval_ms|\$__interval|\$__rate_interval|\$interval)\b`,
      String.raw`\$(${intervals})\b`,
      String.raw`(=~|!~) /\^\$(${names})\$/`,
      String.raw`\$\{(${names})\}`,
      String.raw`\$(${names})\b`,
    ].join('|'),
    'g',
  );
  const replace = (
    match: string,
    timeFilter?: string,
    macro?: string,
    interval?: string,
    op?: string,
    matched?: string,
    braced?: string,
    plain?: string,
  ): string => {
    if (timeFilter !== undefined) return 'time > :dashboardTime: AND time < :upperDashboardTime:';
    if (macro !== undefined || interval !== undefined) return ':interval:';
    if (op !== undefined && matched !== undefined) {
      const placeholder = quotedByChronograf.has(matched) ? `:${matched}:` : `':${matched}:'`;
      return `${op === '=~' ? '=' : '!='} ${placeholder}`;
    }
    const name = braced ?? plain;
    return name === undefined ? match : `:${name}:`;
  };
  return (text) => outsideQuotes(text, (segment) => segment.replace(pattern, replace));
}

/** Rewrites Grafana macros and variables into Chronograf template variables. */
export function toChronografQuery(
  text: string,
  variables: readonly string[],
  intervalVariables: readonly string[],
  tagValueVariables: readonly string[] = variables,
): string {
  return chronografQueryConverter(variables, intervalVariables, tagValueVariables)(text);
}

const CELL_TYPES: Record<Panel['type'], string> = {
  timeseries: 'line',
  stat: 'single-stat',
  gauge: 'gauge',
  table: 'table',
  text: 'note',
  'log-count': 'note',
};
const NAMED_COLORS: Record<string, string> = {
  green: '#7EB26D',
  red: '#BF1B00',
  orange: '#F79420',
  yellow: '#EAB839',
  blue: '#1F78C1',
  purple: '#806EB7',
  'dark-red': '#890F02',
};
const LINE_COLORS = [
  { hex: '#31C0F6', id: 'scale-0', name: 'Nineteen Eighty Four', type: 'scale', value: '0' },
  { hex: '#A500A5', id: 'scale-1', name: 'Nineteen Eighty Four', type: 'scale', value: '0' },
  { hex: '#FF7E27', id: 'scale-2', name: 'Nineteen Eighty Four', type: 'scale', value: '0' },
];

function hex(color: string): string {
  if (/^#[0-9A-Fa-f]{6}$/.test(color)) return color.toUpperCase();
  return NAMED_COLORS[color] ?? '#7EB26D';
}

function cellColors(panel: Panel): Json[] {
  const thresholds: Threshold[] = panel.thresholds ?? [];
  if (panel.type === 'timeseries') return LINE_COLORS;
  if (panel.type === 'stat') {
    return thresholds.map((t, i) => ({
      hex: hex(t.color),
      id: i === 0 ? 'base' : `threshold-${i}`,
      name: t.color,
      type: 'text',
      value: String(t.value ?? '-1000000000000000000'),
    }));
  }
  if (panel.type === 'gauge') {
    const steps = thresholds.filter((t) => t.value !== null);
    const base = thresholds[0]?.color ?? 'green';
    const last = thresholds[thresholds.length - 1]?.color ?? 'red';
    return [
      { hex: hex(base), id: 'min', name: base, type: 'min', value: String(panel.min ?? 0) },
      ...steps.slice(0, -1).map((t, i) => ({
        hex: hex(t.color),
        id: `threshold-${i + 1}`,
        name: t.color,
        type: 'threshold',
        value: String(t.value),
      })),
      { hex: hex(last), id: 'max', name: last, type: 'max', value: String(panel.max ?? 100) },
    ];
  }
  return [];
}

function axes(panel: Panel): Json {
  const plain = { base: '10', bounds: ['', ''], label: '', prefix: '', scale: 'linear', suffix: '' };
  const y = {
    ...plain,
    base: panel.unit === 'bytes' ? '2' : '10',
    bounds: [panel.min === undefined ? '' : String(panel.min), panel.max === undefined ? '' : String(panel.max)],
    suffix: panel.unit === 'percent' ? '%' : '',
  };
  return { x: plain, y, y2: plain };
}

/** Variables that stand for several values in Grafana (multi-select or "All"). */
export function multiValueVariables(variables: readonly Variable[]): Set<string> {
  const names = new Set<string>();
  for (const v of variables)
    if ((v.kind === 'query' || v.kind === 'custom') && (v.multi || v.includeAll)) names.add(v.name);
  return names;
}

/** Drops AND-joined filters on multi-value variables: Chronograf would narrow them to one value. */
function withoutMultiValueFilters(where: readonly TagCondition[], multi: ReadonlySet<string>): TagCondition[] {
  const joinedByOr = where.some((c, i) => i > 0 && c.join === 'OR');
  if (joinedByOr) return [...where];
  // The first condition's join is ignored by the renderer, so removing any of them is safe.
  return where.filter((c) => !(c.value.kind === 'variable' && multi.has(c.value.name)));
}

interface CellContext {
  convert: (text: string) => string;
  multi: ReadonlySet<string>;
}

function cellQuery(query: Query, options: RenderOptions, { convert, multi }: CellContext): Json {
  const text =
    query.kind === 'raw'
      ? query.text
      : renderInfluxQL(
          {
            ...query,
            where: withoutMultiValueFilters(query.where, multi),
            retentionPolicy: query.retentionPolicy ?? options.retentionPolicy,
          },
          { qualifyDatabase: true },
        );
  const converted = convert(text);
  const retentionPolicy =
    query.kind === 'raw' ? options.retentionPolicy : (query.retentionPolicy ?? options.retentionPolicy);
  return {
    query: converted,
    queryConfig: {
      areTagsAccepted: false,
      database: query.database,
      fields: [],
      groupBy: { tags: [], time: null },
      measurement: query.kind === 'raw' ? '' : query.measurement,
      range: null,
      rawText: converted,
      retentionPolicy,
      shifts: [],
      tags: {},
    },
    source: '',
    type: 'influxql',
  };
}

/** The text a panel becomes as a Chronograf note, before Chronograf sanitises it. */
export function chronografNoteText(panel: Panel): string {
  if (panel.type === 'text') return panel.content ?? '';
  if (panel.type === 'log-count') {
    const log = panel.logQuery;
    const split = log?.groupBy ? `, split by ${log.groupBy}` : '';
    const index = log?.indexPattern ?? 'logs-*';
    return `Log count (Elasticsearch, shown in Grafana): index ${index}, query ${log?.query ?? '*'}${split}.`;
  }
  return panel.description ?? '';
}

function renderCell(panel: Panel, pos: GridPos, options: RenderOptions, context: CellContext): Json {
  const type = CELL_TYPES[panel.type];
  const note = sanitizeChronografNote(chronografNoteText(panel));
  return {
    axes: axes(panel),
    colors: cellColors(panel),
    decimalPlaces: { digits: panel.decimals ?? 2, isEnforced: panel.decimals !== undefined },
    fieldOptions: [{ displayName: '', internalName: 'time', visible: true }],
    h: pos.h,
    legend: {},
    name: panel.title,
    note,
    noteVisibility: type === 'note' ? 'default' : note === '' ? 'default' : 'showWhenNoData',
    queries: type === 'note' ? [] : panel.queries.map((q) => cellQuery(q, options, context)),
    tableOptions: {
      fixFirstColumn: true,
      sortBy: { displayName: '', internalName: 'time', visible: true },
      verticalTimeAxis: true,
      wrapping: 'truncate',
    },
    timeFormat: 'YYYY-MM-DD HH:mm:ss',
    type,
    w: pos.w,
    x: pos.x,
    y: pos.y,
  };
}

/** Chronograf's tagValues template takes a database, a measurement and a key: no filter, no regex. */
function isTagValuesVariable(variable: Variable): boolean {
  return (
    variable.kind === 'query' &&
    variable.measurement !== undefined &&
    (variable.where ?? []).length === 0 &&
    variable.regex === undefined
  );
}

/**
 * `SHOW TAG VALUES ON "db" [FROM "m"] WITH KEY = "tag" [WHERE ...]` for variables Chronograf's tagValues type cannot
 * express.
 */
function renderTemplate(variable: Variable, convert: (text: string) => string): Json | undefined {
  const base = {
    id: `calvin-${variable.name}`,
    label: 'label' in variable && variable.label !== undefined ? variable.label : variable.name,
    sourceID: 'dynamic',
    tempVar: `:${variable.name}:`,
  };
  switch (variable.kind) {
    case 'query': {
      if (variable.measurement !== undefined && isTagValuesVariable(variable)) {
        return {
          ...base,
          query: {
            db: variable.database,
            fieldKey: '',
            influxql: 'SHOW TAG VALUES ON :database: FROM :measurement: WITH KEY=:tagKey:',
            measurement: variable.measurement,
            tagKey: variable.tag,
          },
          type: 'tagValues',
          values: [],
        };
      }
      let influxql = `SHOW TAG VALUES ON ${quoteIdent(variable.database)}`;
      if (variable.measurement !== undefined) influxql += ` FROM ${quoteIdent(variable.measurement)}`;
      influxql += ` WITH KEY = ${quoteIdent(variable.tag)}`;
      if (variable.where !== undefined && variable.where.length > 0)
        influxql += ` WHERE ${convert(renderConditions(variable.where))}`;
      return {
        ...base,
        query: {
          db: variable.database,
          fieldKey: '',
          influxql,
          measurement: variable.measurement ?? '',
          tagKey: variable.tag,
        },
        type: 'influxql',
        values: [],
      };
    }
    case 'custom':
      return {
        ...base,
        type: 'csv',
        values: variable.options.map((value, i) => ({ selected: i === 0, type: 'csv', value })),
      };
    case 'constant':
      return { ...base, type: 'csv', values: [{ selected: true, type: 'csv', value: variable.value }] };
    case 'interval':
    case 'datasource':
      // Chronograf's :interval: is built in and it has no datasource variables.
      return undefined;
  }
}

export function renderChronografDashboard(dashboard: DashboardDef, options: RenderOptions): Json {
  const variables = dashboard.variables
    .filter((v) => v.kind !== 'interval' && v.kind !== 'datasource')
    .map((v) => v.name);
  const intervalVariables = dashboard.variables.filter((v) => v.kind === 'interval').map((v) => v.name);
  const tagValueVariables = dashboard.variables.filter(isTagValuesVariable).map((v) => v.name);
  const convert = chronografQueryConverter(variables, intervalVariables, tagValueVariables);
  const panels = dashboard.rows.flatMap((row) => row.panels);
  // Chronograf's grid has 12 columns and taller rows: halve Grafana's widths and heights.
  const { positions } = flowLayout(
    panels.map((p) => ({ w: Math.ceil(p.width / 2), h: Math.max(2, Math.ceil(p.height / 2)) })),
    12,
    0,
  );
  return {
    cells: panels.map((panel, i) =>
      renderCell(panel, positions[i] as GridPos, options, { convert, multi: multiValueVariables(dashboard.variables) }),
    ),
    name: chronografName(dashboard),
    templates: dashboard.variables.map((v) => renderTemplate(v, convert)).filter((t): t is Json => t !== undefined),
  };
}

export function renderChronograf(dashboards: readonly DashboardDef[], options: RenderOptions): Artifact[] {
  return dashboards.map((dashboard) => {
    const body = forDefinition('dashboard', dashboard.id, () => renderChronografDashboard(dashboard, options));
    return {
      target: 'chronograf',
      type: 'chronograf-dashboard',
      definitionId: dashboard.id,
      name: body.name as string,
      path: `chronograf/dashboards/${dashboard.id}.json`,
      ...stableJsonArtifact(body),
    };
  });
}
