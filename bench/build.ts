/**
 * `npm run bench:build`: 1000 generated definitions of mixed kinds (100 services, 300 dashboards,
 * 400 alerts, 150 log filters, 50 index templates), written as .ts files in a temp project root.
 *   1. In process, phase by phase, as `calvin build` runs them: loadCatalog, render (renderArtifacts),
 *      atomic write of the output folder; the first run with an empty transform cache (cold), then
 *      the median of 3 warm runs; plus buildProject end to end.
 *   2. The real CLI, `node bin/calvin.js --root <tmp> build --out <tmp>` (needs `npm run build:ts`),
 *      wall time cold (empty cache) and warm (median of 3), minus the start-up of `calvin --version`.
 * Goal: ≤ 1 s after start-up. Prints figures only; never asserts on time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median } from './timing.js';
import { performance } from 'node:perf_hooks';
import type {
  AlertDef,
  DashboardDef,
  Definition,
  IndexTemplateDef,
  LogFilterDef,
  ServiceDef,
} from '../src/define/types.js';
import { fileURLToPath } from 'node:url';
import { writeDirAtomic } from '../src/fsutil/index.js';
import { buildProject, catalogOf, loadCatalog, renderArtifacts } from '../src/load/index.js';
import { defaultRenderOptions, renderCatalog, TARGETS } from '../src/render/index.js';

const pad = (n: number): string => String(n).padStart(4, '0');

function service(i: number): ServiceDef {
  const id = `svc-${pad(i)}`;
  return {
    kind: 'service',
    id,
    consulName: id,
    title: `Service ${i}`,
    aliases: [],
    owner: 'team-bench',
    metrics: { database: 'services', measurements: ['cpu', 'mem'], tagFilters: {}, signals: [] },
    logs: { indexPattern: 'logs-*', serviceNames: [id], processNames: [id] },
    runbooks: [],
  };
}

function dashboard(i: number): DashboardDef {
  const svc = `svc-${pad(i % 100)}`;
  const panel = (
    title: string,
    measurement: string,
    field: string,
  ): DashboardDef['rows'][number]['panels'][number] => ({
    type: 'timeseries',
    title,
    width: 12,
    height: 8,
    unit: 'percent',
    queries: [
      {
        kind: 'influxql',
        database: 'system',
        measurement,
        select: [{ field, functions: [{ fn: 'mean' }] }],
        where: [
          { key: 'host', op: '=~', value: { kind: 'variable', name: 'host' } },
          { key: 'service', op: '=', value: { kind: 'literal', value: svc }, join: 'AND' },
        ],
        timeFilter: true,
        groupByTime: '$__interval',
        groupByTags: ['host'],
        fill: 'null',
        alias: '$tag_host',
      },
    ],
  });
  return {
    kind: 'dashboard',
    id: `dash-${pad(i)}`,
    title: `Dashboard ${i}`,
    service: svc,
    tags: ['bench'],
    folder: 'bench',
    time: { from: 'now-6h', to: 'now' },
    variables: [
      {
        kind: 'query',
        name: 'host',
        database: 'system',
        measurement: 'cpu',
        tag: 'host',
        multi: true,
        includeAll: true,
      },
    ],
    annotations: [],
    links: [],
    rows: [
      {
        title: 'Host',
        collapsed: false,
        panels: [panel('CPU', 'cpu', 'usage_user'), panel('Memory', 'mem', 'used_percent')],
      },
      {
        title: 'Disk',
        collapsed: true,
        panels: [panel('Disk', 'disk', 'used_percent'), panel('Load', 'system', 'load1')],
      },
    ],
  };
}

function alert(i: number): AlertDef {
  const svc = `svc-${pad(i % 100)}`;
  return {
    kind: 'alert',
    id: `alert-${pad(i)}`,
    name: `BenchAlert${i}`,
    service: svc,
    owner: 'team-bench',
    severity: i % 3 === 0 ? 'page' : 'ticket',
    description: `Disk of ${svc} fills up`,
    message: 'disk {{ index .Tags "host" }} is full',
    query: {
      database: 'system',
      retentionPolicy: 'autogen',
      measurement: 'disk',
      field: 'used_percent',
      fn: 'mean',
      where: [{ key: 'path', op: '=', value: { kind: 'literal', value: '/' } }],
      groupBy: ['host'],
      period: '5m',
      every: '1m',
    },
    condition:
      i % 4 === 0
        ? { type: 'deadman', threshold: 0, interval: '5m' }
        : { type: 'threshold', direction: 'above', warn: 80, crit: 90, warnReset: 75, critReset: 85 },
    for: '5m',
    runbook: { title: 'Disk full', url: `https://runbooks.example/alert-${pad(i)}`, markdown: '# Disk full\n' },
    handlers: [{ type: 'log', path: '/var/log/kapacitor/alerts.log' }],
    tests: [],
  };
}

function logFilter(i: number): LogFilterDef {
  return {
    kind: 'log-filter',
    id: `filter-${pad(i)}`,
    service: `svc-${pad(i % 100)}`,
    description: `program ${i}`,
    order: 100 + i,
    match: { op: '==', field: 'program', value: `prog${i}` },
    steps: [
      {
        step: 'grok',
        field: 'message',
        patterns: ['%{LOGLEVEL:[log][level]} %{GREEDYDATA:message}'],
        overwrite: ['message'],
      },
      { step: 'mutate', lowercase: ['[log][level]'], add: { '[service][name]': `svc-${pad(i % 100)}` } },
    ],
    produces: [
      { field: 'log.level', type: 'keyword' },
      { field: `bench.field${i}`, type: 'keyword' },
    ],
    tests: [],
  };
}

function indexTemplate(i: number): IndexTemplateDef {
  return {
    kind: 'index-template',
    id: `template-${pad(i)}`,
    name: `bench-logs-${pad(i)}`,
    patterns: [`logs-bench${i}-*`],
    priority: 200 + i,
    components: [],
    settings: { number_of_shards: 1 },
    mappings: { [`bench.extra${i}`]: { type: 'keyword' } },
    fromLogFilters: i % 2 === 0 ? ['*'] : [`filter-${pad(i)}`],
    ecsBase: true,
  };
}

function generate(): Definition[] {
  const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
  return [
    ...range(100).map(service),
    ...range(300).map(dashboard),
    ...range(400).map(alert),
    ...range(150).map(logFilter),
    ...range(50).map(indexTemplate),
  ];
}

const ms = (n: number): string => `${n.toFixed(0)} ms`;
const folders: Record<Definition['kind'], string> = {
  service: 'services',
  dashboard: 'dashboards',
  alert: 'alerts',
  'log-filter': 'log-filters',
  'index-template': 'index-templates',
};
const typeNames: Record<Definition['kind'], string> = {
  service: 'ServiceDef',
  dashboard: 'DashboardDef',
  alert: 'AlertDef',
  'log-filter': 'LogFilterDef',
  'index-template': 'IndexTemplateDef',
};

const definitions = generate();
const options = defaultRenderOptions({ targets: TARGETS });
const work = mkdtempSync(path.join(os.tmpdir(), 'calvin-bench-build-'));
const root = path.join(work, 'project');
// A private transform cache, so that the first run really is cold.
process.env.XDG_CACHE_HOME = path.join(work, 'cache');
for (const definition of definitions) {
  const folder = path.join(root, folders[definition.kind]);
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    path.join(folder, `${definition.id}.ts`),
    `import type { ${typeNames[definition.kind]} } from 'calvin';\n\nexport default ${JSON.stringify(definition, null, 2)} satisfies ${typeNames[definition.kind]};\n`,
  );
}

interface Phases {
  load: number;
  render: number;
  write: number;
  total: number;
  artifacts: number;
  loaded: number;
}

/** One `calvin build`, phase by phase, exactly as buildProject does it. */
async function phasedBuild(out: string): Promise<Phases> {
  const t0 = performance.now();
  const catalog = await loadCatalog(root);
  const t1 = performance.now();
  const artifacts = await renderArtifacts(catalog, options);
  const t2 = performance.now();
  await writeDirAtomic(
    out,
    artifacts.map((a) => ({ path: a.path, content: a.content })),
  );
  const t3 = performance.now();
  const loaded =
    catalog.services.length +
    catalog.dashboards.length +
    catalog.alerts.length +
    catalog.logFilters.length +
    catalog.indexTemplates.length;
  return { load: t1 - t0, render: t2 - t1, write: t3 - t2, total: t3 - t0, artifacts: artifacts.length, loaded };
}

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(repo, 'bin', 'calvin.js');

function wall(args: string[]): number {
  const start = performance.now();
  execFileSync(process.execPath, [cli, ...args], { cwd: work, stdio: 'ignore', env: process.env });
  return performance.now() - start;
}

try {
  const runs: Phases[] = [];
  for (let run = 0; run < 4; run++) runs.push(await phasedBuild(path.join(work, `out-phased-${run}`)));
  const warm = runs.slice(1);
  const cold = runs[0] as Phases;
  const pick = (key: keyof Phases): number => median(warm.map((r) => r[key]));
  const endToEnd: number[] = [];
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    await buildProject({ root, out: path.join(work, 'out-lib'), targets: TARGETS });
    endToEnd.push(performance.now() - start);
  }
  // Rendering alone, on the model in memory (no loading): what the renderers cost.
  const catalog = catalogOf(definitions);
  const renderOnly = [1, 2, 3].map(() => {
    const start = performance.now();
    renderCatalog(catalog, options);
    return performance.now() - start;
  });

  console.log(
    `calvin bench:build — ${definitions.length} definitions (100 services, 300 dashboards, 400 alerts, 150 log filters, 50 index templates), node ${process.version}`,
  );
  console.log(`  in process, ${cold.loaded} .ts files → ${cold.artifacts} artifacts`);
  console.log(
    `    cold (empty transform cache): load ${ms(cold.load)}, render ${ms(cold.render)}, write ${ms(cold.write)} = ${ms(cold.total)}`,
  );
  console.log(
    `    warm (median of 3):           load ${ms(pick('load'))}, render ${ms(pick('render'))}, write ${ms(pick('write'))} = ${ms(pick('total'))}`,
  );
  console.log(
    `    buildProject end to end, warm: median ${ms(median(endToEnd))} (${endToEnd.map((t) => t.toFixed(0)).join(', ')})`,
  );
  console.log(`    renderCatalog alone (model in memory): median ${ms(median(renderOnly))}`);
  if (existsSync(path.join(repo, 'dist', 'cli', 'main.js'))) {
    rmSync(process.env.XDG_CACHE_HOME, { recursive: true, force: true });
    const startup = median([1, 2, 3].map(() => wall(['--version'])));
    const coldCli = wall(['--root', root, 'build', '--out', path.join(work, 'out-cli')]);
    const warmCli = median([1, 2, 3].map(() => wall(['--root', root, 'build', '--out', path.join(work, 'out-cli')])));
    console.log(`  real CLI (dist/, run npm run build:ts after changes): calvin --version ${ms(startup)}`);
    console.log(
      `    calvin build cold ${ms(coldCli)}, warm median ${ms(warmCli)} of 3 → after start-up: cold ${ms(coldCli - startup)}, warm ${ms(warmCli - startup)}`,
    );
    console.log(`    goal ≤ 1000 ms after start-up (warm) → ${warmCli - startup <= 1000 ? 'met' : 'NOT met'}`);
  } else {
    console.log('  real CLI: skipped (no dist/: run npm run build:ts)');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
