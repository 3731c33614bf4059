/**
 * Grafana dashboard JSON (old `rows` layout and the flat `panels` layout, collapsed rows included)
 * → the nodes rules visit. Queries are parsed once here.
 */
import type { JsonLocations } from '../parsers/json-locations.js';
import { parseInfluxQL, queryFacts, type QueryFacts } from '../../lang/influxql/index.js';
import type {
  GrafanaAlertNode,
  GrafanaDashboardNode,
  GrafanaPanelNode,
  GrafanaVariableNode,
  InfluxQLNode,
} from '../types.js';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A dashboard is JSON with `panels` or `rows`, and a `title` or `schemaVersion`. */
export function looksLikeGrafanaDashboard(value: unknown): value is Json {
  if (!isObj(value)) return false;
  const d = isObj(value.dashboard) ? value.dashboard : value;
  return (Array.isArray(d.panels) || Array.isArray(d.rows)) && ('schemaVersion' in d || 'title' in d);
}

/** Datasource as written: a name (old), `{ uid, type }` (new), or null (the default). */
export function datasourceRef(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (isObj(value)) return str(value.uid) ?? str(value.type) ?? null;
  return null;
}

/**
 * A target of a typed non-InfluxDB datasource, or one shaped like an Elasticsearch query (Lucene plus aggregations).
 */
function isOtherDatasourceTarget(target: Json, panel: Json): boolean {
  const ds = target.datasource ?? panel.datasource;
  if (isObj(ds) && typeof ds.type === 'string' && ds.type !== 'influxdb' && ds.type !== 'datasource') return true;
  return Array.isArray(target.bucketAggs) || (Array.isArray(target.metrics) && target.measurement === undefined);
}

const VARIABLE_USE = /\$(\w+)|\$\{(\w+)[^}]*\}|\[\[(\w+)[^\]]*\]\]/g;

type Uses = Map<string, { line: number; column: number }>;

/**
 * Builder parts of a target that Grafana ignores once the target is in raw mode (rawQuery: true
 * renders `query` verbatim): stale builder tags or selects that name a variable are no use of it.
 */
const RAW_TARGET_IGNORED = new Set(['select', 'tags', 'groupBy', 'measurement', 'policy']);

function collectVariableUses(
  value: unknown,
  into: Uses,
  skip: Set<unknown>,
  loc: JsonLocations,
  where: { line: number; column: number },
): void {
  const add = (name: string): void => void (into.has(name) || into.set(name, where));
  if (typeof value === 'string') {
    if (!value.includes('$') && !value.includes('[[')) return;
    for (const m of value.matchAll(VARIABLE_USE)) add((m[1] ?? m[2] ?? m[3]) as string);
    return;
  }
  if (Array.isArray(value)) {
    const at = loc.of(value) ?? where;
    for (const v of value) collectVariableUses(v, into, skip, loc, at);
  } else if (isObj(value)) {
    const rawTarget = value.rawQuery === true && typeof value.query === 'string';
    for (const [k, v] of Object.entries(value)) {
      if (skip.has(value) && k === 'name') continue;
      if (rawTarget && RAW_TARGET_IGNORED.has(k)) continue;
      const at = loc.key(value, k) ?? where;
      if ((k === 'repeat' || k === 'repeatIteration') && typeof v === 'string' && v && !into.has(v)) into.set(v, at);
      collectVariableUses(v, into, skip, loc, at);
    }
  }
}

/** Facts of a query-builder target (rawQuery false), as Grafana would render it. */
function builderFacts(target: Json): QueryFacts {
  const facts: QueryFacts = {
    measurements: [],
    fields: [],
    tagConditions: [],
    tagKeys: [],
    hasTimeCondition: true,
    variables: [],
  };
  const measurement = str(target.measurement);
  if (measurement) {
    const ref: QueryFacts['measurements'][number] = { pos: 0 };
    const policy = str(target.policy);
    if (policy && policy !== 'default') ref.retentionPolicy = policy;
    if (measurement.startsWith('/') && measurement.endsWith('/') && measurement.length > 1)
      ref.regex = measurement.slice(1, -1);
    else if (/^\$\w+$/.test(measurement)) ref.variable = measurement.slice(1);
    else ref.name = measurement;
    facts.measurements.push(ref);
  }
  for (const part of (Array.isArray(target.select) ? target.select : []) as unknown[]) {
    for (const piece of (Array.isArray(part) ? part : []) as unknown[]) {
      if (isObj(piece) && piece.type === 'field' && Array.isArray(piece.params) && typeof piece.params[0] === 'string')
        facts.fields.push({ name: piece.params[0], pos: 0 });
    }
  }
  for (const tag of (Array.isArray(target.tags) ? target.tags : []) as unknown[]) {
    if (!isObj(tag) || typeof tag.key !== 'string') continue;
    const op = str(tag.operator) ?? '=';
    const raw = String(tag.value ?? '');
    const value: QueryFacts['tagConditions'][number]['value'] =
      (op === '=~' || op === '!~') && raw.startsWith('/') && raw.endsWith('/') && raw.length > 1
        ? /^\/\^?\$\{?(\w+)(?::\w+)?\}?\$?\/$/.test(raw)
          ? { kind: 'variable', name: (/\$\{?(\w+)/.exec(raw) as RegExpExecArray)[1] as string }
          : { kind: 'regex', pattern: raw.slice(1, -1) }
        : /^\$\{?(\w+)/.test(raw)
          ? { kind: 'variable', name: (/^\$\{?(\w+)/.exec(raw) as RegExpExecArray)[1] as string }
          : { kind: 'string', value: raw };
    facts.tagConditions.push({ key: tag.key, op, value, pos: 0 });
    facts.tagKeys.push({ name: tag.key, pos: 0 });
    if (value.kind === 'variable') facts.variables.push({ name: value.name, pos: 0 });
  }
  for (const g of (Array.isArray(target.groupBy) ? target.groupBy : []) as unknown[]) {
    if (!isObj(g)) continue;
    const p0 = Array.isArray(g.params) ? g.params[0] : undefined;
    if (g.type === 'time') facts.groupByTime = { interval: String(p0 ?? '$__interval'), pos: 0 };
    else if (g.type === 'fill') facts.fill = typeof p0 === 'number' ? p0 : String(p0 ?? 'null');
    else if (g.type === 'tag' && typeof p0 === 'string') facts.tagKeys.push({ name: p0, pos: 0 });
  }
  return facts;
}

interface Ctx {
  file: string;
  loc: JsonLocations;
  dashboard: GrafanaDashboardNode;
  queries: InfluxQLNode[];
  alerts: GrafanaAlertNode[];
}

function at(ctx: Ctx, node: object, key?: string): { line: number; column: number } {
  const l = (key ? ctx.loc.key(node, key) : undefined) ?? ctx.loc.of(node);
  return { line: l?.line ?? 1, column: l?.column ?? 1 };
}

export function queryNode(
  base: { file: string; line: number; column: number },
  text: string | undefined,
  extra: Pick<InfluxQLNode, 'origin' | 'datasource'> & { dashboard?: GrafanaDashboardNode; database?: string },
  builder?: QueryFacts,
): InfluxQLNode {
  const node: InfluxQLNode = {
    kind: 'influxql',
    file: base.file,
    line: base.line,
    column: base.column,
    statements: [],
    facts: [],
    ...extra,
    locate: () => ({ line: base.line, column: base.column }),
  };
  if (builder) {
    node.facts = [builder];
    return node;
  }
  if (text !== undefined) {
    node.text = text;
    const parsed = parseInfluxQL(text);
    node.statements = parsed.statements;
    node.facts = parsed.statements.map(queryFacts);
    const err = parsed.errors[0];
    if (err) node.error = err;
    // Multi-line query text in YAML/TS sources: move the line by the newlines before the offset.
    node.locate = (offset) => {
      const before = text.slice(0, offset);
      const nl = before.split('\n').length - 1;
      return nl === 0
        ? { line: base.line, column: base.column }
        : { line: base.line + nl, column: offset - before.lastIndexOf('\n') };
    };
  }
  return node;
}

function panelNode(ctx: Ctx, p: Json, rowDatasource: string | null): GrafanaPanelNode {
  const targets = (Array.isArray(p.targets) ? p.targets : []) as unknown[];
  const panel: GrafanaPanelNode = {
    kind: 'grafana-panel',
    file: ctx.file,
    ...at(ctx, p),
    dashboard: ctx.dashboard,
    type: str(p.type) ?? 'graph',
    title: str(p.title) ?? '',
    datasource: p.datasource === undefined ? rowDatasource : datasourceRef(p.datasource),
    targetCount: targets.length,
    queries: [],
    json: p,
  };
  if (typeof p.id === 'number') panel.id = p.id;
  const byRef = new Map<string, InfluxQLNode>();
  for (const t of targets) {
    if (!isObj(t)) continue;
    const ds = t.datasource === undefined ? panel.datasource : (datasourceRef(t.datasource) ?? panel.datasource);
    // Only InfluxDB targets are InfluxQL: skip other datasource types (Elasticsearch, Prometheus...).
    if (isOtherDatasourceTarget(t, p)) continue;
    const raw = t.rawQuery === true || (t.measurement === undefined && typeof t.query === 'string');
    if (!raw && t.measurement === undefined) continue;
    const q = raw
      ? queryNode({ file: ctx.file, ...at(ctx, t, 'query') }, str(t.query) ?? '', {
          origin: 'grafana-target',
          datasource: ds,
          dashboard: ctx.dashboard,
        })
      : queryNode(
          { file: ctx.file, ...at(ctx, t, 'measurement') },
          undefined,
          { origin: 'grafana-target', datasource: ds, dashboard: ctx.dashboard },
          builderFacts(t),
        );
    panel.queries.push(q);
    ctx.queries.push(q);
    if (typeof t.refId === 'string') byRef.set(t.refId, q);
  }
  if (isObj(p.alert)) {
    const alert = p.alert;
    const texts: string[] = [str(alert.message) ?? '', str(p.description) ?? ''];
    for (const link of (Array.isArray(p.links) ? p.links : []) as unknown[])
      if (isObj(link)) texts.push(`${str(link.title) ?? ''} ${str(link.url) ?? ''}`);
    if (isObj(alert.alertRuleTags))
      for (const [k, v] of Object.entries(alert.alertRuleTags)) texts.push(`${k} ${String(v)}`);
    const measurements = new Set<string>();
    for (const c of (Array.isArray(alert.conditions) ? alert.conditions : []) as unknown[]) {
      const ref = isObj(c) && isObj(c.query) && Array.isArray(c.query.params) ? c.query.params[0] : undefined;
      const q = typeof ref === 'string' ? byRef.get(ref) : undefined;
      for (const f of q?.facts ?? []) for (const m of f.measurements) if (m.name) measurements.add(m.name);
    }
    ctx.alerts.push({
      kind: 'grafana-alert',
      file: ctx.file,
      ...at(ctx, p, 'alert'),
      panel,
      name: str(alert.name) ?? panel.title,
      message: str(alert.message) ?? '',
      runbookText: texts,
      measurements: [...measurements],
    });
  }
  return panel;
}

export interface GrafanaModel {
  dashboard: GrafanaDashboardNode;
  queries: InfluxQLNode[];
  alerts: GrafanaAlertNode[];
}

export function buildGrafanaModel(file: string, value: Json, loc: JsonLocations, fromDefinition = false): GrafanaModel {
  const json = isObj(value.dashboard) ? value.dashboard : value;
  const dashboard: GrafanaDashboardNode = {
    kind: 'grafana-dashboard',
    file,
    line: 1,
    column: 1,
    title: str(json.title) ?? '',
    json,
    referencedVariables: new Map(),
    variables: [],
    panels: [],
    fromDefinition,
  };
  const uid = str(json.uid);
  if (uid) dashboard.uid = uid;
  const ctx: Ctx = { file, loc, dashboard, queries: [], alerts: [] };
  const varObjects = new Set<unknown>();
  const templating =
    isObj(json.templating) && Array.isArray(json.templating.list) ? (json.templating.list as unknown[]) : [];
  for (const v of templating) {
    if (!isObj(v) || typeof v.name !== 'string') continue;
    varObjects.add(v);
    const node: GrafanaVariableNode = {
      kind: 'grafana-variable',
      file,
      ...at(ctx, v, 'name'),
      dashboard,
      name: v.name,
      type: str(v.type) ?? 'query',
      datasource: datasourceRef(v.datasource),
    };
    dashboard.variables.push(node);
    const query = isObj(v.query) ? str(v.query.query) : str(v.query);
    if (node.type === 'query' && query) {
      const q = queryNode({ file, ...at(ctx, v, 'query') }, query, {
        origin: 'grafana-variable',
        datasource: node.datasource,
        dashboard,
      });
      ctx.queries.push(q);
    }
  }
  const visit = (panels: unknown[], rowDatasource: string | null): void => {
    for (const p of panels) {
      if (!isObj(p)) continue;
      if (p.type === 'row') {
        visit(Array.isArray(p.panels) ? p.panels : [], rowDatasource);
        continue;
      }
      dashboard.panels.push(panelNode(ctx, p, rowDatasource));
      if (Array.isArray(p.panels)) visit(p.panels, rowDatasource);
    }
  };
  visit(Array.isArray(json.panels) ? json.panels : [], null);
  for (const row of (Array.isArray(json.rows) ? json.rows : []) as unknown[]) {
    if (isObj(row)) visit(Array.isArray(row.panels) ? row.panels : [], null);
  }
  collectVariableUses(json, dashboard.referencedVariables, varObjects, loc, { line: 1, column: 1 });
  return { dashboard, queries: ctx.queries, alerts: ctx.alerts };
}
