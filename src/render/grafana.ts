/**
 * Dashboard → Grafana dashboard JSON (schemaVersion 39, Grafana 10/11): datasources by uid, raw
 * InfluxQL targets, templating, deploy annotations, runbook links, row-flow layout on 24 columns
 * with panel ids 1..n in order. The uid is derived from the definition id and the tag `calvin`
 * marks the dashboards calvin manages.
 */
import { DEFAULT_ENVIRONMENT, datasourceForDatabase } from '../define/environment.js';
import type { Annotation, DashboardDef, Panel, Query, Threshold, Variable } from '../define/types.js';
import { quoteIdent, renderConditions, renderInfluxQL } from '../define/influxql.js';
import { forDefinition } from './context.js';
import { flowLayout, type GridPos } from './layout.js';
import { grafanaUid, safeSegment } from './names.js';
import { stableJsonArtifact } from './stable-json.js';
import type { Artifact, RenderOptions } from './types.js';

export const GRAFANA_SCHEMA_VERSION = 39;
export const GRAFANA_OWNER_TAG = 'calvin';
export const DEFAULT_LOGS_DATASOURCE = 'elasticsearch-logs';

type Json = Record<string, unknown>;

export interface DatasourceRef {
  type: string;
  uid: string;
}

/**
 * The Grafana datasource reference for an InfluxDB database: configured, else the name of the
 * environment's datasource for it, else the name calvin provisions (`InfluxDb.<Database>`).
 * Grafana's DatasourceSrv.getInstanceSettings looks a `{uid}` up by uid, then by name.
 */
export function influxDatasourceUid(database: string, options: RenderOptions): string {
  const configured = options.datasources[database];
  if (configured !== undefined) return configured;
  const provisioned = datasourceForDatabase(options.environment ?? DEFAULT_ENVIRONMENT, database);
  return provisioned?.uid ?? provisioned?.name ?? influxDatasourceName(database);
}

/** The name calvin gives a datasource it provisions: Calvinverse's `InfluxDb.System` style. */
export function influxDatasourceName(database: string): string {
  const segment = safeSegment(database);
  return `InfluxDb.${segment.charAt(0).toUpperCase()}${segment.slice(1)}`;
}

export function logsDatasourceUid(options: RenderOptions): string {
  return options.logsDatasource ?? DEFAULT_LOGS_DATASOURCE;
}

/** The text a query runs as: typed queries through the escaping renderer, raw ones as written. */
export function queryText(query: Query): string {
  return query.kind === 'raw' ? query.text : renderInfluxQL(query);
}

function refId(index: number): string {
  let n = index;
  let id = '';
  do {
    id = String.fromCharCode(65 + (n % 26)) + id;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return id;
}

function thresholdSteps(thresholds: readonly Threshold[] | undefined): Json {
  const steps = (thresholds ?? []).map((t) => ({ color: t.color, value: t.value }));
  if (steps.length === 0 || steps[0]?.value !== null) steps.unshift({ color: 'green', value: null });
  return { mode: 'absolute', steps };
}

function fieldConfig(panel: Panel): Json {
  const defaults: Json = {
    color: { mode: panel.type === 'timeseries' ? 'palette-classic' : 'thresholds' },
    thresholds: thresholdSteps(panel.thresholds),
  };
  if (panel.unit !== undefined) defaults.unit = panel.unit;
  if (panel.min !== undefined) defaults.min = panel.min;
  if (panel.max !== undefined) defaults.max = panel.max;
  if (panel.decimals !== undefined) defaults.decimals = panel.decimals;
  if (panel.type === 'timeseries') {
    defaults.custom = { drawStyle: 'line', fillOpacity: 10, lineWidth: 1, showPoints: 'never', spanNulls: false };
  }
  return { defaults, overrides: [] };
}

function panelOptions(panel: Panel): Json {
  const reduceOptions = { calcs: ['lastNotNull'], fields: '', values: false };
  switch (panel.type) {
    case 'timeseries':
    case 'log-count':
      return {
        legend: { calcs: [], displayMode: 'list', placement: 'bottom', showLegend: true },
        tooltip: { mode: 'multi', sort: 'none' },
      };
    case 'stat':
      return {
        colorMode: 'value',
        graphMode: 'area',
        justifyMode: 'auto',
        orientation: 'auto',
        reduceOptions,
        textMode: 'auto',
      };
    case 'gauge':
      return { orientation: 'auto', reduceOptions, showThresholdLabels: false, showThresholdMarkers: true };
    case 'table':
      return {
        cellHeight: 'sm',
        footer: { countRows: false, fields: '', reducer: ['sum'], show: false },
        showHeader: true,
      };
    case 'text':
      return {
        code: { language: 'plaintext', showLineNumbers: false, showMiniMap: false },
        content: panel.content ?? '',
        mode: 'markdown',
      };
  }
}

function influxTargets(panel: Panel, options: RenderOptions): { datasource: DatasourceRef; targets: Json[] } {
  const refs = panel.queries.map(
    (q): DatasourceRef => ({ type: 'influxdb', uid: panel.datasource ?? influxDatasourceUid(q.database, options) }),
  );
  const uids = [...new Set(refs.map((r) => r.uid))];
  const datasource: DatasourceRef =
    uids.length === 1 && refs[0]
      ? refs[0]
      : uids.length === 0
        ? { type: 'influxdb', uid: panel.datasource ?? influxDatasourceUid('system', options) }
        : { type: 'datasource', uid: '-- Mixed --' };
  const targets = panel.queries.map((query, index) => {
    const target: Json = {
      datasource: refs[index],
      query: queryText(query),
      rawQuery: true,
      refId: refId(index),
      resultFormat: panel.type === 'table' ? 'table' : 'time_series',
    };
    if (query.alias !== undefined) target.alias = query.alias;
    return target;
  });
  return { datasource, targets };
}

function logCountTargets(panel: Panel, options: RenderOptions): { datasource: DatasourceRef; targets: Json[] } {
  const datasource: DatasourceRef = { type: 'elasticsearch', uid: panel.datasource ?? logsDatasourceUid(options) };
  const log = panel.logQuery;
  const histogram = {
    field: '@timestamp',
    id: log?.groupBy ? '3' : '2',
    settings: { interval: 'auto', min_doc_count: '0', trimEdges: '0' },
    type: 'date_histogram',
  };
  const bucketAggs = log?.groupBy
    ? [
        {
          field: log.groupBy,
          id: '2',
          settings: { min_doc_count: '1', order: 'desc', orderBy: '_count', size: '10' },
          type: 'terms',
        },
        histogram,
      ]
    : [histogram];
  const target = {
    bucketAggs,
    datasource,
    metrics: [{ id: '1', type: 'count' }],
    query: log?.query ?? '*',
    refId: 'A',
    timeField: '@timestamp',
  };
  return { datasource, targets: [target] };
}

function renderPanel(panel: Panel, id: number, gridPos: GridPos, options: RenderOptions): Json {
  const json: Json = {
    fieldConfig: fieldConfig(panel),
    gridPos,
    id,
    options: panelOptions(panel),
    title: panel.title,
    type: panel.type === 'log-count' ? 'timeseries' : panel.type,
  };
  if (panel.description !== undefined) json.description = panel.description;
  if (panel.links !== undefined && panel.links.length > 0)
    json.links = panel.links.map((l) => ({ targetBlank: true, title: l.title, url: l.url }));
  if (panel.type === 'text') return json;
  const { datasource, targets } =
    panel.type === 'log-count' ? logCountTargets(panel, options) : influxTargets(panel, options);
  json.datasource = datasource;
  json.targets = targets;
  if (panel.type === 'log-count') json.interval = '1m';
  return json;
}

/** Rows and panels with ids 1..n in order and grid positions by row flow (24 columns). */
function renderPanels(dashboard: DashboardDef, options: RenderOptions): Json[] {
  const out: Json[] = [];
  let id = 0;
  let y = 0;
  const withRowPanels = dashboard.rows.length > 1 || dashboard.rows.some((r) => r.title !== '' || r.collapsed);
  for (const row of dashboard.rows) {
    let rowPanel: Json | undefined;
    if (withRowPanels) {
      id += 1;
      rowPanel = {
        collapsed: row.collapsed,
        gridPos: { h: 1, w: 24, x: 0, y },
        id,
        panels: [],
        title: row.title,
        type: 'row',
      };
      out.push(rowPanel);
      y += 1;
    }
    const { positions, nextY } = flowLayout(
      row.panels.map((p) => ({ w: p.width, h: p.height })),
      24,
      y,
    );
    const panels = row.panels.map((panel, i) => {
      id += 1;
      return renderPanel(panel, id, positions[i] as GridPos, options);
    });
    // A collapsed row keeps its panels inside it and takes one grid line.
    if (row.collapsed && rowPanel) rowPanel.panels = panels;
    else {
      out.push(...panels);
      y = nextY;
    }
  }
  return out;
}

function customOptions(values: readonly string[]): { options: Json[]; current: Json; query: string } {
  const options = values.map((v, i) => ({ selected: i === 0, text: v, value: v }));
  const first = values[0] ?? '';
  return {
    options,
    current: { selected: true, text: first, value: first },
    query: values.map((v) => v.replace(/,/g, '\\,')).join(','),
  };
}

/** `SHOW TAG VALUES [FROM "m"] WITH KEY = "tag" [WHERE ...]`, through the escaping renderers. */
export function tagValuesQuery(variable: Extract<Variable, { kind: 'query' }>): string {
  let text = 'SHOW TAG VALUES';
  if (variable.measurement !== undefined) text += ` FROM ${quoteIdent(variable.measurement)}`;
  text += ` WITH KEY = ${quoteIdent(variable.tag)}`;
  if (variable.where !== undefined && variable.where.length > 0) text += ` WHERE ${renderConditions(variable.where)}`;
  return text;
}

function renderVariable(variable: Variable, options: RenderOptions): Json {
  const base: Json = { hide: 0, name: variable.name, skipUrlSync: false };
  if ('label' in variable && variable.label !== undefined) base.label = variable.label;
  switch (variable.kind) {
    case 'query': {
      const query = tagValuesQuery(variable);
      const json: Json = {
        ...base,
        datasource: { type: 'influxdb', uid: influxDatasourceUid(variable.database, options) },
        definition: query,
        includeAll: variable.includeAll,
        multi: variable.multi,
        options: [],
        query,
        refresh: 2,
        regex: variable.regex ?? '',
        sort: 1,
        type: 'query',
      };
      if (variable.includeAll) json.current = { selected: true, text: ['All'], value: ['$__all'] };
      return json;
    }
    case 'custom':
      return {
        ...base,
        ...customOptions(variable.options),
        includeAll: variable.includeAll,
        multi: variable.multi,
        type: 'custom',
      };
    case 'interval':
      return {
        ...base,
        ...customOptions(variable.options),
        auto: false,
        auto_count: 30,
        auto_min: '10s',
        refresh: 2,
        type: 'interval',
      };
    case 'constant':
      return { ...base, hide: 2, query: variable.value, type: 'constant' };
    case 'datasource':
      return {
        ...base,
        current: {},
        includeAll: false,
        multi: false,
        options: [],
        query: variable.pluginType,
        refresh: 1,
        regex: variable.regex ?? '',
        type: 'datasource',
      };
  }
}

/**
 * An InfluxDB annotation in the current form: the query and its columns inside `target`. Grafana's
 * InfluxDB prepareAnnotation (plugins/datasource/influxdb/migrations.ts) only migrates the legacy
 * top-level `query` when a `target` without a query exists; with no `target` the annotation is empty.
 */
function renderAnnotation(annotation: Annotation, options: RenderOptions): Json {
  return {
    datasource: { type: 'influxdb', uid: influxDatasourceUid(annotation.database, options) },
    enable: true,
    hide: false,
    iconColor: annotation.color ?? 'rgba(0, 211, 255, 1)',
    name: annotation.name,
    target: {
      fromAnnotations: true,
      query: renderInfluxQL(annotation.query),
      queryType: 'tags',
      rawQuery: true,
      refId: 'Anno',
      tagsColumn: annotation.tagsField ?? '',
      textColumn: annotation.textField ?? '',
    },
  };
}

const BUILT_IN_ANNOTATION: Json = {
  builtIn: 1,
  datasource: { type: 'grafana', uid: '-- Grafana --' },
  enable: true,
  hide: true,
  iconColor: 'rgba(0, 211, 255, 1)',
  name: 'Annotations & Alerts',
  type: 'dashboard',
};

export function renderGrafanaDashboard(dashboard: DashboardDef, options: RenderOptions): Json {
  const json: Json = {
    annotations: { list: [BUILT_IN_ANNOTATION, ...dashboard.annotations.map((a) => renderAnnotation(a, options))] },
    editable: true,
    fiscalYearStartMonth: 0,
    graphTooltip: 1,
    id: null,
    links: dashboard.links.map((link) => ({
      asDropdown: false,
      icon: 'doc',
      includeVars: false,
      keepTime: false,
      tags: [],
      targetBlank: true,
      title: link.title,
      tooltip: '',
      type: 'link',
      url: link.url,
    })),
    panels: renderPanels(dashboard, options),
    schemaVersion: GRAFANA_SCHEMA_VERSION,
    tags: [...new Set([GRAFANA_OWNER_TAG, ...dashboard.tags])].sort(),
    templating: { list: dashboard.variables.map((v) => renderVariable(v, options)) },
    time: { from: dashboard.time.from, to: dashboard.time.to },
    timepicker: {},
    timezone: 'browser',
    title: dashboard.title,
    uid: grafanaUid(dashboard.id),
    weekStart: '',
  };
  if (dashboard.refresh !== undefined) json.refresh = dashboard.refresh;
  if (dashboard.service !== undefined)
    json.description = `calvin dashboard ${dashboard.id} for service ${dashboard.service}`;
  return json;
}

/** Folder uid for a folder title (deploy creates it when missing). */
export function grafanaFolderUid(folder: string): string {
  return grafanaUid(`folder-${safeSegment(folder).toLowerCase()}`);
}

/** The `grafana-dashboard` artifact of one dashboard. */
export function grafanaDashboardArtifact(dashboard: DashboardDef, options: RenderOptions): Artifact {
  const json = renderGrafanaDashboard(dashboard, options);
  const uid = json.uid as string;
  return {
    target: 'grafana',
    type: 'grafana-dashboard',
    definitionId: dashboard.id,
    name: uid,
    path: `grafana/dashboards/${uid}.json`,
    ...stableJsonArtifact(json),
    meta: { folder: dashboard.folder, folderUid: grafanaFolderUid(dashboard.folder) },
  };
}

export function renderGrafana(dashboards: readonly DashboardDef[], options: RenderOptions): Artifact[] {
  return dashboards.map((dashboard) =>
    forDefinition('dashboard', dashboard.id, () => grafanaDashboardArtifact(dashboard, options)),
  );
}
