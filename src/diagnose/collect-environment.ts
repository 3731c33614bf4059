/**
 * Everything `calvin status` needs from the backends for a whole environment, batched: every service's
 * instances and checks from Consul (in parallel), one InfluxQL query per host signal and part (window,
 * baseline) across every host, and one Elasticsearch multi-search (one search per index mapping group)
 * across every host. Time-boxed like a diagnosis: a late source is `unavailable`, the rest comes back.
 */
import { CalvinError } from '../errors.js';
import { isErrorAnswer } from './agg-read.js';
import type { CallOptions, DiagnoseBackends, InstanceInfo } from './backend-types.js';
import type { CollectedLogs, SignalSeries } from './collected.js';
import { collectMetrics } from './collect-metrics.js';
import { fieldGroupsFromCaps, logsFromSearch, mergeLogs, type IndexGroup } from './parse.js';
import { errorSampleBody, LOG_FIELD_CANDIDATES, logSearchBody, planWindows, type Windows } from './queries.js';
import { hostSignals } from './signals.js';
import { messageOf, sourcesOf, statusOf, type SourceResult } from './source-result.js';
import type { SourceStatus } from './types.js';

export interface EnvironmentRequest {
  to: Date;
  lengthMs: number;
  deadlineAt: number;
  now: () => number;
  systemDatabase: string;
  /** Index pattern searched for logs. */
  logIndex: string;
}

export interface CollectedEnvironment {
  environment: string;
  windows: Windows;
  services: { service: string; instances: InstanceInfo[] }[];
  metrics: SignalSeries[];
  logs: CollectedLogs;
  sources: { consul: SourceStatus; influx: SourceStatus; elasticsearch: SourceStatus };
  sourceErrors: { influx?: string; elasticsearch?: string };
}

const MARGIN_MS = 250;

export async function collectEnvironment(
  backends: DiagnoseBackends,
  req: EnvironmentRequest,
): Promise<CollectedEnvironment> {
  const remaining = (): number => Math.max(1, req.deadlineAt - req.now() - MARGIN_MS);
  const abort = new AbortController();
  const call = (): CallOptions => ({ timeoutMs: remaining(), signal: abort.signal });
  const consul = async <T>(work: Promise<T>): Promise<T> =>
    work.catch((error: unknown) => {
      throw new CalvinError(
        'CONSUL_UNREACHABLE',
        `Consul is unreachable (${messageOf(error)})`,
        'set CONSUL_HTTP_ADDR to a reachable Consul agent, e.g. CONSUL_HTTP_ADDR=127.0.0.1:8500',
      );
    });
  const [environment, names, endpoints] = await Promise.all([
    consul(backends.datacenter(call())),
    consul(backends.listServices(call())),
    backends.endpoints(call()).catch(() => ({}) as Awaited<ReturnType<DiagnoseBackends['endpoints']>>),
  ]);
  // Field caps needs no node: asked while Consul lists the instances.
  const caps = endpoints.elasticsearch
    ? fieldCaps(backends, endpoints.elasticsearch, req.logIndex, call())
    : Promise.resolve(null);
  const services = await consul(
    Promise.all(
      names.map(async (service) => ({ service, instances: await backends.serviceInstances(service, call()) })),
    ),
  );
  const nodes = [...new Set(services.flatMap((s) => s.instances.map((i) => i.node)))].sort();
  const windows = planWindows(req.to, req.lengthMs);
  const empty: CollectedLogs = { hosts: [], windowErrors: [], baselineErrors: [] };
  const unavailable = <T>(value: T, error: string): SourceResult<T> => ({ status: 'unavailable', error, value });
  const deadline = new Promise<'timeout'>((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), remaining());
    timer.unref?.();
    abort.signal.addEventListener('abort', () => clearTimeout(timer));
  });
  const late = 'no answer before the deadline';
  const [metrics, logs] = await Promise.all([
    Promise.race([
      endpoints.influx && nodes.length > 0
        ? collectMetrics(backends, endpoints.influx, hostSignals(req.systemDatabase), nodes, windows, call)
        : Promise.resolve(unavailable<SignalSeries[]>([], endpoints.influx ? 'no instances' : 'no InfluxDB found')),
      deadline.then(() => unavailable<SignalSeries[]>([], late)),
    ]),
    Promise.race([
      endpoints.elasticsearch && nodes.length > 0
        ? environmentLogs(backends, endpoints.elasticsearch, req.logIndex, caps, nodes, windows, call)
        : Promise.resolve(unavailable(empty, endpoints.elasticsearch ? 'no instances' : 'no Elasticsearch found')),
      deadline.then(() => unavailable(empty, late)),
    ]),
  ]);
  abort.abort();
  return {
    environment,
    windows,
    services,
    metrics: metrics.value,
    logs: logs.value,
    ...sourcesOf(metrics, logs),
  };
}

type ElasticEndpoint = NonNullable<Awaited<ReturnType<DiagnoseBackends['endpoints']>>['elasticsearch']>;

/** The index groups of the pattern; a failure is kept for the log search to report. */
function fieldCaps(
  backends: DiagnoseBackends,
  endpoint: ElasticEndpoint,
  index: string,
  options: CallOptions,
): Promise<IndexGroup[] | { failed: unknown }> {
  const candidates = Object.values(LOG_FIELD_CANDIDATES).flatMap((f) => [f, `${f}.keyword`]);
  return backends.esFieldCaps(endpoint, index, candidates, options).then(
    (caps) => fieldGroupsFromCaps(caps, LOG_FIELD_CANDIDATES),
    (failed: unknown) => ({ failed }),
  );
}

async function environmentLogs(
  backends: DiagnoseBackends,
  endpoint: ElasticEndpoint,
  index: string,
  caps: Promise<IndexGroup[] | { failed: unknown } | null>,
  nodes: string[],
  windows: Windows,
  call: () => CallOptions,
): Promise<SourceResult<CollectedLogs>> {
  try {
    const groups = await caps;
    if (groups === null) throw new CalvinError('BACKEND_ERROR', 'no Elasticsearch found', 'run with --debug');
    if ('failed' in groups) throw groups.failed;
    // Per index group, the main search and the error sample, all in one multi-search.
    const searches = groups.flatMap((g) => [
      { index: g.indices ?? [index], body: logSearchBody(nodes, windows, g.fields, undefined) },
      { index: g.indices ?? [index], body: errorSampleBody(nodes, windows, g.fields, undefined) },
    ]);
    const responses = await backends.esMultiSearch(endpoint, searches, call());
    const failed = responses.find(isErrorAnswer);
    if (failed) throw new CalvinError('BACKEND_ERROR', 'Elasticsearch failed a search', 'run with --debug');
    const nodeSet = new Set(nodes);
    const {
      complete: _complete,
      errorLines: _lines,
      ...logs
    } = mergeLogs(groups.map((g, i) => logsFromSearch(responses[2 * i], responses[2 * i + 1], g.fields, nodeSet)));
    return { status: 'ok', value: logs };
  } catch (error) {
    return {
      status: statusOf(error),
      error: messageOf(error),
      value: { hosts: [], windowErrors: [], baselineErrors: [] },
    };
  }
}
