/**
 * Scenario seeding for the local stack: Consul external nodes with their service and checks,
 * Telegraf-shaped metrics in InfluxDB, ECS logs in Elasticsearch. Seeding a scenario first removes
 * what its previous seeding wrote (its own nodes only), so seeding twice leaves the same data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../src/config.js';
import { deregisterNode, nodesWithMeta, registerExternal, type ExternalCheck } from '../../src/backends/consul.js';
import { discoverEndpoints } from '../../src/backends/discover.js';
import {
  esBulkIndex,
  esDeleteByQuery,
  esDeleteIndex,
  esEnsureIndex,
  esPutIndexSettings,
  esRefresh,
  type BulkDocument,
  type ElasticEndpoint,
} from '../../src/backends/elasticsearch.js';
import { createDatabase, influxQuery, writePoints, type InfluxEndpoint } from '../../src/backends/influx.js';
import { quoteIdent, quoteString } from '../../src/define/influxql.js';
import { CalvinError } from '../../src/errors.js';
import { DEFAULT_RATES, hostLogLines, indexName, LOG_INDEX_BODY, toDocument, type LogRates } from './logs.js';
import { baseSample, servicePoints, systemPoints } from './metrics.js';
import { HISTORY_MS, MINUTE, type HostContext, type ScenarioSpec } from './model.js';
import { withScenarioLock } from './lock.js';
import { randomFor } from './random.js';
import { BENCH_DEFAULTS, nodeNames, passingCheck, SCENARIOS } from './scenarios.js';

export { HOSTILE_NODE_PREFIXES, HOSTILE_SERVICE, HOSTILE_SUSPECT } from './hostile.js';
export { BENCH_DEFAULTS, SCENARIOS } from './scenarios.js';
export type { ScenarioSpec } from './model.js';

export const SCENARIO_NAMES = SCENARIOS.map((s) => s.name);
/** Scenarios `seed all` writes (the benchmark is seeded on its own). */
export const DEFAULT_SCENARIOS = SCENARIO_NAMES.filter((n) => n !== 'bench');

export interface SeedOptions {
  config: Config;
  /** End of the history (ms since epoch); defaults to Date.now(). */
  now?: number;
  /** Multiplies instances (3×N nodes) and per-host log volume (×N). Default 1. */
  scale?: number;
  /** Exact number of instances (overrides scale). */
  instances?: number;
  /** Approximate total log documents (overrides the chatter rate). */
  logDocuments?: number;
  /** Approximate total metric points (lines); raises the sampling rate above one per minute. */
  metricPoints?: number;
  /**
   * Seeds a private copy: service `<service>-<isolate>`, nodes `<prefix>-<isolate>-NN`, so a test can
   * reseed without disturbing others who read the shared scenario at the same time.
   */
  isolate?: string;
  /** Progress lines (stderr in the CLI). */
  onProgress?: (message: string) => void;
}

export interface SeedResult {
  scenario: string;
  service: string;
  nodes: string[];
  suspect: string | undefined;
  metricPoints: number;
  logDocuments: number;
  intervalMs: number;
  durationMs: number;
  phases: Record<string, number>;
}

const STATE_DIR = path.join(
  process.env.CALVIN_STACK_DIR
    ? path.resolve(process.env.CALVIN_STACK_DIR)
    : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '.stack'),
  'run',
  'seeded',
);
const LINES_PER_TICK = 8;
/** Seeding runs on busy CI machines: generous per-call timeouts. */
const SLOW = { timeoutMs: 120_000 };
const SCENARIO_META = 'calvin-scenario';

export function scenarioByName(name: string): ScenarioSpec {
  const spec = SCENARIOS.find((s) => s.name === name);
  if (!spec)
    throw new CalvinError(
      'BAD_ARGUMENT',
      `unknown scenario "${name}"`,
      `use one of: ${SCENARIO_NAMES.join(', ')}, all`,
    );
  return spec;
}

function previousNodes(scenario: string): string[] {
  try {
    const state = JSON.parse(fs.readFileSync(path.join(STATE_DIR, `${scenario}.json`), 'utf8')) as { nodes?: string[] };
    return state.nodes ?? [];
  } catch {
    return [];
  }
}

function rememberNodes(scenario: string, nodes: string[], result: Omit<SeedResult, 'durationMs' | 'phases'>): void {
  fs.mkdirSync(STATE_DIR, { recursive: true });
  const file = path.join(STATE_DIR, `${scenario}.json`);
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify({ ...result, nodes, seededAt: new Date().toISOString() }, null, 2)}\n`);
  fs.renameSync(temp, file);
}

function hostContext(
  spec: ScenarioSpec,
  node: string,
  index: number,
  instances: number,
  now: number,
  stream: string,
): HostContext {
  return {
    node,
    index,
    instances,
    now,
    onset: now - spec.onsetMinutesAgo * MINUTE,
    random: randomFor(`${spec.name}/${index}/${stream}`),
  };
}

async function endpoints(config: Config): Promise<{ influx: InfluxEndpoint; elasticsearch: ElasticEndpoint }> {
  const found = await discoverEndpoints(config, ['influx', 'elasticsearch']);
  if (!found.influx || !found.elasticsearch) {
    throw new CalvinError(
      'BACKEND_UNREACHABLE',
      'InfluxDB or Elasticsearch is not registered in Consul (services metrics/http, documents/http)',
      'run `npm run stack -- up` first',
    );
  }
  return { influx: found.influx, elasticsearch: found.elasticsearch };
}

/** Removes everything a previous seeding of this scenario wrote: nodes, series, log documents. */
async function clean(
  config: Config,
  spec: ScenarioSpec,
  stateKey: string,
  nodes: string[],
  influx: InfluxEndpoint,
  elasticsearch: ElasticEndpoint,
): Promise<void> {
  const registered = await nodesWithMeta(config, SCENARIO_META, stateKey, SLOW);
  const all = [...new Set([...nodes, ...registered, ...previousNodes(stateKey)])];
  await Promise.all(registered.map((node) => deregisterNode(config, node, SLOW)));
  const where = all.map((n) => `${quoteIdent('host')} = ${quoteString(n)}`).join(' OR ');
  for (const db of [config.databases.system, config.databases.services]) {
    await createDatabase(influx, db, SLOW);
    await influxQuery(influx, db, `DROP SERIES WHERE ${where}`, { timeoutMs: 120_000 });
  }
  if (spec.indexArea) await esDeleteIndex(elasticsearch, `logs-${spec.indexArea}-*`, SLOW);
  else await esDeleteByQuery(elasticsearch, 'logs-*', { terms: { 'host.name': all } }, { timeoutMs: 300_000 });
}

/** The daily indices a scenario writes between two instants (UTC days). */
function dailyIndices(spec: ScenarioSpec, from: number, to: number): string[] {
  const out = new Set<string>();
  for (let d = from - (from % 86_400_000); d <= to; d += 86_400_000) {
    out.add(indexName(spec, 'syslog', Math.max(d, from)));
    out.add(indexName(spec, 'app', Math.max(d, from)));
  }
  return [...out];
}

function serviceId(spec: ScenarioSpec, node: string): string {
  return `${spec.serviceIdPrefix}${node}`;
}

/**
 * The node-level check of a seeded node. Not `serfHealth`: Consul's leader reaps every catalog node
 * whose serfHealth check names a node that is not a serf member (reconcileReaped, about once a
 * minute), so seeded nodes would vanish mid-test. consul-esm names the check of external nodes so.
 */
export const NODE_CHECK_ID = 'externalNodeHealth';

function registrationChecks(spec: ScenarioSpec, ctx: HostContext): ExternalCheck[] {
  const id = serviceId(spec, ctx.node);
  const state = spec.check?.(ctx) ?? passingCheck(spec.checkUrl(ctx.node));
  return [
    { checkId: NODE_CHECK_ID, name: 'External Node Health', status: 'passing', output: 'Node alive and reachable' },
    { checkId: `service:${id}`, name: spec.checkName, status: state.status, output: state.output, serviceId: id },
  ];
}

/**
 * A private copy of a scenario: its own service, nodes and log indices. Its logs carry the same
 * service.name as the shared scenario's, so in the shared indices a diagnosis of the shared one
 * would see the copy's nodes as instances that logged for the service and vanished.
 */
function isolatedSpec(base: ScenarioSpec, isolate: string): ScenarioSpec {
  return {
    ...base,
    service: `${base.service}-${isolate}`,
    nodePrefix: `${base.nodePrefix}-${isolate}`,
    indexArea: base.indexArea ? `${base.indexArea}-${isolate}` : `isolated-${isolate}`,
  };
}

/** Removes a seeded scenario (or an isolated copy) entirely: nodes, series, log documents. */
export async function removeScenario(name: string, options: { config: Config; isolate?: string }): Promise<void> {
  const base = scenarioByName(name);
  const stateKey = options.isolate ? `${base.name}@${options.isolate}` : base.name;
  const spec = options.isolate ? isolatedSpec(base, options.isolate) : base;
  await withScenarioLock(STATE_DIR, stateKey, async () => {
    const { influx, elasticsearch } = await endpoints(options.config);
    await clean(options.config, spec, stateKey, [], influx, elasticsearch);
    fs.rmSync(path.join(STATE_DIR, `${stateKey}.json`), { force: true });
  });
}

/**
 * Writes one scenario (after removing its previous data) and returns what it wrote. Concurrent
 * seedings of the same scenario (parallel test runs) wait for each other.
 */
export async function seedScenario(name: string, options: SeedOptions): Promise<SeedResult> {
  const key = options.isolate ? `${name}@${options.isolate}` : name;
  return withScenarioLock(STATE_DIR, key, () => seedUnlocked(name, options));
}

async function seedUnlocked(name: string, options: SeedOptions): Promise<SeedResult> {
  const t0 = Date.now();
  const phases: Record<string, number> = {};
  const phase = (label: string, since: number) => {
    phases[label] = Date.now() - since;
  };
  const base = scenarioByName(name);
  const isolate = options.isolate;
  if (isolate !== undefined && !/^[a-z0-9-]{1,40}$/.test(isolate))
    throw new CalvinError(
      'BAD_ARGUMENT',
      `isolate "${isolate}" must be 1-40 lowercase letters, digits or dashes`,
      'e.g. isolate: "stack-test"',
    );
  const spec = isolate ? isolatedSpec(base, isolate) : base;
  const stateKey = isolate ? `${base.name}@${isolate}` : base.name;
  const config = options.config;
  const now = options.now ?? Date.now();
  const scale = Math.max(1, Math.floor(options.scale ?? 1));
  const bench = spec.name === 'bench';
  const instances = Math.max(1, Math.floor(options.instances ?? (bench ? BENCH_DEFAULTS.instances : 3 * scale)));
  const logDocuments = options.logDocuments ?? (bench ? BENCH_DEFAULTS.logDocuments : undefined);
  const metricPoints = options.metricPoints ?? (bench ? BENCH_DEFAULTS.metricPoints : undefined);
  const nodes = nodeNames(spec, instances, isolate);
  const progress = options.onProgress ?? (() => undefined);

  const linesPerTick = LINES_PER_TICK + (spec.java || spec.rabbit ? 2 : 0);
  const intervalMs = metricPoints
    ? Math.max(1_000, Math.floor((HISTORY_MS * instances * linesPerTick) / metricPoints / 1_000) * 1_000)
    : MINUTE;
  const chatterPerMinute = DEFAULT_RATES.appPerMinute + DEFAULT_RATES.syslogPerMinute;
  const rates: LogRates = logDocuments
    ? {
        ...DEFAULT_RATES,
        appPerMinute: (logDocuments / instances / (HISTORY_MS / MINUTE)) * 0.6,
        syslogPerMinute: (logDocuments / instances / (HISTORY_MS / MINUTE)) * 0.4,
      }
    : {
        ...DEFAULT_RATES,
        appPerMinute: DEFAULT_RATES.appPerMinute * scale,
        syslogPerMinute: chatterPerMinute * scale - DEFAULT_RATES.appPerMinute * scale,
      };

  let t = Date.now();
  const { influx, elasticsearch } = await endpoints(config);
  progress(`${spec.name}: removing previous data of ${spec.service}`);
  await clean(config, spec, stateKey, nodes, influx, elasticsearch);
  phase('clean', t);

  // Metrics: one tick every intervalMs over the history, per host; generated lazily (the benchmark
  // writes over a million points), once per database with identical random streams.
  t = Date.now();
  const timelines = nodes.map((node, index) => {
    const ctx = hostContext(spec, node, index, instances, now, 'metrics');
    return { ctx, restarts: spec.restarts?.(ctx) ?? [] };
  });
  function* points(kind: 'system' | 'services') {
    for (const [index, node] of nodes.entries()) {
      const ctx = hostContext(spec, node, index, instances, now, 'metrics');
      const restarts = timelines[index]?.restarts ?? [];
      const first = now - Math.floor(HISTORY_MS / intervalMs) * intervalMs;
      for (let tick = first; tick <= now; tick += intervalMs) {
        const sample = baseSample(ctx, tick, restarts);
        spec.shape?.(ctx, tick, sample);
        if (sample.down) continue;
        yield* kind === 'system' ? systemPoints(spec, ctx, tick, sample) : servicePoints(spec, ctx, tick, sample);
      }
    }
  }
  const big = (metricPoints ?? 0) > 50_000;
  progress(`${spec.name}: writing metrics of ${instances} hosts every ${intervalMs / 1000} s`);
  const writeOptions = { batchSize: 5_000, concurrency: big ? 3 : 2, timeoutMs: 120_000 };
  const [systemWritten, serviceWritten] = await Promise.all([
    writePoints(influx, config.databases.system, points('system'), writeOptions),
    writePoints(influx, config.databases.services, points('services'), writeOptions),
  ]);
  phase('metrics', t);

  // Logs: chatter + incident per host into the daily indices, also generated lazily.
  t = Date.now();
  function* documents(): Generator<BulkDocument> {
    for (const [index, node] of nodes.entries()) {
      const ctx = hostContext(spec, node, index, instances, now, 'logs');
      const timeline = timelines[index];
      const pidAt = (time: number) => (timeline ? baseSample(timeline.ctx, time, timeline.restarts).pid : 0);
      for (const line of hostLogLines(spec, ctx, rates)) yield toDocument(spec, node, line, pidAt);
    }
  }
  const indices = dailyIndices(spec, now - HISTORY_MS, now);
  const heavy = (logDocuments ?? 0) > 100_000;
  for (const index of indices) await esEnsureIndex(elasticsearch, index, LOG_INDEX_BODY, SLOW);
  if (heavy) await esPutIndexSettings(elasticsearch, indices, { refresh_interval: '-1' }, SLOW);
  progress(`${spec.name}: indexing log documents into ${indices.join(', ')}`);
  let indexed: number;
  try {
    indexed = await esBulkIndex(elasticsearch, documents(), {
      batchSize: heavy ? 10_000 : 5_000,
      concurrency: heavy ? 3 : 2,
      refresh: false,
      timeoutMs: 300_000,
    });
  } finally {
    if (heavy) await esPutIndexSettings(elasticsearch, indices, { refresh_interval: '1s' }, SLOW);
  }
  await esRefresh(elasticsearch, indices, { timeoutMs: 300_000 });
  progress(`${spec.name}: wrote ${systemWritten + serviceWritten} metric points and ${indexed} log documents`);
  phase('logs', t);

  // Consul last: once the nodes are visible, their data is there.
  t = Date.now();
  await Promise.all(
    nodes.map((node, index) => {
      const ctx = hostContext(spec, node, index, instances, now, 'consul');
      return registerExternal(
        config,
        {
          node,
          address: `10.${spec.subnet}.${Math.floor(index / 200)}.${10 + (index % 200)}`,
          nodeMeta: { [SCENARIO_META]: stateKey, environment: 'test' },
          service: { id: serviceId(spec, node), name: spec.service, tags: spec.tags, port: spec.port },
          checks: registrationChecks(spec, ctx),
        },
        SLOW,
      );
    }),
  );
  phase('consul', t);

  const incidentIndex = spec.incidentIndex;
  const suspect = typeof incidentIndex === 'number' ? nodes[incidentIndex] : undefined;
  const result = {
    scenario: spec.name,
    service: spec.service,
    nodes,
    suspect,
    metricPoints: systemWritten + serviceWritten,
    logDocuments: indexed,
    intervalMs,
  };
  rememberNodes(stateKey, nodes, result);
  return { ...result, durationMs: Date.now() - t0, phases };
}
