/** Typed definitions (the Catalog) → the same nodes raw artifacts produce, located at their source file. */
import type { Catalog, InfluxQuery, Query } from '../../define/types.js';
import type { QueryFacts } from '../../lang/influxql/index.js';
import type {
  AlertDefNode,
  DashboardDefNode,
  EsTemplateNode,
  IndexTemplateDefNode,
  InfluxQLNode,
  LogFilterDefNode,
  ServiceDefNode,
} from '../types.js';
import { queryNode } from './grafana.js';

export function typedQueryFacts(q: InfluxQuery): QueryFacts {
  const facts: QueryFacts = {
    measurements: [
      {
        name: q.measurement,
        database: q.database,
        pos: 0,
        ...(q.retentionPolicy ? { retentionPolicy: q.retentionPolicy } : {}),
      },
    ],
    fields: q.select.map((s) => ({ name: s.field, pos: 0 })),
    tagConditions: q.where.map((w) => ({
      key: w.key,
      op: w.op,
      pos: 0,
      value:
        w.value.kind === 'literal'
          ? typeof w.value.value === 'number'
            ? { kind: 'number', value: w.value.value }
            : { kind: 'string', value: String(w.value.value) }
          : w.value.kind === 'regex'
            ? { kind: 'regex', pattern: w.value.pattern }
            : { kind: 'variable', name: w.value.name },
    })),
    tagKeys: [...q.where.map((w) => ({ name: w.key, pos: 0 })), ...q.groupByTags.map((t) => ({ name: t, pos: 0 }))],
    hasTimeCondition: q.timeFilter || q.timeRange !== undefined,
    variables: q.where.flatMap((w) => (w.value.kind === 'variable' ? [{ name: w.value.name, pos: 0 }] : [])),
  };
  if (q.groupByTime) facts.groupByTime = { interval: q.groupByTime, pos: 0 };
  if (q.fill !== undefined) facts.fill = q.fill;
  return facts;
}

export interface DefinitionModel {
  alerts: AlertDefNode[];
  dashboards: DashboardDefNode[];
  logFilters: LogFilterDefNode[];
  indexTemplates: IndexTemplateDefNode[];
  services: ServiceDefNode[];
  queries: InfluxQLNode[];
  templates: EsTemplateNode[];
}

type Position = { line: number; column: number };

/**
 * Finds a string in a definition's .ts source: first as a quoted literal ('x', "x", `x`), then as
 * plain text. Typed definitions are objects by the time lint sees them; their source text is the
 * only way to give a finding a real line (SARIF and GitHub annotations land on line 1 otherwise).
 */
export function sourceFinder(text: string): (needle: string) => Position | undefined {
  const at = (offset: number): Position => {
    const before = text.slice(0, offset);
    return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
  };
  return (needle) => {
    if (!needle) return undefined;
    for (const q of ["'", '"', '`']) {
      const i = text.indexOf(`${q}${needle}${q}`);
      if (i !== -1) return at(i);
    }
    const i = text.indexOf(needle);
    return i === -1 ? undefined : at(i);
  };
}

type Finder = (needle: string) => Position | undefined;
const NOWHERE: Finder = () => undefined;

export function buildDefinitionModel(
  catalog: Catalog,
  sources: ReadonlyMap<string, string> = new Map(),
): DefinitionModel {
  const finders = new Map<string, Finder>();
  const finderOf = (d: { source?: { file: string } }): Finder => {
    const file = d.source?.file;
    const text = file === undefined ? undefined : sources.get(file);
    if (file === undefined || text === undefined) return NOWHERE;
    const found = finders.get(file) ?? sourceFinder(text);
    finders.set(file, found);
    return found;
  };
  /** A definition's file and the line of its id literal (else its name), 1:1 when the source is unknown. */
  const where = (d: {
    id: string;
    name?: string;
    title?: string;
    source?: { file: string };
  }): { file: string; line: number; column: number; locate: Finder } => {
    const find = finderOf(d);
    const pos = find(d.id) ??
      (d.name ? find(d.name) : undefined) ??
      (d.title ? find(d.title) : undefined) ?? { line: 1, column: 1 };
    return { file: d.source?.file ?? `definition:${d.id}`, ...pos, locate: find };
  };
  const model: DefinitionModel = {
    alerts: [],
    dashboards: [],
    logFilters: [],
    indexTemplates: [],
    services: [],
    queries: [],
    templates: [],
  };
  for (const d of catalog.services) model.services.push({ kind: 'service-def', ...where(d), definition: d });
  for (const d of catalog.alerts) model.alerts.push({ kind: 'alert-def', ...where(d), definition: d });
  for (const d of catalog.logFilters) model.logFilters.push({ kind: 'log-filter-def', ...where(d), definition: d });
  for (const d of catalog.dashboards) {
    model.dashboards.push({ kind: 'dashboard-def', ...where(d), definition: d });
    const queries: Query[] = d.rows.flatMap((r) => r.panels.flatMap((p) => p.queries));
    const base = where(d);
    // Each query at its own literal: the measurement of a typed query, the first line of a raw one.
    const at = (needle: string): { file: string; line: number; column: number } => ({
      file: base.file,
      ...(base.locate(needle) ?? { line: base.line, column: base.column }),
    });
    for (const q of queries) {
      if (q.kind === 'influxql')
        model.queries.push(
          queryNode(
            at(q.measurement),
            undefined,
            { origin: 'definition', datasource: null, database: q.database },
            typedQueryFacts(q),
          ),
        );
      else
        model.queries.push(
          queryNode(at((q.text.split('\n')[0] ?? '').trim().slice(0, 60)), q.text, {
            origin: 'definition',
            datasource: null,
            database: q.database,
          }),
        );
    }
  }
  for (const d of catalog.indexTemplates) {
    model.indexTemplates.push({ kind: 'index-template-def', ...where(d), definition: d });
    const fieldTypes: EsTemplateNode['fieldTypes'] = new Map();
    const w = where(d);
    const fieldAt = (f: string): Position => w.locate(f) ?? { line: w.line, column: w.column };
    for (const c of d.components)
      for (const [f, m] of Object.entries(c.mappings ?? {})) fieldTypes.set(f, { type: m.type, ...fieldAt(f) });
    for (const [f, m] of Object.entries(d.mappings)) fieldTypes.set(f, { type: m.type, ...fieldAt(f) });
    const priorityAt = w.locate(`priority: ${d.priority}`);
    model.templates.push({
      kind: 'es-template',
      file: w.file,
      line: priorityAt?.line ?? w.line,
      column: priorityAt?.column ?? w.column,
      name: d.name,
      patterns: d.patterns,
      priority: d.priority,
      composable: true,
      fieldTypes,
      fromDefinition: true,
    });
  }
  return model;
}
