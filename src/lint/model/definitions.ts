/** Typed definitions (the Catalog) → the same nodes raw artifacts produce, located at their source file. */
import type { Catalog, InfluxQuery, Query } from '../../define/types.js';
import type { QueryFacts } from '../parsers/influxql/index.js';
import type { AlertDefNode, DashboardDefNode, EsTemplateNode, IndexTemplateDefNode, InfluxQLNode, LogFilterDefNode, ServiceDefNode } from '../types.js';
import { queryNode } from './grafana.js';

export function typedQueryFacts(q: InfluxQuery): QueryFacts {
  const facts: QueryFacts = {
    measurements: [{ name: q.measurement, database: q.database, pos: 0, ...(q.retentionPolicy ? { retentionPolicy: q.retentionPolicy } : {}) }],
    fields: q.select.map((s) => ({ name: s.field, pos: 0 })),
    tagConditions: q.where.map((w) => ({
      key: w.key,
      op: w.op,
      pos: 0,
      value: w.value.kind === 'literal' ? (typeof w.value.value === 'number' ? { kind: 'number', value: w.value.value } : { kind: 'string', value: String(w.value.value) }) : w.value.kind === 'regex' ? { kind: 'regex', pattern: w.value.pattern } : { kind: 'variable', name: w.value.name },
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

const where = (d: { id: string; source?: { file: string } }): { file: string; line: number; column: number } => ({ file: d.source?.file ?? `definition:${d.id}`, line: 1, column: 1 });

export function buildDefinitionModel(catalog: Catalog): DefinitionModel {
  const model: DefinitionModel = { alerts: [], dashboards: [], logFilters: [], indexTemplates: [], services: [], queries: [], templates: [] };
  for (const d of catalog.services) model.services.push({ kind: 'service-def', ...where(d), definition: d });
  for (const d of catalog.alerts) model.alerts.push({ kind: 'alert-def', ...where(d), definition: d });
  for (const d of catalog.logFilters) model.logFilters.push({ kind: 'log-filter-def', ...where(d), definition: d });
  for (const d of catalog.dashboards) {
    model.dashboards.push({ kind: 'dashboard-def', ...where(d), definition: d });
    const queries: Query[] = d.rows.flatMap((r) => r.panels.flatMap((p) => p.queries));
    for (const q of queries) {
      if (q.kind === 'influxql') model.queries.push(queryNode(where(d), undefined, { origin: 'definition', datasource: null, database: q.database }, typedQueryFacts(q)));
      else model.queries.push(queryNode(where(d), q.text, { origin: 'definition', datasource: null, database: q.database }));
    }
  }
  for (const d of catalog.indexTemplates) {
    model.indexTemplates.push({ kind: 'index-template-def', ...where(d), definition: d });
    const fieldTypes: EsTemplateNode['fieldTypes'] = new Map();
    for (const c of d.components) for (const [f, m] of Object.entries(c.mappings ?? {})) fieldTypes.set(f, { type: m.type, line: 1, column: 1 });
    for (const [f, m] of Object.entries(d.mappings)) fieldTypes.set(f, { type: m.type, line: 1, column: 1 });
    model.templates.push({ kind: 'es-template', ...where(d), name: d.name, patterns: d.patterns, priority: d.priority, composable: true, fieldTypes, fromDefinition: true });
  }
  return model;
}
