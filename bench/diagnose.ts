/**
 * `npm run bench:diagnose`: diagnose wall time on 10 instances with 1,000,000 log documents and
 * over 1,000,000 metric points, against the raw backend requests it needs, issued directly the same
 * way (same narrowed indices, same queries, straight through src/backends, in parallel). Honest by
 * construction: the Elasticsearch request cache is turned off on every index the bench searches, and
 * each run ends at a different time, so no answer comes from a cache a real diagnosis never hits.
 * Also times the CLI end to end (`node bin/calvin.js diagnose … --json`, built dist/), prints
 * `node -e 0` (the floor of any Node CLI), the growth 100 k → 1 M documents and 10 → 50 instances
 * (isolated copies of the bench scenario, seeded once), and the cost of 600 foreign daily indices
 * (30 days × 20 other apps, made for the run and deleted after).
 * Goals (issue 14), each printed with PASS or FAIL: library ≤ 1.25× raw; CLI ≤ 1.5× raw and ≤ 700 ms;
 * growth 100 k → 1 M ≤ 1.3×; foreign indices ≤ 1.2×; `calvin --help` ≤ 2× `node -e 0`. `--core` stops after
 * the library and CLI lines (no growth, no foreign indices): a quick check, not the measurement.
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
import {
  closeElasticClients,
  esBulkIndex,
  esCount,
  esDeleteIndex,
  esEnsureIndex,
  esGetMapping,
  esPutIndexSettings,
  esRefresh,
  esSearch,
  type ElasticEndpoint,
} from '../src/backends/elasticsearch.js';
import { influxQuery, showMeasurements } from '../src/backends/influx.js';
import { exactMatchPattern, quoteIdent, quoteRegex } from '../src/define/influxql.js';
import type { Catalog, ServiceDef } from '../src/define/types.js';
import { loadCatalog } from '../src/load/index.js';
import { diagnose } from '../src/diagnose/run.js';
import { createDiagnoseBackends } from '../src/diagnose/backends.js';
import { narrowIndices } from '../src/diagnose/indices.js';
import { knownIssueQueries } from '../src/diagnose/collect-logs.js';
import { loadKnownIssues } from '../src/diagnose/known-issues.js';
import { fieldGroupsFromCaps, logsFromSearch } from '../src/diagnose/parse.js';
import { errorLinesFetchSize } from '../src/diagnose/error-lines.js';
import {
  errorLinesBody,
  errorSampleBody,
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
import { historyQuery } from '../src/diagnose/history.js';
import { deployQuery } from '../src/diagnose/deploys.js';
import { formerFrom, formerSearchBody } from '../src/diagnose/changes-query.js';
import { seedScenario, BENCH_DEFAULTS } from '../scripts/seed/index.js';
import { median, nodeFloor, nodeRun } from './timing.js';
import { closeReplayAgent, RECORDER, replayInNewProcess, replayWarm, writePlan } from './http-replay/floor.js';

const SERVICE = 'bench-artefacts';
const RUNS = 9;
const CONSUL_ADDR = process.env.CALVIN_STACK_CONSUL_ADDR ?? '127.0.0.1:18500';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The bench service's definition: Nexus's signals, and its logs (service.name nexus, process java). */
const definition = (name: string): string => `import { SERVICES_DATABASE, hostSignals, service } from 'calvin';

export default service('${name}', { title: 'Bench artefacts (Nexus)', owner: 'bench' })
  .aliases(['${name}-nexus'])
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

/** A root of its own holding the definitions (the CLI loads it from CALVIN_ROOT, the library too). */
async function benchRoot(services: string[]): Promise<{ root: string; catalog: Catalog }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'calvin-bench-'));
  await mkdir(path.join(root, 'services'));
  for (const name of services) await writeFile(path.join(root, 'services', `${name}.ts`), definition(name));
  return { root, catalog: await loadCatalog(root) };
}

function definitionOf(catalog: Catalog, name: string): ServiceDef {
  const found = catalog.services.find((d) => d.id === name);
  if (!found) throw new Error(`the bench definition of ${name} did not load`);
  return found;
}

let config = loadConfig({ consulAddr: CONSUL_ADDR, color: false }, {});

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

/** The node names of the bench scenario (or of an isolated copy of it), as the seed makes them. */
const seededNodes = (instances: number, isolate?: string): string[] =>
  Array.from(
    { length: instances },
    (_, i) =>
      `bench-nexus${isolate ? `-${isolate}` : ''}-${String(i + 1).padStart(Math.max(2, `${instances}`.length), '0')}`,
  );
const BENCH_NODES = seededNodes(BENCH_DEFAULTS.instances);

/**
 * Registers the bench instances again when the Consul catalog lost them while their data stayed
 * (a dev-mode Consul restarted by another test run forgets external nodes): health checks are not
 * restored, metrics and logs, which the timing is about, are untouched.
 */
async function ensureRegistered(service = SERVICE, nodes = BENCH_NODES): Promise<void> {
  if (service in (await listServices(config))) return;
  process.stderr.write(
    `${service} is no longer in the Consul catalog: registering its ${nodes.length} instances again (without their checks)\n`,
  );
  await Promise.all(
    nodes.map((node, i) =>
      registerExternal(config, {
        node,
        address: `10.8.${Math.floor(i / 200)}.${10 + (i % 200)}`,
        service: { id: `nexus_${node}`, name: service, tags: [] },
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
 * parallelism and to the same narrowed indices: Consul, discovery, the metric queries, field caps,
 * the history and deploy-marker queries, the log searches (the probe, then the main search, the error
 * sample and the former hosts' side by side, then the follow-up that completes a sample of distinct
 * messages that was not whole).
 */
async function rawQueries(service: string, to: Date, lengthMs: number, definition: ServiceDef): Promise<void> {
  const [environment, services] = await Promise.all([localDatacenter(config), listServices(config)]);
  if (!(service in services)) throw new Error(`${service} is not registered`);
  const instances = await serviceInstances(config, service);
  const nodes = [...new Set(instances.map((i) => i.node))];
  const { influx, elasticsearch } = await discoverEndpoints(config, ['influx', 'elasticsearch']);
  if (!influx || !elasticsearch) throw new Error('no backends');
  const windows = planWindows(to, lengthMs);
  const es = narrowIndices(createDiagnoseBackends(config), windows);
  const call = { timeoutMs: 10_000 };
  const queries = signalQueries(watchedSignals(definition, config.databases.system), nodes, windows);
  const selector: LogSelectorFilter = {
    serviceNames: [
      ...new Set([...definition.logs.serviceNames, definition.consulName, definition.id, ...definition.aliases]),
    ],
    processNames: definition.logs.processNames,
  };
  const pattern = definition.logs.indexPattern || 'logs-*';
  const range = { from: windows.baseline.from, to: windows.window.to };
  await Promise.all([
    Promise.all(queries.map((q) => influxQuery(influx, q.database, q.text, call))),
    // Who served the service (history) and calvin's deploy markers: diagnose asks them beside the signals.
    influxQuery(influx, config.databases.system, historyQuery(config.databases.system, service, nodes, windows), call),
    influxQuery(
      influx,
      config.databases.services,
      deployQuery(config.databases.services, environment, range),
      call,
    ).catch(() => []),
    (async () => {
      const candidates = Object.values(LOG_FIELD_CANDIDATES).flatMap((f) => [f, `${f}.keyword`]);
      const groups = fieldGroupsFromCaps(
        await es.esFieldCaps(elasticsearch, pattern, candidates, call),
        LOG_FIELD_CANDIDATES,
      );
      const only = groups.length === 1 ? groups[0] : undefined;
      if (!only) {
        const searches = groups.flatMap((g) => [
          { index: g.indices ?? [pattern], body: logSearchBody(nodes, windows, g.fields, selector) },
          { index: g.indices ?? [pattern], body: errorSampleBody(nodes, windows, g.fields, selector) },
        ]);
        await es.esMultiSearch(elasticsearch, searches, call);
        return;
      }
      // The former hosts' search goes beside the first and the error sample, as diagnose sends it.
      const formerBody = formerSearchBody(nodes, only.fields, selector.serviceNames, formerFrom(windows));
      const [first, errorSample] = await Promise.all([
        es.esSearch(elasticsearch, pattern, logSearchBody(nodes, windows, only.fields, selector), call),
        es.esSearch(elasticsearch, pattern, errorSampleBody(nodes, windows, only.fields, selector), call),
        formerBody ? es.esSearchFound(elasticsearch, [{ index: [pattern], body: formerBody }], call) : undefined,
      ]);
      const logs = logsFromSearch(first, errorSample, only.fields, new Set(nodes));
      if (logs.complete.window && logs.complete.baseline) return;
      // Few error lines: fetched whole, as diagnose does (error-lines.ts); else the templates, counted.
      const size = errorLinesFetchSize(logs.errorLines);
      if (size !== null) {
        const lines = errorLinesBody(nodes, windows, only.fields, selector, size);
        await es.esSearch(elasticsearch, pattern, lines, call);
        return;
      }
      const templates = [...new Set(logs.windowErrors.map((m) => templateOf(m.message)))].slice(0, 50);
      const counted = templates.flatMap((t, i) => {
        const m = templateMatcher(t);
        const query = m ? templateQuery(m, only.fields.message, 'message') : null;
        return query ? [{ key: `t${i}`, query }] : [];
      });
      const whole = logs.complete.window;
      const seen = knownIssues.filter((k) => logs.windowErrors.some((m) => new RegExp(k.pattern, 'i').test(m.message)));
      const known = whole ? [] : knownIssueQueries(seen, service, only.fields);
      const excluded = whole ? undefined : counted.map((c) => c.query);
      const body = templateCountBody(nodes, windows, only.fields as LogFields, selector, counted, excluded, known);
      await es.esSearch(elasticsearch, pattern, body, call);
    })(),
  ]);
}

let knownIssues: Awaited<ReturnType<typeof loadKnownIssues>> = [];

/**
 * `node bin/calvin.js diagnose <svc> --json` on the built CLI; its wall time in ms. `recordTo` names
 * a file to record the run's HTTP requests into (http-replay/record.mjs), for the floor's replay.
 */
function cliRun(root: string, service: string, to: Date, recordTo?: string): number {
  const t = performance.now();
  const preload = recordTo ? ['--import', RECORDER] : [];
  const result = spawnSync(
    process.execPath,
    [...preload, path.join(repoRoot, 'bin/calvin.js'), 'diagnose', service, '--json', '--to', to.toISOString()],
    {
      cwd: root,
      env: {
        ...process.env,
        CALVIN_ROOT: root,
        CONSUL_HTTP_ADDR: CONSUL_ADDR,
        NO_COLOR: '1',
        ...(recordTo ? { CALVIN_BENCH_RECORD: recordTo } : {}),
      },
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

/** An isolated copy of the bench scenario (own service, nodes and indices), seeded once and reused. */
async function ensureIsolated(
  isolate: string,
  options: { instances: number; logDocuments: number; reseeded?: boolean },
): Promise<{ service: string; end: number }> {
  const service = `${SERVICE}-${isolate}`;
  const { elasticsearch } = await discoverEndpoints(config, ['elasticsearch']);
  if (!elasticsearch) throw new Error('the stack is not up: run `node scripts/stack.mjs up`');
  const expected = seededNodes(options.instances, isolate);
  const query = { terms: { 'host.name': expected } };
  const count = await esCount(elasticsearch, 'logs-*', query, { timeoutMs: 30_000 });
  const reseed = process.argv.includes('--reseed') && !options.reseeded;
  // The data is there but Consul forgot the nodes: register them again rather than seed for minutes.
  if (!reseed && count >= options.logDocuments * 0.99) await ensureRegistered(service, expected);
  const registered = service in (await listServices(config));
  const nodes = registered ? (await serviceInstances(config, service)).map((i) => i.node) : [];
  if (nodes.length < options.instances || count < options.logDocuments * 0.99 || reseed) {
    process.stderr.write(
      `seeding ${service}: ${options.instances} instances, ${options.logDocuments.toLocaleString('en-US')} log documents (takes minutes)\n`,
    );
    const seeded = await seedScenario('bench', {
      config,
      isolate,
      instances: options.instances,
      logDocuments: options.logDocuments,
    });
    process.stderr.write(`  seeded in ${(seeded.durationMs / 1000).toFixed(1)} s\n`);
    return ensureIsolated(isolate, { ...options, reseeded: true });
  }
  const last = await esSearch(
    elasticsearch,
    'logs-*',
    { size: 0, query, aggs: { end: { max: { field: '@timestamp' } } } },
    { timeoutMs: 30_000 },
  );
  return { service, end: (last.aggregations?.end as { value?: number } | undefined)?.value ?? 0 };
}

/** The request cache off on the bench's own indices (and every run ends at another time): no cached answers. */
async function noRequestCache(elasticsearch: ElasticEndpoint): Promise<void> {
  await esPutIndexSettings(elasticsearch, 'logs-bench-*', { 'index.requests.cache.enable': false });
}

const FOREIGN_PREFIX = 'logs-benchforeign';
const FOREIGN_APPS = 20;
const FOREIGN_DAYS = 30;

/** 30 days × 20 other apps of small daily indices. */
function foreignIndices(end: number): { index: string; at: number }[] {
  const names: { index: string; at: number }[] = [];
  for (let d = 0; d < FOREIGN_DAYS; d += 1)
    for (let a = 1; a <= FOREIGN_APPS; a += 1) {
      const at = end - d * 86_400_000;
      names.push({
        index: `${FOREIGN_PREFIX}-app${a}-${new Date(at).toISOString().slice(0, 10).replaceAll('-', '.')}`,
        at,
      });
    }
  return names;
}

/** Creates them mapped like the bench's own indices, one document each. */
async function createForeignIndices(elasticsearch: ElasticEndpoint, names: { index: string; at: number }[]) {
  const mappings = Object.values(await esGetMapping(elasticsearch, 'logs-bench-nexus-*'))[0]?.mappings ?? {};
  const settings = { number_of_shards: 1, number_of_replicas: 0, 'index.requests.cache.enable': false };
  for (let i = 0; i < names.length; i += 8)
    await Promise.all(names.slice(i, i + 8).map((n) => esEnsureIndex(elasticsearch, n.index, { settings, mappings })));
  await esBulkIndex(
    elasticsearch,
    names.map((n, i) => ({
      index: n.index,
      doc: {
        '@timestamp': new Date(n.at - 60_000).toISOString(),
        'host.name': `foreign-${i % FOREIGN_APPS}`,
        'log.level': 'error',
        message: `Foreign app failure ${i}`,
      },
    })),
    // Refreshed by pattern: 600 names do not fit in a URL.
    { refresh: false, timeoutMs: 120_000 },
  );
  await esRefresh(elasticsearch, `${FOREIGN_PREFIX}-*`);
  // Creating 600 indices leaves the master busy for a while: time a settled cluster, as a user's would be.
  const health = new URL('/_cluster/health', elasticsearch.url);
  health.search = 'wait_for_no_initializing_shards=true&wait_for_events=languid&timeout=60s';
  await fetch(health);
}

/**
 * The library and the raw narrowed queries (what any client pays on the cluster as it is), `RUNS`
 * times each, one after the other: both meet the cluster in the same state (busy merging, or settled).
 */
async function timeLibraryAndRaw(
  end: number,
  catalog: Catalog,
  definition: ServiceDef,
): Promise<{ library: number[]; raw: number[] }> {
  const out = { library: [] as number[], raw: [] as number[] };
  for (let i = 0; i < RUNS; i += 1) {
    let t = performance.now();
    await diagnose(config, { query: SERVICE, to: new Date(end + 1 + i * 2_000), lengthMs: LENGTH_MS, catalog });
    out.library.push(performance.now() - t);
    t = performance.now();
    await rawQueries(SERVICE, new Date(end + 1 + i * 2_000 + 1_000), LENGTH_MS, definition);
    out.raw.push(performance.now() - t);
  }
  return out;
}

async function timeLibrary(service: string, end: number, catalog: Catalog, runs = RUNS): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    await diagnose(config, { query: service, to: new Date(end + 1 + i * 1_000), lengthMs: LENGTH_MS, catalog });
    out.push(performance.now() - t);
  }
  return out;
}

const LENGTH_MS = 3_600_000;
const fmt = (ms: number): string => `${ms.toFixed(0)} ms`;
const goal = (met: boolean): string => (met ? 'PASS' : 'FAIL');
const print = (line: string): boolean => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const data = await ensureData();
  const small = await ensureIsolated('g100k', { instances: 10, logDocuments: 100_000 });
  const wide = await ensureIsolated('i50', { instances: 50, logDocuments: 100_000 });
  const { elasticsearch } = await discoverEndpoints(config, ['elasticsearch']);
  if (!elasticsearch) throw new Error('no Elasticsearch');
  await noRequestCache(elasticsearch);
  const { root, catalog } = await benchRoot([SERVICE, small.service, wide.service]);
  const definition = definitionOf(catalog, SERVICE);
  config = loadConfig({ consulAddr: CONSUL_ADDR, color: false, root }, {});
  knownIssues = await loadKnownIssues(path.join(repoRoot, 'known-issues'));
  const cli = existsSync(path.join(repoRoot, 'dist/cli/main.js'));
  const load = os.loadavg().map((l) => l.toFixed(1));
  print(
    `data: ${data.nodes.length} instances, ${data.logs.toLocaleString('en-US')} log documents, ${data.points.toLocaleString('en-US')} metric points; 1 h windows ending after ${new Date(data.end).toISOString()}, a different end each run; request cache off`,
  );
  print(`machine: ${os.cpus().length} cores, load average ${load.join(' ')} (1, 5, 15 min), node ${process.version}`);
  try {
    // Warm-up: connections, JIT, the CLI's file cache and definition bundle.
    await ensureRegistered();
    const warm = await diagnose(config, { query: SERVICE, to: new Date(data.end + 1), lengthMs: LENGTH_MS, catalog });
    await rawQueries(SERVICE, new Date(data.end + 1), LENGTH_MS, definition);
    if (cli) cliRun(root, SERVICE, new Date(data.end + 1));
    // The floor: the CLI's own requests, recorded once and replayed with node:http alone.
    const replayPlan = cli ? await recordFloorPlan(root, new Date(data.end + 1)) : undefined;
    print(
      `diagnosis: ${warm.diagnosis.status}, suspect ${warm.diagnosis.suspects[0]?.node ?? 'none'}: ${warm.diagnosis.summary}`,
    );

    const libraryMs: number[] = [];
    const rawMs: number[] = [];
    const cliMs: number[] = [];
    const freshReplayMs: number[] = [];
    const warmReplayMs: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      await ensureRegistered();
      // Every run asks for windows of its own: library, raw, CLI and the two replays one second apart.
      const step = (k: number): number => (i * 5 + k) * 1_000;
      const to = (k: number): Date => new Date(data.end + 1 + step(k));
      let t = performance.now();
      await diagnose(config, { query: SERVICE, to: to(0), lengthMs: LENGTH_MS, catalog });
      libraryMs.push(performance.now() - t);
      t = performance.now();
      await rawQueries(SERVICE, to(1), LENGTH_MS, definition);
      rawMs.push(performance.now() - t);
      if (cli) cliMs.push(cliRun(root, SERVICE, to(2)));
      if (replayPlan) {
        freshReplayMs.push(replayInNewProcess(replayPlan.file, step(3)));
        warmReplayMs.push(await replayWarm(replayPlan.plan, step(4)));
      }
    }
    const l = median(libraryMs);
    const r = median(rawMs);
    const floor = nodeFloor(RUNS);
    print(`node -e 0 (median of ${RUNS}): ${fmt(floor)}`);
    if (cli) {
      const help = nodeRun([path.join(repoRoot, 'bin/calvin.js'), '--help'], RUNS, repoRoot);
      const ratio = `${(help / floor).toFixed(2)}× node -e 0`;
      print(`calvin --help (median of ${RUNS}): ${fmt(help)} = ${ratio}   goal ≤ 2×: ${goal(help <= 2 * floor)}`);
    }
    print(`raw narrowed queries (median of ${RUNS}): ${fmt(r)}   runs: ${rawMs.map(fmt).join(', ')}`);
    print(`diagnose, library (median of ${RUNS}): ${fmt(l)}   runs: ${libraryMs.map(fmt).join(', ')}`);
    print(`ratio library / raw: ${(l / r).toFixed(2)}×   goal ≤ 1.25×: ${goal(l / r <= 1.25)}`);
    if (cli) {
      const c = median(cliMs);
      print(`diagnose, CLI end to end (median of ${RUNS}): ${fmt(c)}   runs: ${cliMs.map(fmt).join(', ')}`);
      print(
        `ratio CLI / raw: ${(c / r).toFixed(2)}×   goal ≤ 1.5×: ${goal(c / r <= 1.5)};  goal ≤ 700 ms: ${goal(c <= 700)}`,
      );
      if (replayPlan) {
        const [fresh, warmReplay] = [median(freshReplayMs), median(warmReplayMs)];
        print(
          `floor: the CLI's ${replayPlan.plan.length} requests replayed with node:http alone (same waits, answers parsed; median of ${RUNS}): in a new process ${fmt(fresh)} = ${(fresh / r).toFixed(2)}× raw, in this warm process ${fmt(warmReplay)}   runs, new process: ${freshReplayMs.map(fmt).join(', ')}`,
        );
        print(`ratio CLI / new-process replay: ${(c / fresh).toFixed(2)}×   (context, no goal: calvin's own share)`);
      }
    } else print('CLI end to end: skipped, dist/ is not built (npm run build:ts)');
    // `--core`: the three ratios only, for quick checks while working; the growth and foreign lines are skipped.
    if (process.argv.includes('--core')) return;

    const smallMs = median(await timeLibrary(small.service, small.end, catalog));
    print(
      `growth 100 k → 1 M documents (10 instances, library): ${fmt(smallMs)} → ${fmt(l)} = ${(l / smallMs).toFixed(2)}×   goal ≤ 1.3×: ${goal(l / smallMs <= 1.3)}`,
    );
    const wideMs = median(await timeLibrary(wide.service, wide.end, catalog));
    print(
      `growth 10 → 50 instances (100 k documents, library): ${fmt(smallMs)} → ${fmt(wideMs)} = ${(wideMs / smallMs).toFixed(2)}×   (printed, no goal)`,
    );

    const { library: without, raw: rawWithout } = await timeLibraryAndRaw(data.end + 100_000, catalog, definition);
    process.stderr.write(`creating ${FOREIGN_APPS * FOREIGN_DAYS} foreign daily indices (deleted after the run)\n`);
    const created = foreignIndices(data.end);
    try {
      await createForeignIndices(elasticsearch, created);
      await diagnose(config, { query: SERVICE, to: new Date(data.end + 1), lengthMs: LENGTH_MS, catalog });
      const { library: withForeign, raw: rawWith } = await timeLibraryAndRaw(data.end + 200_000, catalog, definition);
      const [w, f] = [median(without), median(withForeign)];
      print(
        `${created.length} foreign daily indices (library, median of ${RUNS}): ${fmt(w)} without → ${fmt(f)} with = ${(f / w).toFixed(2)}×   goal ≤ 1.2×: ${goal(f / w <= 1.2)}   runs with: ${withForeign.map(fmt).join(', ')}`,
      );
      // Context, no goal: 600 more shards slow the cluster for every client, calvin's narrowing or not.
      const [rw, rf] = [median(rawWithout), median(rawWith)];
      print(
        `  the raw narrowed queries on the same cluster: ${fmt(rw)} without → ${fmt(rf)} with = ${(rf / rw).toFixed(2)}×   (context, no goal)`,
      );
      print(
        `machine at the end: load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')} (1, 5, 15 min)`,
      );
    } finally {
      const names = created.map((c) => c.index);
      for (let i = 0; i < names.length; i += 50) await esDeleteIndex(elasticsearch, names.slice(i, i + 50));
    }
  } finally {
    await rm(root, { recursive: true, force: true });
    await closeElasticClients();
    closeReplayAgent();
  }
}

/** Records one CLI diagnosis's HTTP requests and turns them into a replay plan (http-replay/floor.ts). */
async function recordFloorPlan(root: string, to: Date): ReturnType<typeof writePlan> {
  const file = path.join(root, 'cli-requests.json');
  cliRun(root, SERVICE, to, file);
  const plan = await writePlan(file, `http://${CONSUL_ADDR}`);
  // Once unmeasured in each kind of process, as the CLI's first run is.
  replayInNewProcess(plan.file, 0);
  await replayWarm(plan.plan, 0);
  return plan;
}

main().catch(async (error: unknown) => {
  process.stderr.write(`bench:diagnose failed: ${error instanceof Error ? error.message : String(error)}\n`);
  await closeElasticClients();
  process.exitCode = 1;
});
