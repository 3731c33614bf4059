/**
 * `npm run bench:diagnose`: diagnose wall time on 10 instances with 1,000,000 log documents and
 * over 1,000,000 metric points, against the raw backend queries it needs issued directly (same
 * queries, straight through src/backends, in parallel). Goals: ≤ 1.5 s warm, ≤ 1.25× the raw time.
 * Seeds the `bench` scenario once; later runs reuse the data (pass --reseed to rewrite it).
 */
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.js';
import { listServices, localDatacenter, serviceInstances } from '../src/backends/consul.js';
import { discoverEndpoints } from '../src/backends/discover.js';
import { closeElasticClients, esCount, esMultiSearch, esSearch } from '../src/backends/elasticsearch.js';
import { esFieldCaps } from '../src/backends/es-field-caps.js';
import { influxQuery, showMeasurements } from '../src/backends/influx.js';
import { exactMatchPattern, quoteIdent, quoteRegex } from '../src/define/influxql.js';
import { diagnose } from '../src/diagnose/run.js';
import { fieldGroupsFromCaps } from '../src/diagnose/parse.js';
import { LOG_FIELD_CANDIDATES, logSearchBody, planWindows, signalQueries } from '../src/diagnose/queries.js';
import { watchedSignals } from '../src/diagnose/signals.js';
import { seedScenario, BENCH_DEFAULTS } from '../scripts/seed/index.js';

const SERVICE = 'bench-artefacts';
const RUNS = 5;
const config = loadConfig({ consulAddr: process.env.CALVIN_STACK_CONSUL_ADDR ?? '127.0.0.1:18500', color: false }, {});

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
  const last = await esSearch(elasticsearch, 'logs-*', { size: 0, query, aggs: { end: { max: { field: '@timestamp' } } } }, { timeoutMs: 30_000 });
  const end = (last.aggregations?.end as { value?: number } | undefined)?.value ?? 0;
  const hostFilter = `"host" =~ ${quoteRegex(exactMatchPattern(nodes))}`;
  // Points = lines: count(*) gives one count per field, the largest is the number of lines.
  let points = 0;
  for (const database of [config.databases.system, config.databases.services]) {
    const measurements = await showMeasurements(influx, database, { timeoutMs: 30_000 }).catch(() => [] as string[]);
    for (const measurement of measurements) {
      const series = await influxQuery(influx, database, `SELECT count(*) FROM ${quoteIdent(measurement)} WHERE ${hostFilter}`, { timeoutMs: 60_000 });
      for (const s of series) for (const row of s.values) points += Math.max(0, ...row.slice(1).map((v) => (typeof v === 'number' ? v : 0)));
    }
  }
  return { logs, points, end };
}

async function ensureData(): Promise<{ end: number; nodes: string[]; logs: number; points: number }> {
  let nodes = await benchNodes();
  let data = process.argv.includes('--reseed') ? null : await existingData(nodes);
  if (!data || data.logs < BENCH_DEFAULTS.logDocuments * 0.99) {
    process.stderr.write(`seeding the bench scenario: ${BENCH_DEFAULTS.instances} instances, ${BENCH_DEFAULTS.logDocuments.toLocaleString('en-US')} log documents, ≥ ${BENCH_DEFAULTS.metricPoints.toLocaleString('en-US')} metric points (takes minutes)\n`);
    const seeded = await seedScenario('bench', { config, onProgress: (m) => process.stderr.write(`  ${m}\n`) });
    process.stderr.write(`  seeded ${seeded.logDocuments.toLocaleString('en-US')} documents and ${seeded.metricPoints.toLocaleString('en-US')} metric lines in ${(seeded.durationMs / 1000).toFixed(1)} s\n`);
    nodes = await benchNodes();
    data = await existingData(nodes);
    if (!data) throw new Error('the bench data is missing after seeding');
  } else {
    process.stderr.write('bench data already seeded: reusing it (--reseed rewrites it)\n');
  }
  return { ...data, nodes };
}

/** The same requests diagnose sends, issued directly through the backends, in the same order and parallelism. */
async function rawQueries(to: Date, lengthMs: number): Promise<void> {
  const [, services] = await Promise.all([localDatacenter(config), listServices(config)]);
  if (!(SERVICE in services)) throw new Error(`${SERVICE} is not registered`);
  const instances = await serviceInstances(config, SERVICE);
  const nodes = [...new Set(instances.map((i) => i.node))];
  const { influx, elasticsearch } = await discoverEndpoints(config, ['influx', 'elasticsearch']);
  if (!influx || !elasticsearch) throw new Error('no backends');
  const windows = planWindows(to, lengthMs);
  const queries = signalQueries(watchedSignals(undefined, config.databases.system), nodes, windows);
  await Promise.all([
    Promise.all(queries.map((q) => influxQuery(influx, q.database, q.text, { timeoutMs: 10_000 }))),
    (async () => {
      const candidates = Object.values(LOG_FIELD_CANDIDATES).flatMap((f) => [f, `${f}.keyword`]);
      const groups = fieldGroupsFromCaps(await esFieldCaps(elasticsearch, 'logs-*', candidates, { timeoutMs: 10_000 }), LOG_FIELD_CANDIDATES);
      const only = groups.length === 1 ? groups[0] : undefined;
      if (only) await esSearch(elasticsearch, 'logs-*', logSearchBody(nodes, windows, only.fields, undefined), { timeoutMs: 10_000 });
      else await esMultiSearch(elasticsearch, groups.map((g) => ({ index: g.indices ?? ['logs-*'], body: logSearchBody(nodes, windows, g.fields, undefined) })), { timeoutMs: 10_000 });
    })(),
  ]);
}

async function main(): Promise<void> {
  const data = await ensureData();
  const to = new Date(data.end + 1);
  const lengthMs = 3_600_000;
  process.stdout.write(`data: ${data.nodes.length} instances, ${data.logs.toLocaleString('en-US')} log documents, ${data.points.toLocaleString('en-US')} metric points; window 1 h ending ${to.toISOString()}\n`);

  // Warm-up: connections, JIT, Elasticsearch and InfluxDB caches.
  const warm = await diagnose(config, { query: SERVICE, to, lengthMs });
  await rawQueries(to, lengthMs);
  process.stdout.write(`diagnosis: ${warm.diagnosis.status}, suspect ${warm.diagnosis.suspects[0]?.node ?? 'none'}: ${warm.diagnosis.summary}\n`);

  const diagnoseMs: number[] = [];
  const rawMs: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    let t = performance.now();
    await diagnose(config, { query: SERVICE, to, lengthMs });
    diagnoseMs.push(performance.now() - t);
    t = performance.now();
    await rawQueries(to, lengthMs);
    rawMs.push(performance.now() - t);
  }
  const d = median(diagnoseMs);
  const r = median(rawMs);
  const fmt = (ms: number): string => `${ms.toFixed(0)} ms`;
  process.stdout.write(`diagnose (median of ${RUNS}, warm): ${fmt(d)}   runs: ${diagnoseMs.map(fmt).join(', ')}   goal ≤ 1500 ms: ${d <= 1500 ? 'met' : 'MISSED'}\n`);
  process.stdout.write(`raw backend queries (median of ${RUNS}): ${fmt(r)}   runs: ${rawMs.map(fmt).join(', ')}\n`);
  process.stdout.write(`ratio diagnose / raw: ${(d / r).toFixed(2)}×   goal ≤ 1.25×: ${d / r <= 1.25 ? 'met' : 'MISSED'}\n`);
  await closeElasticClients();
}

main().catch(async (error: unknown) => {
  process.stderr.write(`bench:diagnose failed: ${error instanceof Error ? error.message : String(error)}\n`);
  await closeElasticClients();
  process.exitCode = 1;
});
