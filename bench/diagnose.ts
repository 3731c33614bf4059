/**
 * `npm run bench:diagnose`: diagnose wall time on 10 instances with 1,000,000 log documents and
 * over 1,000,000 metric points, against the raw backend queries it needs issued directly (same
 * queries, straight through src/backends, in parallel). Goals: ≤ 1.5 s warm, ≤ 1.25× the raw time.
 * Also times the CLI end to end (`node bin/calvin.js diagnose … --json`, built dist/). The bench
 * service has a definition (signals, log selector) written to a temporary root, loaded by both.
 * Seeds the `bench` scenario once; later runs reuse the data (pass --reseed to rewrite it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.js';
import { listServices, localDatacenter, registerExternal, serviceInstances } from '../src/backends/consul.js';
import { discoverEndpoints } from '../src/backends/discover.js';
import { closeElasticClients, esCount, esMultiSearch, esSearch } from '../src/backends/elasticsearch.js';
import { esFieldCaps } from '../src/backends/es-field-caps.js';
import { influxQuery, showMeasurements } from '../src/backends/influx.js';
import { exactMatchPattern, quoteIdent, quoteRegex } from '../src/define/influxql.js';
import type { Catalog, ServiceDef } from '../src/define/types.js';
import { loadCatalog } from '../src/load/index.js';
import { diagnose } from '../src/diagnose/run.js';
import { knownIssueQueries } from '../src/diagnose/collect-logs.js';
import { loadKnownIssues } from '../src/diagnose/known-issues.js';
import { fieldGroupsFromCaps, logsFromSearch } from '../src/diagnose/parse.js';
import {
  LOG_FIELD_CANDIDATES,
  logSearchBody,
  planWindows,
  signalQueries,
  templateCountBody,
  type LogFields,
  type LogSelectorFilter,
} from '../src/diagnose/queries.js';
import { watchedSignals } from '../src/diagnose/signals.js';
import { templateMatcher, templateQuery } from '../src/diagnose/template-query.js';
import { templateOf } from '../src/diagnose/templates.js';
import { seedScenario, BENCH_DEFAULTS } from '../scripts/seed/index.js';

const SERVICE = 'bench-artefacts';
const RUNS = 5;
const CONSUL_ADDR = process.env.CALVIN_STACK_CONSUL_ADDR ?? '127.0.0.1:18500';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The bench service's definition: Nexus's signals, and its logs (service.name nexus, process java). */
const DEFINITION = `import { SERVICES_DATABASE, hostSignals, service } from 'calvin';

export default service('${SERVICE}', { title: 'Bench artefacts (Nexus)', owner: 'bench' })
  .aliases(['bench-nexus'])
  .database(SERVICES_DATABASE)
  .signals([
    ...hostSignals({ disk: { warning: 80, critical: 90 } }),
    {
      name: 'jvm.heap_used', title: 'JVM heap used', database: SERVICES_DATABASE, measurement: 'jvm_memory', field: 'HeapMemoryUsage.used',
      aggregate: 'max', where: { service: 'nexus' }, unit: 'bytes', worseWhen: 'higher', warning: 2_200_000_000, critical: 2_500_000_000,
    },
  ])
  .logs({ serviceNames: ['nexus'], processNames: ['java'] })
  .build();
`;

/** A root of its own holding the definition (the CLI loads it from CALVIN_ROOT, the library too). */
async function benchRoot(): Promise<{ root: string; catalog: Catalog; definition: ServiceDef }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'calvin-bench-'));
  await mkdir(path.join(root, 'services'));
  await writeFile(path.join(root, 'services', `${SERVICE}.ts`), DEFINITION);
  const catalog = await loadCatalog(root);
  const definition = catalog.services.find((d) => d.id === SERVICE);
  if (!definition) throw new Error('the bench definition did not load');
  return { root, catalog, definition };
}

let config = loadConfig({ consulAddr: CONSUL_ADDR, color: false }, {});

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function benchNodes(): Promise<string[]> {
  const services = await listServices(config);
  if (!(SERVICE in services)) return [];
  return (await serviceInstances(config, SERVICE)).map((i) => i.node).sort();
}

/** What is there already: log documents, metric points and the end of the data. */
async function existingData(nodes: string[]): Promise<{ logs: number; points: number; end: number } | null> {
  if (nodes.length < BENCH_DEFAULTS.instances) return null;
  const { influx, elasticsearch } = await discoverEndpoints(config, ['influx', 'elasticsearch']);
  if (!influx || !elasticsearch) throw new Error('the stack is not up: run `node scripts/stack.mjs up`');
  const query = { terms: { 'host.name': nodes } };
  const logs = await esCount(elasticsearch, 'logs-*', query, { timeoutMs: 30_000 });
  const last = await esSearch(
    elasticsearch,
    'logs-*',
    { size: 0, query, aggs: { end: { max: { field: '@timestamp' } } } },
    { timeoutMs: 30_000 },
  );
  const end = (last.aggregations?.end as { value?: number } | undefined)?.value ?? 0;
  const hostFilter = `"host" =~ ${quoteRegex(exactMatchPattern(nodes))}`;
  // Points = lines: count(*) gives one count per field, the largest is the number of lines.
  let points = 0;
  for (const database of [config.databases.system, config.databases.services]) {
    const measurements = await showMeasurements(influx, database, { timeoutMs: 30_000 }).catch(() => [] as string[]);
    for (const measurement of measurements) {
      const series = await influxQuery(
        influx,
        database,
        `SELECT count(*) FROM ${quoteIdent(measurement)} WHERE ${hostFilter}`,
        { timeoutMs: 60_000 },
      );
      for (const s of series)
        for (const row of s.values) points += Math.max(0, ...row.slice(1).map((v) => (typeof v === 'number' ? v : 0)));
    }
  }
  return { logs, points, end };
}

/** The bench's node names, as the seed makes them. */
const BENCH_NODES = Array.from(
  { length: BENCH_DEFAULTS.instances },
  (_, i) => `bench-nexus-${String(i + 1).padStart(2, '0')}`,
);

/**
 * Registers the bench instances again when the Consul catalog lost them while their data stayed
 * (a dev-mode Consul restarted by another test run forgets external nodes): health checks are not
 * restored, metrics and logs, which the timing is about, are untouched.
 */
async function ensureRegistered(): Promise<void> {
  if (SERVICE in (await listServices(config))) return;
  process.stderr.write(
    `${SERVICE} is no longer in the Consul catalog: registering its ${BENCH_NODES.length} instances again (without their checks)\n`,
  );
  await Promise.all(
    BENCH_NODES.map((node, i) =>
      registerExternal(config, {
        node,
        address: `10.8.0.${10 + i}`,
        service: { id: `nexus_${node}`, name: SERVICE, tags: [] },
      }),
    ),
  );
}

async function ensureData(): Promise<{ end: number; nodes: string[]; logs: number; points: number }> {
  let nodes = await benchNodes();
  if (nodes.length === 0 && !process.argv.includes('--reseed') && (await existingData(BENCH_NODES))) {
    await ensureRegistered();
    nodes = await benchNodes();
  }
  let data = process.argv.includes('--reseed') ? null : await existingData(nodes);
  if (!data || data.logs < BENCH_DEFAULTS.logDocuments * 0.99) {
    process.stderr.write(
      `seeding the bench scenario: ${BENCH_DEFAULTS.instances} instances, ${BENCH_DEFAULTS.logDocuments.toLocaleString('en-US')} log documents, ≥ ${BENCH_DEFAULTS.metricPoints.toLocaleString('en-US')} metric points (takes minutes)\n`,
    );
    const seeded = await seedScenario('bench', { config, onProgress: (m) => process.stderr.write(`  ${m}\n`) });
    process.stderr.write(
      `  seeded ${seeded.logDocuments.toLocaleString('en-US')} documents and ${seeded.metricPoints.toLocaleString('en-US')} metric lines in ${(seeded.durationMs / 1000).toFixed(1)} s\n`,
    );
    await ensureRegistered();
    nodes = await benchNodes();
    data = await existingData(nodes);
    if (!data) throw new Error('the bench data is missing after seeding');
  } else {
    process.stderr.write('bench data already seeded: reusing it (--reseed rewrites it)\n');
  }
  return { ...data, nodes };
}

/**
 * The same requests diagnose sends, issued directly through the backends, in the same order and
 * parallelism: Consul, discovery, the metric queries, field caps, the log search (with the known
 * issues' counts) and, when its sample of distinct messages was not whole, the template follow-up.
 */
async function rawQueries(to: Date, lengthMs: number, definition: ServiceDef): Promise<void> {
  const [, services] = await Promise.all([localDatacenter(config), listServices(config)]);
  if (!(SERVICE in services)) throw new Error(`${SERVICE} is not registered`);
  const instances = await serviceInstances(config, SERVICE);
  const nodes = [...new Set(instances.map((i) => i.node))];
  const { influx, elasticsearch } = await discoverEndpoints(config, ['influx', 'elasticsearch']);
  if (!influx || !elasticsearch) throw new Error('no backends');
  const windows = planWindows(to, lengthMs);
  const queries = signalQueries(watchedSignals(definition, config.databases.system), nodes, windows);
  const selector: LogSelectorFilter = {
    serviceNames: [
      ...new Set([...definition.logs.serviceNames, definition.consulName, definition.id, ...definition.aliases]),
    ],
    processNames: definition.logs.processNames,
  };
  await Promise.all([
    Promise.all(queries.map((q) => influxQuery(influx, q.database, q.text, { timeoutMs: 10_000 }))),
    (async () => {
      const candidates = Object.values(LOG_FIELD_CANDIDATES).flatMap((f) => [f, `${f}.keyword`]);
      const groups = fieldGroupsFromCaps(
        await esFieldCaps(elasticsearch, 'logs-*', candidates, { timeoutMs: 10_000 }),
        LOG_FIELD_CANDIDATES,
      );
      const only = groups.length === 1 ? groups[0] : undefined;
      if (!only) {
        await esMultiSearch(
          elasticsearch,
          groups.map((g) => ({
            index: g.indices ?? ['logs-*'],
            body: logSearchBody(nodes, windows, g.fields, selector),
          })),
          { timeoutMs: 10_000 },
        );
        return;
      }
      const first = await esSearch(elasticsearch, 'logs-*', logSearchBody(nodes, windows, only.fields, selector), {
        timeoutMs: 10_000,
      });
      const logs = logsFromSearch(first, only.fields, new Set(nodes));
      if (logs.complete.window && logs.complete.baseline) return;
      const templates = [...new Set(logs.windowErrors.map((m) => templateOf(m.message)))].slice(0, 50);
      const counted = templates.flatMap((t, i) => {
        const m = templateMatcher(t);
        const query = m ? templateQuery(m, only.fields.message, 'message') : null;
        return query ? [{ key: `t${i}`, query }] : [];
      });
      const whole = logs.complete.window;
      const seen = knownIssues.filter((k) => logs.windowErrors.some((m) => new RegExp(k.pattern, 'i').test(m.message)));
      const known = whole ? [] : knownIssueQueries(seen, SERVICE, only.fields);
      await esSearch(
        elasticsearch,
        'logs-*',
        templateCountBody(
          nodes,
          windows,
          only.fields as LogFields,
          selector,
          counted,
          whole ? undefined : counted.map((c) => c.query),
          known,
        ),
        { timeoutMs: 10_000 },
      );
    })(),
  ]);
}

let knownIssues: Awaited<ReturnType<typeof loadKnownIssues>> = [];

/** `node bin/calvin.js diagnose <svc> --json` on the built CLI; its wall time in ms. */
function cliRun(root: string, to: Date): number {
  const t = performance.now();
  const result = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'bin/calvin.js'), 'diagnose', SERVICE, '--json', '--to', to.toISOString()],
    {
      cwd: root,
      env: { ...process.env, CALVIN_ROOT: root, CONSUL_HTTP_ADDR: CONSUL_ADDR, NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  const ms = performance.now() - t;
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`the CLI failed (exit ${result.status}): ${result.stderr}`);
  JSON.parse(result.stdout);
  return ms;
}

async function main(): Promise<void> {
  const data = await ensureData();
  const to = new Date(data.end + 1);
  const lengthMs = 3_600_000;
  const { root, catalog, definition } = await benchRoot();
  config = loadConfig({ consulAddr: CONSUL_ADDR, color: false, root }, {});
  knownIssues = await loadKnownIssues(path.join(repoRoot, 'known-issues'));
  const cli = existsSync(path.join(repoRoot, 'dist/cli/main.js'));
  process.stdout.write(
    `data: ${data.nodes.length} instances, ${data.logs.toLocaleString('en-US')} log documents, ${data.points.toLocaleString('en-US')} metric points; window 1 h ending ${to.toISOString()}\n`,
  );
  try {
    // Warm-up: connections, JIT, Elasticsearch and InfluxDB caches (and the CLI's file cache).
    await ensureRegistered();
    const warm = await diagnose(config, { query: SERVICE, to, lengthMs, catalog });
    await rawQueries(to, lengthMs, definition);
    if (cli) cliRun(root, to);
    process.stdout.write(
      `diagnosis: ${warm.diagnosis.status}, suspect ${warm.diagnosis.suspects[0]?.node ?? 'none'}: ${warm.diagnosis.summary}\n`,
    );

    const diagnoseMs: number[] = [];
    const rawMs: number[] = [];
    const cliMs: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      await ensureRegistered();
      let t = performance.now();
      await diagnose(config, { query: SERVICE, to, lengthMs, catalog });
      diagnoseMs.push(performance.now() - t);
      t = performance.now();
      await rawQueries(to, lengthMs, definition);
      rawMs.push(performance.now() - t);
      if (cli) cliMs.push(cliRun(root, to));
    }
    const d = median(diagnoseMs);
    const r = median(rawMs);
    const fmt = (ms: number): string => `${ms.toFixed(0)} ms`;
    process.stdout.write(
      `diagnose (library, median of ${RUNS}, warm): ${fmt(d)}   runs: ${diagnoseMs.map(fmt).join(', ')}   goal ≤ 1500 ms: ${d <= 1500 ? 'met' : 'MISSED'}\n`,
    );
    process.stdout.write(`raw backend queries (median of ${RUNS}): ${fmt(r)}   runs: ${rawMs.map(fmt).join(', ')}\n`);
    process.stdout.write(
      `ratio diagnose / raw: ${(d / r).toFixed(2)}×   goal ≤ 1.25×: ${d / r <= 1.25 ? 'met' : 'MISSED'}\n`,
    );
    if (cli) {
      const c = median(cliMs);
      process.stdout.write(
        `CLI end to end (node bin/calvin.js diagnose ${SERVICE} --json, median of ${RUNS}): ${fmt(c)}   runs: ${cliMs.map(fmt).join(', ')}\n`,
      );
      process.stdout.write(
        `ratio CLI / raw: ${(c / r).toFixed(2)}×   (process start-up, module and definition loading included)\n`,
      );
    } else process.stdout.write('CLI end to end: skipped, dist/ is not built (npm run build:ts)\n');
  } finally {
    await rm(root, { recursive: true, force: true });
    await closeElasticClients();
  }
}

main().catch(async (error: unknown) => {
  process.stderr.write(`bench:diagnose failed: ${error instanceof Error ? error.message : String(error)}\n`);
  await closeElasticClients();
  process.exitCode = 1;
});
