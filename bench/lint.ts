/**
 * `npm run bench:lint`: lint 1000 generated definitions (services, dashboards, alerts, log filters,
 * index templates) and a set of generated Grafana JSON dashboards, in process, and print the time.
 * Goal: 1000 definitions in ≤ 1 s. Figures only; no assertion.
 */
import { performance } from 'node:perf_hooks';
import type {
  AlertDef,
  Catalog,
  DashboardDef,
  IndexTemplateDef,
  LogFilterDef,
  ServiceDef,
} from '../src/define/types.js';
import { lintInputs } from '../src/lint/lint.js';
import type { InputFile } from '../src/lint/project.js';

const MEASUREMENTS = ['cpu', 'mem', 'disk', 'diskio', 'net', 'system'];
const FIELDS: Record<string, string> = {
  cpu: 'usage_idle',
  mem: 'used_percent',
  disk: 'used_percent',
  diskio: 'reads',
  net: 'bytes_recv',
  system: 'load1',
};

function catalogOf(count: number): Catalog {
  const c: Catalog = { services: [], dashboards: [], alerts: [], logFilters: [], indexTemplates: [] };
  for (
    let i = 0;
    c.services.length + c.dashboards.length + c.alerts.length + c.logFilters.length + c.indexTemplates.length < count;
    i++
  ) {
    const m = MEASUREMENTS[i % MEASUREMENTS.length] as string;
    const field = FIELDS[m] as string;
    const service: ServiceDef = {
      kind: 'service',
      id: `svc-${i}`,
      consulName: `svc-${i}`,
      title: `Service ${i}`,
      aliases: [],
      owner: 'ops',
      metrics: { database: 'services', measurements: [`svc_${i}_requests`], tagFilters: {}, signals: [] },
      logs: { indexPattern: 'logs-*', serviceNames: [`svc-${i}`], processNames: [] },
      runbooks: [],
      source: { file: `services/svc-${i}.ts` },
    };
    const queries = Array.from({ length: 8 }, (_, q) => ({
      kind: 'influxql' as const,
      database: 'system',
      measurement: MEASUREMENTS[(i + q) % MEASUREMENTS.length] as string,
      select: [
        {
          field: FIELDS[MEASUREMENTS[(i + q) % MEASUREMENTS.length] as string] as string,
          functions: [{ fn: 'mean' as const }],
        },
      ],
      where: [{ key: 'host', op: '=~' as const, value: { kind: 'variable' as const, name: 'host' } }],
      timeFilter: true,
      groupByTime: '$__interval',
      groupByTags: ['host'],
      fill: 'null' as const,
    }));
    const dashboard: DashboardDef = {
      kind: 'dashboard',
      id: `dash-${i}`,
      title: `Dashboard ${i}`,
      service: service.id,
      tags: [],
      folder: 'Services',
      time: { from: 'now-6h', to: 'now' },
      variables: [{ kind: 'query', name: 'host', database: 'system', tag: 'host', multi: true, includeAll: true }],
      annotations: [],
      links: [],
      rows: [
        {
          title: 'Host',
          collapsed: false,
          panels: queries.map((q, n) => ({
            type: 'timeseries' as const,
            title: `Panel ${n}`,
            width: 12,
            height: 8,
            queries: [q],
          })),
        },
      ],
      source: { file: `dashboards/dash-${i}.ts` },
    };
    const alert: AlertDef = {
      kind: 'alert',
      id: `alert-${i}`,
      name: `Alert${i}`,
      service: service.id,
      owner: 'ops',
      severity: 'page',
      description: 'x',
      query: {
        database: 'system',
        retentionPolicy: 'autogen',
        measurement: m,
        field,
        fn: 'mean',
        where: [],
        groupBy: ['host'],
        period: '5m',
        every: '1m',
      },
      condition: { type: 'threshold', direction: 'above', crit: 90 },
      message: 'm',
      runbook: { title: 'r', markdown: '# r', url: `https://runbooks/${i}` },
      handlers: [],
      tests: [],
      source: { file: `alerts/alert-${i}.ts` },
    };
    const filter: LogFilterDef = {
      kind: 'log-filter',
      id: `filter-${i}`,
      description: 'f',
      order: i,
      match: { op: 'tag', tag: `logs.application.svc${i}` },
      steps: [],
      produces: [
        { field: `svc${i}.duration`, type: 'long' },
        { field: 'http.response.status_code', type: 'long' },
      ],
      tests: [],
      source: { file: `log-filters/filter-${i}.ts` },
    };
    const template: IndexTemplateDef = {
      kind: 'index-template',
      id: `tpl-${i}`,
      name: `logs-svc-${i}`,
      patterns: [`logs-application-svc${i}-*`],
      priority: 200,
      components: [],
      settings: {},
      mappings: { 'http.response.status_code': { type: 'long' } },
      fromLogFilters: [],
      ecsBase: true,
      source: { file: `index-templates/tpl-${i}.ts` },
    };
    c.services.push(service);
    c.dashboards.push(dashboard);
    c.alerts.push(alert);
    c.logFilters.push(filter);
    c.indexTemplates.push(template);
  }
  return c;
}

function grafanaFiles(count: number, panels: number): InputFile[] {
  return Array.from({ length: count }, (_, d) => ({
    path: `grafana/dashboard-${d}.json`,
    text: `${JSON.stringify(
      {
        uid: `bench-${d}`,
        title: `Bench ${d}`,
        schemaVersion: 16,
        templating: {
          list: [
            { name: 'host', type: 'query', datasource: 'InfluxDb.System', query: 'SHOW TAG VALUES WITH KEY = "host"' },
          ],
        },
        panels: Array.from({ length: panels }, (_, p) => {
          const m = MEASUREMENTS[p % MEASUREMENTS.length] as string;
          return {
            id: p + 1,
            title: `Panel ${p}`,
            type: 'graph',
            datasource: 'InfluxDb.System',
            targets: [
              {
                refId: 'A',
                rawQuery: true,
                query: `SELECT mean("${FIELDS[m]}") FROM "${m}" WHERE "host" =~ /^$host$/ AND $timeFilter GROUP BY time($__interval), "host" fill(null)`,
              },
              {
                refId: 'B',
                measurement: m,
                policy: 'default',
                select: [
                  [
                    { type: 'field', params: [FIELDS[m]] },
                    { type: 'mean', params: [] },
                  ],
                ],
                tags: [{ key: 'host', operator: '=~', value: '/^$host$/' }],
                groupBy: [
                  { type: 'time', params: ['$__interval'] },
                  { type: 'fill', params: ['null'] },
                ],
              },
            ],
          };
        }),
      },
      null,
      2,
    )}\n`,
  }));
}

function time(label: string, run: () => number, repeats = 5): void {
  run(); // warm-up (JIT)
  const samples: number[] = [];
  let findings = 0;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    findings = run();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)] as number;
  console.log(
    `${label.padEnd(48)} median ${median.toFixed(1).padStart(7)} ms  (min ${(samples[0] as number).toFixed(1)}, max ${(samples[samples.length - 1] as number).toFixed(1)})  findings ${findings}`,
  );
}

const count = Number(process.env.BENCH_DEFINITIONS ?? 1000);
const catalog = catalogOf(count);
const dashboards = grafanaFiles(200, 20);
const countFindings = (r: ReturnType<typeof lintInputs>): number =>
  r.results.reduce((n, x) => n + x.messages.length, 0);

console.log(`calvin lint benchmark, node ${process.version}`);
time(`${count} typed definitions`, () => countFindings(lintInputs([], { catalog })));
time(`200 Grafana JSON dashboards (4,000 panels, 8,000 queries)`, () => countFindings(lintInputs(dashboards)));
time(`both together`, () => countFindings(lintInputs(dashboards, { catalog })));
