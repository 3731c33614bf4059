/** Minimal typed definitions for rule tests. */
import type {
  AlertDef,
  DashboardDef,
  IndexTemplateDef,
  LogFilterDef,
  Query,
  ServiceDef,
} from '../../../src/define/types.js';

export function alertDef(over: Partial<AlertDef> = {}): AlertDef {
  return {
    kind: 'alert',
    id: 'artefacts-disk-full',
    name: 'ArtefactsDiskFull',
    service: 'artefacts',
    owner: 'ops',
    severity: 'page',
    description: 'Disk almost full',
    query: {
      database: 'system',
      retentionPolicy: 'autogen',
      measurement: 'disk',
      field: 'used_percent',
      fn: 'mean',
      where: [],
      groupBy: ['host'],
      period: '5m',
      every: '1m',
    },
    condition: { type: 'threshold', direction: 'above', crit: 95 },
    message: 'Disk full on {{ index .Tags "host" }}',
    runbook: {
      title: 'Disk full',
      markdown: '# Disk full\nFree space.',
      url: 'https://runbooks.example/artefacts-disk-full',
    },
    handlers: [],
    tests: [],
    source: { file: 'alerts/artefacts.ts' },
    ...over,
  };
}

export function dashboardDef(queries: Query[], over: Partial<DashboardDef> = {}): DashboardDef {
  return {
    kind: 'dashboard',
    id: 'artefacts-overview',
    title: 'Artefacts',
    tags: [],
    folder: 'Services',
    time: { from: 'now-6h', to: 'now' },
    variables: [],
    annotations: [],
    links: [],
    rows: [
      {
        title: 'Host',
        collapsed: false,
        panels: [{ type: 'timeseries', title: 'Disk', width: 12, height: 8, queries }],
      },
    ],
    source: { file: 'dashboards/artefacts.ts' },
    ...over,
  };
}

export function diskQuery(over: Partial<Extract<Query, { kind: 'influxql' }>> = {}): Query {
  return {
    kind: 'influxql',
    database: 'system',
    measurement: 'disk',
    select: [{ field: 'used_percent', functions: [{ fn: 'mean' }] }],
    where: [],
    timeFilter: true,
    groupByTime: '$__interval',
    groupByTags: ['host'],
    fill: 'null',
    ...over,
  };
}

export function logFilterDef(produces: LogFilterDef['produces'], over: Partial<LogFilterDef> = {}): LogFilterDef {
  return {
    kind: 'log-filter',
    id: 'nexus-request-log',
    description: 'Nexus request log',
    order: 50,
    match: { op: 'tag', tag: 'logs.application.nexus' },
    steps: [],
    produces,
    tests: [],
    source: { file: 'log-filters/nexus.ts' },
    ...over,
  };
}

export function indexTemplateDef(over: Partial<IndexTemplateDef> = {}): IndexTemplateDef {
  return {
    kind: 'index-template',
    id: 'logs-template',
    name: 'calvin-logs',
    patterns: ['logs-*'],
    priority: 200,
    components: [],
    settings: {},
    mappings: {},
    fromLogFilters: [],
    ecsBase: true,
    source: { file: 'index-templates/logs.ts' },
    ...over,
  };
}

export function serviceDef(over: Partial<ServiceDef> = {}): ServiceDef {
  return {
    kind: 'service',
    id: 'artefacts',
    consulName: 'artefacts',
    title: 'Artefacts',
    aliases: ['nexus'],
    owner: 'ops',
    metrics: { database: 'services', measurements: ['nexus_requests'], tagFilters: {}, signals: [] },
    logs: { indexPattern: 'logs-*', serviceNames: ['nexus'], processNames: [] },
    runbooks: [],
    source: { file: 'services/artefacts.ts' },
    ...over,
  };
}
