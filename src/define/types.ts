/**
 * The typed model: plain, serialisable data that every part of calvin reads (render, lint, deploy,
 * diagnose, runbooks). Builders in this folder produce these shapes; nothing here does I/O.
 *
 * Every definition has a `kind` and a globally unique `id` (kebab-case, e.g. `artefacts-disk-full`).
 * A definition file default-exports one definition or an array of them.
 */

export type DefinitionKind = 'service' | 'dashboard' | 'alert' | 'log-filter' | 'index-template';

/** Where a loaded definition came from; set by the loader, absent for definitions built in code. */
export interface SourceRef {
  file: string;
}

// ---------------------------------------------------------------------------------------------
// InfluxQL

export type InfluxFunction =
  | 'mean'
  | 'median'
  | 'max'
  | 'min'
  | 'sum'
  | 'count'
  | 'last'
  | 'first'
  | 'spread'
  | 'stddev'
  | 'percentile'
  | 'derivative'
  | 'non_negative_derivative'
  | 'difference'
  | 'non_negative_difference'
  | 'moving_average'
  | 'distinct';

/** One selected expression: `fn(field)` possibly wrapped, e.g. non_negative_derivative(mean("x"), 1s). */
export interface FieldSelection {
  field: string;
  /** Applied innermost first: [{fn:'mean'}, {fn:'non_negative_derivative', args:['1s']}]. */
  functions: { fn: InfluxFunction; args?: (number | string)[] }[];
  /**
   * Arithmetic applied to the result in order, e.g. { op: '*', value: 100 } → `x * 100`;
   * `valueFirst` puts the number on the left: { op: '-', value: 100, valueFirst: true } → `100 - x`.
   */
  math?: { op: '+' | '-' | '*' | '/'; value: number; valueFirst?: boolean }[];
  alias?: string;
}

/** A value in a WHERE clause: a literal, a regex, or a dashboard variable. */
export type ConditionValue =
  | { kind: 'literal'; value: string | number | boolean }
  | { kind: 'regex'; pattern: string }
  | { kind: 'variable'; name: string };

export interface TagCondition {
  key: string;
  op: '=' | '!=' | '=~' | '!~' | '<' | '>' | '<=' | '>=';
  value: ConditionValue;
  /** How this condition joins the previous one; the first condition ignores it. */
  join?: 'AND' | 'OR';
}

export type Fill = 'null' | 'none' | 'previous' | 'linear' | number;

export interface InfluxQuery {
  kind: 'influxql';
  database: string;
  retentionPolicy?: string;
  measurement: string;
  select: FieldSelection[];
  where: TagCondition[];
  /** Grafana's `$timeFilter` (dashboards). */
  timeFilter: boolean;
  /** An absolute window (diagnose, lint --live): `time >= from AND time < to`, RFC 3339. */
  timeRange?: { from: string; to: string };
  /** `$__interval`, `$interval` or a duration literal like `1m`. */
  groupByTime?: string;
  groupByTags: string[];
  fill?: Fill;
  orderByTimeDesc?: boolean;
  limit?: number;
  /** Grafana legend alias, e.g. `$tag_host`. */
  alias?: string;
}

/**
 * A query kept as text. Only imports use it, for InfluxQL the typed builder cannot express;
 * `calvin lint` flags it so that it gets converted.
 */
export interface RawInfluxQuery {
  kind: 'raw';
  database: string;
  text: string;
  alias?: string;
}

export type Query = InfluxQuery | RawInfluxQuery;

// ---------------------------------------------------------------------------------------------
// Service

/** A metric signal that matters for a service: drawn on dashboards, watched by diagnose. */
export interface MetricSignal {
  /** Stable name, e.g. `disk.used_percent`. */
  name: string;
  title: string;
  database: string;
  measurement: string;
  field: string;
  /** How to aggregate per host and interval. */
  aggregate: 'mean' | 'max' | 'min' | 'last' | 'non_negative_derivative';
  /** Tag filters such as { cpu: 'cpu-total' } or { path: '/' }. */
  where?: Record<string, string>;
  /** Transforms the value, e.g. 100 - usage_idle → `{ invert: 100 }`. */
  invert?: number;
  unit: 'percent' | 'bytes' | 'count' | 'seconds' | 'ms' | 'ops' | 'short';
  /** Which direction is bad. */
  worseWhen: 'higher' | 'lower';
  warning?: number;
  critical?: number;
}

export interface LogSelector {
  /** Elasticsearch index pattern, default `logs-*`. */
  indexPattern: string;
  /** ECS `service.name` values that belong to the service. */
  serviceNames: string[];
  /** ECS `process.name` values (syslog programs) that belong to the service. */
  processNames: string[];
  /**
   * Lines the service logs once it has started ("Jenkins is fully up and running"); `^` in front: the
   * line starts with it. Diagnose tells a restart by them. Absent: calvin's defaults for the service.
   */
  startMarkers?: string[];
}

export interface RunbookLink {
  title: string;
  url: string;
}

export interface ServiceDef {
  kind: 'service';
  id: string;
  /** Name as registered in Consul, e.g. `artefacts`. */
  consulName: string;
  title: string;
  description?: string;
  aliases: string[];
  owner: string;
  /** Consul tags that select the service's instances (e.g. Grafana is `metrics` tagged `dashboard`). */
  consulTags?: string[];
  metrics: {
    database: string;
    /** Measurements the service produces (for lint: a query of anything else is suspicious). */
    measurements: string[];
    /** Tag filters that select the service's series besides `host`. */
    tagFilters: Record<string, string>;
    signals: MetricSignal[];
  };
  logs: LogSelector;
  runbooks: RunbookLink[];
  /** Consul services this one needs (`queue`): diagnose pulls their health, metrics and logs in. */
  dependsOn?: string[];
  source?: SourceRef;
}

// ---------------------------------------------------------------------------------------------
// Dashboard

export type PanelType = 'timeseries' | 'stat' | 'gauge' | 'table' | 'log-count' | 'text';

export interface Threshold {
  value: number | null;
  color: string;
}

export interface LogCountQuery {
  indexPattern: string;
  /** Lucene query string; built with the escaping helpers. */
  query: string;
  /** ECS field to split by, e.g. `host.name` or `log.level`. */
  groupBy?: string;
}

export interface Panel {
  type: PanelType;
  title: string;
  description?: string;
  /** Grid width (1..24) and height; the builder computes positions. */
  width: number;
  height: number;
  /** Datasource uid; defaults to the one of the query's database. */
  datasource?: string;
  queries: Query[];
  logQuery?: LogCountQuery;
  unit?: string;
  min?: number;
  max?: number;
  decimals?: number;
  thresholds?: Threshold[];
  /** Markdown for `text` panels. */
  content?: string;
  links?: RunbookLink[];
}

export interface Row {
  title: string;
  collapsed: boolean;
  panels: Panel[];
}

export type Variable =
  | {
      kind: 'query';
      name: string;
      label?: string;
      database: string;
      measurement?: string;
      tag: string;
      where?: TagCondition[];
      multi: boolean;
      includeAll: boolean;
      regex?: string;
    }
  | { kind: 'custom'; name: string; label?: string; options: string[]; multi: boolean; includeAll: boolean }
  | { kind: 'interval'; name: string; label?: string; options: string[] }
  | { kind: 'constant'; name: string; value: string }
  | { kind: 'datasource'; name: string; label?: string; pluginType: string; regex?: string };

export interface Annotation {
  name: string;
  database: string;
  /** Typed query for the annotation events (e.g. `calvin_deploys`). */
  query: InfluxQuery;
  textField?: string;
  tagsField?: string;
  color?: string;
}

export interface DashboardDef {
  kind: 'dashboard';
  id: string;
  title: string;
  /** Service id this dashboard belongs to. */
  service?: string;
  tags: string[];
  folder: string;
  refresh?: string;
  time: { from: string; to: string };
  variables: Variable[];
  annotations: Annotation[];
  links: RunbookLink[];
  rows: Row[];
  source?: SourceRef;
}

// ---------------------------------------------------------------------------------------------
// Alert

/**
 * Semantics (shared by the Kapacitor renderer and `calvin test`):
 * - threshold: `above` is at a level when value > level (`below`: value < level); a level, once
 *   reached, clears only when the value is back on the healthy side of its reset (value < reset for
 *   `above`, value > reset for `below`).
 * - relative: change = value - value `shift` ago (`percent`: that difference * 100 / value `shift` ago);
 *   `above` fires when change > level, `below` when change < level (so `below` levels are negative).
 * - deadman: CRITICAL when a group sends ≤ `threshold` points in `interval`.
 */
export type AlertCondition =
  | {
      type: 'threshold';
      direction: 'above' | 'below';
      warn?: number;
      crit: number;
      /** Values at which a level resets (hysteresis); default: the level itself. */
      warnReset?: number;
      critReset?: number;
    }
  | {
      type: 'relative';
      direction: 'above' | 'below';
      /** Compare with the value this long ago. */
      shift: string;
      change: 'percent' | 'absolute';
      warn?: number;
      crit: number;
    }
  | {
      type: 'deadman';
      /** Points per interval below which the alert fires. */
      threshold: number;
      interval: string;
    };

export type AlertHandler =
  | { type: 'webhook'; url: string }
  | { type: 'slack'; channel?: string; workspace?: string; username?: string }
  | { type: 'email'; to: string[] }
  | { type: 'log'; path: string }
  | { type: 'pagerduty2'; routingKey?: string }
  /** `calvin serve`'s Kapacitor intake; the renderer takes its URL and token from the config. */
  | { type: 'calvin' };

export interface Runbook {
  title: string;
  /** Markdown body (inline, or read from `file` by the loader). */
  markdown: string;
  /** Where it is published (link in the alert message). */
  url: string;
  file?: string;
}

/** Compact series notation as in promtool: '80+1x30', '_' for missing. */
export interface AlertTestCase {
  name: string;
  interval: string;
  /** Key: `measurement,tag=value field`, value: compact notation. */
  series: Record<string, string>;
  expect: { at: string; level: 'OK' | 'INFO' | 'WARNING' | 'CRITICAL'; tags?: Record<string, string> }[];
}

export interface AlertDef {
  kind: 'alert';
  id: string;
  /** Human name, e.g. `ArtefactsDiskFull`. */
  name: string;
  service: string;
  owner: string;
  severity: 'page' | 'ticket' | 'info';
  description: string;
  query: {
    database: string;
    retentionPolicy: string;
    measurement: string;
    field: string;
    fn: InfluxFunction;
    where: TagCondition[];
    /** Grouping tags, `host` by default. */
    groupBy: string[];
    /** Window length and evaluation period. */
    period: string;
    every: string;
    /** Optional `100 - x` style transform of the value. */
    invert?: number;
  };
  condition: AlertCondition;
  /** How long the condition must hold before the level changes (stateDuration). */
  for?: string;
  /** Message template; the renderer appends the runbook link and the diagnose command. */
  message: string;
  runbook: Runbook;
  handlers: AlertHandler[];
  tests: AlertTestCase[];
  source?: SourceRef;
}

// ---------------------------------------------------------------------------------------------
// Log filter

/** A Logstash-style condition tree. */
export type LogCondition =
  | { op: 'tag'; tag: string }
  | { op: '==' | '!='; field: string; value: string | number }
  | { op: '=~' | '!~'; field: string; pattern: string }
  | { op: 'in' | 'not in'; field: string; values: string[] }
  | { op: 'exists'; field: string }
  | { op: 'and' | 'or'; conditions: LogCondition[] }
  | { op: 'not'; condition: LogCondition };

export type FilterStep =
  | {
      step: 'grok';
      field: string;
      patterns: string[];
      patternDefinitions?: Record<string, string>;
      overwrite?: string[];
      tagOnFailure?: string[];
      breakOnMatch?: boolean;
    }
  | {
      step: 'kv';
      field: string;
      fieldSplit: string;
      valueSplit: string;
      target?: string;
      includeKeys?: string[];
      prefix?: string;
    }
  | { step: 'json'; field: string; target?: string }
  | { step: 'date'; field: string; formats: string[]; target?: string; timezone?: string }
  | {
      step: 'mutate';
      rename?: Record<string, string>;
      add?: Record<string, string>;
      remove?: string[];
      convert?: Record<string, 'integer' | 'float' | 'string' | 'boolean'>;
      lowercase?: string[];
      gsub?: { field: string; pattern: string; replacement: string }[];
      addTags?: string[];
      removeTags?: string[];
    }
  | { step: 'drop'; when?: LogCondition }
  | { step: 'when'; condition: LogCondition; then: FilterStep[]; else?: FilterStep[] };

export type EcsType =
  | 'keyword'
  | 'text'
  | 'match_only_text'
  | 'long'
  | 'integer'
  | 'short'
  | 'float'
  | 'double'
  | 'boolean'
  | 'date'
  | 'ip'
  | 'object'
  | 'flattened'
  | 'wildcard';

export interface ProducedField {
  field: string;
  type: EcsType;
  description?: string;
}

export interface LogFilterTestCase {
  name: string;
  input: Record<string, unknown>;
  expect: {
    fields?: Record<string, unknown>;
    tags?: string[];
    absent?: string[];
    dropped?: boolean;
  };
}

export interface LogFilterDef {
  kind: 'log-filter';
  id: string;
  service?: string;
  description: string;
  /** Sort key in the rendered pipeline (Calvinverse filter files are concatenated). */
  order: number;
  match: LogCondition;
  steps: FilterStep[];
  produces: ProducedField[];
  tests: LogFilterTestCase[];
  source?: SourceRef;
}

// ---------------------------------------------------------------------------------------------
// Index template

export interface FieldMapping {
  type: EcsType;
  ignore_above?: number;
  format?: string;
  fields?: Record<string, FieldMapping>;
  properties?: Record<string, FieldMapping>;
}

export interface ComponentTemplate {
  name: string;
  settings?: Record<string, unknown>;
  /** Flat dotted field names → mapping; rendered as nested properties. */
  mappings?: Record<string, FieldMapping>;
}

export interface IndexTemplateDef {
  kind: 'index-template';
  id: string;
  /** Template name in Elasticsearch. */
  name: string;
  patterns: string[];
  priority: number;
  components: ComponentTemplate[];
  settings: Record<string, unknown>;
  /** Flat dotted field names → mapping. */
  mappings: Record<string, FieldMapping>;
  /** Also map every field that these log filters produce (ids; `*` for all). */
  fromLogFilters: string[];
  /** Include calvin's ECS base fields (@timestamp, message, host.name, ...). */
  ecsBase: boolean;
  dynamic?: boolean | 'strict' | 'runtime';
  source?: SourceRef;
}

export type Definition = ServiceDef | DashboardDef | AlertDef | LogFilterDef | IndexTemplateDef;

/** All loaded definitions, grouped by kind; ids are unique across kinds. */
export interface Catalog {
  services: ServiceDef[];
  dashboards: DashboardDef[];
  alerts: AlertDef[];
  logFilters: LogFilterDef[];
  indexTemplates: IndexTemplateDef[];
}
