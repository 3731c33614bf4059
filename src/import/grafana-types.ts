/** The parts of Grafana dashboard JSON that the importer reads; everything is optional in the wild. */

export interface GrafanaQueryPart {
  type: string;
  params?: (string | number)[];
}

export interface GrafanaTagFilter {
  key: string;
  operator?: string;
  value: string;
  condition?: string;
}

/** An InfluxDB target, raw (`rawQuery` + `query`) or in the query-editor form. */
export interface GrafanaInfluxTarget {
  refId?: string;
  hide?: boolean;
  datasource?: unknown;
  rawQuery?: boolean;
  query?: string;
  measurement?: string;
  policy?: string;
  select?: GrafanaQueryPart[][];
  tags?: GrafanaTagFilter[];
  groupBy?: GrafanaQueryPart[];
  fill?: string;
  orderByTime?: string;
  limit?: string | number;
  slimit?: string | number;
  tz?: string;
  alias?: string;
  resultFormat?: string;
}

export interface GrafanaPanel {
  type?: string;
  title?: string;
  description?: string;
  datasource?: unknown;
  targets?: GrafanaInfluxTarget[];
  span?: number;
  height?: number | string;
  gridPos?: { x?: number; y?: number; w?: number; h?: number };
  collapsed?: boolean;
  panels?: GrafanaPanel[];
  content?: string;
  format?: string;
  decimals?: number;
  yaxes?: { format?: string; min?: number | string | null; max?: number | string | null; decimals?: number | null }[];
  fieldConfig?: { defaults?: { unit?: string; min?: number; max?: number; decimals?: number } };
  links?: { title?: string; url?: string }[];
  minSpan?: number;
}

export interface GrafanaRow {
  title?: string;
  collapse?: boolean;
  height?: number | string;
  showTitle?: boolean;
  panels?: GrafanaPanel[];
}

export interface GrafanaVariable {
  type?: string;
  name?: string;
  label?: string | null;
  query?: unknown;
  datasource?: unknown;
  regex?: string;
  multi?: boolean;
  includeAll?: boolean;
  options?: { text?: unknown; value?: unknown }[];
}

export interface GrafanaDashboardJson {
  uid?: string;
  title?: string;
  tags?: string[];
  refresh?: string | boolean;
  time?: { from?: string; to?: string };
  rows?: GrafanaRow[];
  panels?: GrafanaPanel[];
  templating?: { list?: GrafanaVariable[] };
  annotations?: { list?: { name?: string; datasource?: unknown; builtIn?: number; query?: string }[] };
  links?: { type?: string; title?: string; url?: string }[];
}
