/**
 * `npm run bench:build`: 1000 generated definitions of mixed kinds (100 services, 300 dashboards,
 * 400 alerts, 150 log filters, 50 index templates).
 *   1. renderCatalog for all five targets, in memory, warm: median of 5 runs.
 *   2. loadCatalog over the same 1000 definitions written as .ts files in a temp root: the first
 *      (cold) load and the median of 3 warm loads.
 * Goal: ≤ 1 s after start-up. Prints figures only; never asserts on time.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AlertDef, DashboardDef, Definition, IndexTemplateDef, LogFilterDef, ServiceDef } from '../src/define/types.js';
import { catalogOf, loadCatalog } from '../src/load/index.js';
import { defaultRenderOptions, renderCatalog, TARGETS } from '../src/render/index.js';

const pad = (n: number): string => String(n).padStart(4, '0');

function service(i: number): ServiceDef {
  const id = `svc-${pad(i)}`;
  return {
    kind: 'service', id, consulName: id, title: `Service ${i}`, aliases: [], owner: 'team-bench',
    metrics: { database: 'services', measurements: ['cpu', 'mem'], tagFilters: {}, signals: [] },
    logs: { indexPattern: 'logs-*', serviceNames: [id], processNames: [id] },
    runbooks: [],
  };
}

function dashboard(i: number): DashboardDef {
  const svc = `svc-${pad(i % 100)}`;
  const panel = (title: string, measurement: string, field: string): DashboardDef['rows'][number]['panels'][number] => ({
    type: 'timeseries', title, width: 12, height: 8, unit: 'percent',
    queries: [{
      kind: 'influxql', database: 'system', measurement,
      select: [{ field, functions: [{ fn: 'mean' }] }],
      where: [{ key: 'host', op: '=~', value: { kind: 'variable', name: 'host' } }, { key: 'service', op: '=', value: { kind: 'literal', value: svc }, join: 'AND' }],
      timeFilter: true, groupByTime: '$__interval', groupByTags: ['host'], fill: 'null', alias: '$tag_host',
    }],
  });
  return {
    kind: 'dashboard', id: `dash-${pad(i)}`, title: `Dashboard ${i}`, service: svc, tags: ['bench'], folder: 'bench',
    time: { from: 'now-6h', to: 'now' },
    variables: [{ kind: 'query', name: 'host', database: 'system', measurement: 'cpu', tag: 'host', multi: true, includeAll: true }],
    annotations: [], links: [],
    rows: [
      { title: 'Host', collapsed: false, panels: [panel('CPU', 'cpu', 'usage_user'), panel('Memory', 'mem', 'used_percent')] },
      { title: 'Disk', collapsed: true, panels: [panel('Disk', 'disk', 'used_percent'), panel('Load', 'system', 'load1')] },
    ],
  };
}

function alert(i: number): AlertDef {
  const svc = `svc-${pad(i % 100)}`;
  return {
    kind: 'alert', id: `alert-${pad(i)}`, name: `BenchAlert${i}`, service: svc, owner: 'team-bench', severity: i % 3 === 0 ? 'page' : 'ticket',
    description: `Disk of ${svc} fills up`, message: 'disk {{ index .Tags "host" }} is full',
    query: { database: 'system', retentionPolicy: 'autogen', measurement: 'disk', field: 'used_percent', fn: 'mean', where: [{ key: 'path', op: '=', value: { kind: 'literal', value: '/' } }], groupBy: ['host'], period: '5m', every: '1m' },
    condition: i % 4 === 0 ? { type: 'deadman', threshold: 0, interval: '5m' } : { type: 'threshold', direction: 'above', warn: 80, crit: 90, warnReset: 75, critReset: 85 },
    for: '5m',
    runbook: { title: 'Disk full', url: `https://runbooks.example/alert-${pad(i)}`, markdown: '# Disk full\n' },
    handlers: [{ type: 'log', path: '/var/log/kapacitor/alerts.log' }],
    tests: [],
  };
}

function logFilter(i: number): LogFilterDef {
  return {
    kind: 'log-filter', id: `filter-${pad(i)}`, service: `svc-${pad(i % 100)}`, description: `program ${i}`, order: 100 + i,
    match: { op: '==', field: 'program', value: `prog${i}` },
    steps: [
      { step: 'grok', field: 'message', patterns: ['%{LOGLEVEL:[log][level]} %{GREEDYDATA:message}'], overwrite: ['message'] },
      { step: 'mutate', lowercase: ['[log][level]'], add: { '[service][name]': `svc-${pad(i % 100)}` } },
    ],
    produces: [{ field: 'log.level', type: 'keyword' }, { field: `bench.field${i}`, type: 'keyword' }],
    tests: [],
  };
}

function indexTemplate(i: number): IndexTemplateDef {
  return {
    kind: 'index-template', id: `template-${pad(i)}`, name: `bench-logs-${pad(i)}`, patterns: [`logs-bench${i}-*`], priority: 200 + i,
    components: [], settings: { number_of_shards: 1 }, mappings: { [`bench.extra${i}`]: { type: 'keyword' } },
    fromLogFilters: i % 2 === 0 ? ['*'] : [`filter-${pad(i)}`], ecsBase: true,
  };
}

function generate(): Definition[] {
  const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
  return [
    ...range(100).map(service), ...range(300).map(dashboard), ...range(400).map(alert),
    ...range(150).map(logFilter), ...range(50).map(indexTemplate),
  ];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const ms = (n: number): string => `${n.toFixed(0)} ms`;

const definitions = generate();
const catalog = catalogOf(definitions);
const options = defaultRenderOptions({ targets: TARGETS });

renderCatalog(catalog, options); // warm-up
const renderTimes: number[] = [];
let artifacts = 0;
for (let run = 0; run < 5; run++) {
  const start = performance.now();
  artifacts = renderCatalog(catalog, options).length;
  renderTimes.push(performance.now() - start);
}

const root = mkdtempSync(path.join(os.tmpdir(), 'calvin-bench-build-'));
const folders: Record<Definition['kind'], string> = { service: 'services', dashboard: 'dashboards', alert: 'alerts', 'log-filter': 'log-filters', 'index-template': 'index-templates' };
const typeNames: Record<Definition['kind'], string> = { service: 'ServiceDef', dashboard: 'DashboardDef', alert: 'AlertDef', 'log-filter': 'LogFilterDef', 'index-template': 'IndexTemplateDef' };
for (const definition of definitions) {
  const folder = path.join(root, folders[definition.kind]);
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    path.join(folder, `${definition.id}.ts`),
    `import type { ${typeNames[definition.kind]} } from 'calvin';\n\nexport default ${JSON.stringify(definition, null, 2)} satisfies ${typeNames[definition.kind]};\n`,
  );
}
const loadTimes: number[] = [];
let loaded = 0;
try {
  for (let run = 0; run < 4; run++) {
    const start = performance.now();
    const result = await loadCatalog(root);
    loadTimes.push(performance.now() - start);
    loaded = result.services.length + result.dashboards.length + result.alerts.length + result.logFilters.length + result.indexTemplates.length;
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}

const renderMedian = median(renderTimes);
const loadWarm = median(loadTimes.slice(1));
console.log(`calvin bench:build — ${definitions.length} definitions (100 services, 300 dashboards, 400 alerts, 150 log filters, 50 index templates), node ${process.version}`);
console.log(`  renderCatalog, all 5 targets, warm:   median ${ms(renderMedian)} of 5 runs (${renderTimes.map((t) => t.toFixed(0)).join(', ')}), ${artifacts} artifacts`);
console.log(`  loadCatalog, ${loaded} .ts files:     cold ${ms(loadTimes[0] as number)}, warm median ${ms(loadWarm)} of 3 runs`);
console.log(`  load (warm) + render:                 ${ms(loadWarm + renderMedian)}   goal ≤ 1000 ms → ${loadWarm + renderMedian <= 1000 ? 'met' : 'NOT met'}`);
