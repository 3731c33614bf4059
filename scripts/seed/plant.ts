/**
 * Writes generated incidents onto the local stack, many at once: Telegraf-shaped host metrics, ECS log
 * documents in one index per log mapping (dynamic keyword+text, and calvin's own text-only template),
 * Consul nodes last. `removeIncidents` takes away exactly what `plantIncidents` wrote.
 */
import { Point } from '@influxdata/influxdb-client';
import type { Config } from '../../src/config.js';
import { deregisterNode, registerExternal } from '../../src/backends/consul.js';
import { discoverEndpoints } from '../../src/backends/discover.js';
import {
  esBulkIndex,
  esDeleteIndex,
  esEnsureIndex,
  esRefresh,
  type BulkDocument,
  type ElasticEndpoint,
} from '../../src/backends/elasticsearch.js';
import { influxQuery, writePoints, type InfluxEndpoint } from '../../src/backends/influx.js';
import { quoteIdent } from '../../src/define/influxql.js';
import { CalvinError } from '../../src/errors.js';
import { calvinLogsBody } from './calvin-template.js';
import { chatter, WINDOW_MS, type Incident, type LogMapping, type PlantedHost } from './incidents.js';
import { baseSample } from './metrics.js';
import { NODE_CHECK_ID } from './index.js';
import { randomFor } from './random.js';

const SLOW = { timeoutMs: 120_000 };
/** Points every 30 s in the window (its buckets), every 2 min in the baseline. */
const WINDOW_STEP = 30_000;
const BASELINE_STEP = 120_000;

export interface Planted {
  token: string;
  indices: Record<LogMapping, string>;
  nodes: string[];
}

async function endpoints(config: Config): Promise<{ influx: InfluxEndpoint; elasticsearch: ElasticEndpoint }> {
  const found = await discoverEndpoints(config, ['influx', 'elasticsearch']);
  if (!found.influx || !found.elasticsearch)
    throw new CalvinError(
      'BACKEND_UNREACHABLE',
      'InfluxDB or Elasticsearch not found in Consul',
      'run `npm run stack`',
    );
  return { influx: found.influx, elasticsearch: found.elasticsearch };
}

/** The index of a run's documents of one mapping: no day in the name, so every diagnosis searches it. */
export function incidentIndex(token: string, mapping: LogMapping): string {
  return `logs-quality-${token}-${mapping}`;
}

function* hostPoints(host: PlantedHost, now: number, seed: string): Generator<Point> {
  const ctx = { node: host.node, index: 0, instances: 1, now, onset: now, random: randomFor(`${seed}/${host.node}`) };
  const windowStart = now - WINDOW_MS;
  for (let t = host.from - (host.from % BASELINE_STEP); t <= host.to; ) {
    if (t >= host.from) {
      const s = baseSample(ctx, t, [host.from]);
      host.bend?.(t, s);
      const p = (m: string) => new Point(m).tag('host', host.node).tag('environment', 'test').timestamp(t);
      yield p('cpu')
        .tag('cpu', 'cpu-total')
        .floatField('usage_idle', Math.max(0, 100 - s.cpuBusy - s.iowait))
        .floatField('usage_iowait', s.iowait);
      yield p('mem').floatField('used_percent', s.memUsedPercent);
      yield p('disk').tag('path', '/').floatField('used_percent', s.diskRootPercent);
      yield p('disk').tag('path', '/srv/data').floatField('used_percent', s.diskDataPercent);
      yield p('system').floatField('load1', s.load1).intField('uptime', s.uptime);
    }
    t += t >= windowStart ? WINDOW_STEP : BASELINE_STEP;
  }
}

function* incidentDocuments(incidents: Incident[], token: string, seed: string): Generator<BulkDocument> {
  for (const incident of incidents) {
    const index = incidentIndex(token, incident.mapping);
    for (const host of incident.hosts) {
      for (const line of [...chatter(host, seed), ...host.lines]) {
        if (line.time < host.from || line.time > host.to) continue;
        yield {
          index,
          doc: {
            '@timestamp': new Date(line.time).toISOString(),
            message: line.message,
            host: { name: host.node },
            service: { name: host.service },
            process: { name: host.process, pid: host.pidAt(line.time) },
            log: { level: line.level },
          },
        };
      }
    }
  }
}

/** Creates the run's two indices: dynamic mapping (message text + keyword) and calvin's template. */
export async function prepareIndices(config: Config, token: string): Promise<Record<LogMapping, string>> {
  const { elasticsearch } = await endpoints(config);
  const indices = { keyword: incidentIndex(token, 'keyword'), text: incidentIndex(token, 'text') };
  await esEnsureIndex(elasticsearch, indices.keyword, { settings: { number_of_shards: 1, number_of_replicas: 0 } });
  const body = (await calvinLogsBody(config.root)) as Parameters<typeof esEnsureIndex>[2];
  await esEnsureIndex(elasticsearch, indices.text, {
    ...body,
    settings: { number_of_shards: 1, number_of_replicas: 0 },
  });
  return indices;
}

/** Writes every incident of a batch: metrics, logs, then Consul (once nodes are visible, their data is there). */
/** What planting these incidents writes (known before writing, so a failed planting can be removed too). */
export function plannedFor(incidents: Incident[], token: string): Planted {
  const nodes = incidents.flatMap((i) => i.hosts.filter((h) => h.registered).map((h) => h.node));
  return { token, indices: { keyword: incidentIndex(token, 'keyword'), text: incidentIndex(token, 'text') }, nodes };
}

export async function plantIncidents(
  config: Config,
  incidents: Incident[],
  options: { token: string; seed: string; now: number },
): Promise<void> {
  const { influx, elasticsearch } = await endpoints(config);
  const { token, seed, now } = options;
  const indices = await prepareIndices(config, token);
  const hosts = incidents.flatMap((i) => i.hosts);
  function* points(): Generator<Point> {
    for (const host of hosts) yield* hostPoints(host, now, seed);
  }
  await writePoints(influx, config.databases.system, points(), {
    batchSize: 5_000,
    concurrency: 2,
    timeoutMs: 120_000,
  });
  await esBulkIndex(elasticsearch, incidentDocuments(incidents, token, seed), { batchSize: 5_000, ...SLOW });
  await esRefresh(elasticsearch, Object.values(indices), SLOW);
  const registered = hosts.filter((h) => h.registered);
  for (let i = 0; i < registered.length; i += 25) {
    await Promise.all(
      registered.slice(i, i + 25).map((h) =>
        registerExternal(
          config,
          {
            node: h.node,
            address: h.address,
            nodeMeta: { 'calvin-quality': token },
            service: {
              id: h.serviceId,
              name: h.service,
              tags: ['http'],
              port: h.port,
              ...(h.version ? { meta: { version: h.version } } : {}),
            },
            checks: [
              { checkId: NODE_CHECK_ID, name: 'External Node Health', status: 'passing', output: 'Node alive' },
              { checkId: `service:${h.serviceId}`, name: 'HTTP health', ...h.check, serviceId: h.serviceId },
            ],
          },
          SLOW,
        ),
      ),
    );
  }
}

/** Removes a batch's Consul nodes; with `everything`, also the run's series and indices. */
export async function removeIncidents(config: Config, planted: Planted, everything: boolean): Promise<void> {
  for (let i = 0; i < planted.nodes.length; i += 25)
    await Promise.all(planted.nodes.slice(i, i + 25).map((n) => deregisterNode(config, n, SLOW)));
  if (!everything) return;
  const { influx, elasticsearch } = await endpoints(config);
  const token = planted.token.replace(/[^a-z0-9]/g, '');
  await influxQuery(influx, config.databases.system, `DROP SERIES WHERE ${quoteIdent('host')} =~ /${token}/`, SLOW);
  for (const index of Object.values(planted.indices)) await esDeleteIndex(elasticsearch, index, SLOW);
}
