import type { Catalog, ServiceDef } from '../define/types.js';
import { CalvinError, isCalvinError } from '../errors.js';
import type { Collected, KnownIssue, AlertRunbook, SignalSeries, CollectedLogs, MetricInputs } from './collected.js';
import { collectLogs } from './collect-logs.js';
import { planWindows } from './queries.js';
import { resolveByName, resolveByServiceId, unknownServiceError, type ServiceMatch } from './resolve.js';
import { watchedSignals } from './signals.js';
import { collectMetrics } from './collect-metrics.js';
import { collectDeploys } from './collect-deploys.js';
import { collectHistory } from './collect-history.js';
import { withMetricVersions, withVersion } from './versions.js';
import { collectDependencies } from './collect-dependencies.js';
import { messageOf, sourcesOf, type SourceResult } from './source-result.js';

export type { CallOptions, DiagnoseBackends, InstanceInfo } from './backend-types.js';
import type { CallOptions, DiagnoseBackends, InstanceInfo } from './backend-types.js';

export interface CollectRequest {
  query: string;
  /** End of the window. */
  to: Date;
  /** Length of the window in milliseconds. */
  lengthMs: number;
  baselineFactor?: number;
  /** Absolute time by which everything must be back (ms since epoch, same clock as `now`). */
  deadlineAt: number;
  now: () => number;
  catalog: Catalog;
  knownIssues: KnownIssue[];
  systemDatabase: string;
  /** Database of calvin's deploy markers (`calvin_deploys`); default `services`. */
  servicesDatabase?: string;
  /** Called with the metrics as soon as they are in, before the logs: their analysis can start. */
  onMetrics?: (inputs: MetricInputs) => void;
}

const CONSUL_CALL_MS = 4_000;
/** Less time than this left for Consul: the deadline is too short to ask it at all. */
const MIN_CONSUL_MS = 50;
/** Kept for analysis and rendering after the backends answer. */
const MARGIN_MS = 250;

export async function collect(backends: DiagnoseBackends, req: CollectRequest): Promise<Collected> {
  const remaining = (): number => Math.max(1, req.deadlineAt - req.now() - MARGIN_MS);
  const consulCall = (): CallOptions => ({ timeoutMs: Math.min(CONSUL_CALL_MS, remaining()) });
  // A deadline too short to ask Consul is the deadline's fault, not Consul's.
  const tooShort = (): CalvinError =>
    new CalvinError(
      'BAD_ARGUMENT',
      `the deadline (${Math.max(0, req.deadlineAt - req.now())} ms left) ran out before Consul could answer`,
      'raise --deadline (default 10s); Consul itself was not found at fault',
    );
  const consulFailure = (error: unknown): CalvinError =>
    isCalvinError(error) && error.code === 'BACKEND_UNREACHABLE' && remaining() <= MIN_CONSUL_MS
      ? tooShort()
      : asConsulError(error);
  if (req.deadlineAt - req.now() - MARGIN_MS < MIN_CONSUL_MS) throw tooShort();

  const [environment, names] = await Promise.all([
    backends.datacenter(consulCall()),
    backends.listServices(consulCall()),
  ]).catch((error: unknown) => {
    throw consulFailure(error);
  });
  const defs = req.catalog.services;
  let match: ServiceMatch | null = resolveByName(req.query, names, defs);
  let instances: InstanceInfo[] | undefined;
  if (!match) {
    // One service Consul cannot answer for (a name with control characters gets a 400) must not
    // spoil the look-up for the others; only when every look-up fails is Consul itself the problem.
    const settled = await Promise.allSettled(
      names.slice(0, 500).map(async (n) => [n, await backends.serviceInstances(n, consulCall())] as const),
    );
    const all = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed && all.length === 0) throw consulFailure(failed.reason);
    match = resolveByServiceId(req.query, new Map(all.map(([n, list]) => [n, list.map((i) => i.serviceId)])), defs);
    if (!match) throw unknownServiceError(req.query, names, defs, environment);
    instances = all.find(([n]) => n === match?.service)?.[1];
  }
  const service = match.service;
  const definition = match.definition;
  instances ??= await backends.serviceInstances(service, consulCall()).catch((error: unknown) => {
    throw consulFailure(error);
  });
  if (definition?.consulTags && definition.consulTags.length > 0) {
    // Tags tell apart services sharing one Consul name (Grafana is `metrics` tagged `dashboard`);
    // when no instance carries them, the definition's tags are stale, not the instances wrong.
    const wanted = definition.consulTags;
    const tagged = instances.filter((i) => !i.tags || wanted.every((t) => i.tags?.includes(t)));
    if (tagged.length > 0) instances = tagged;
  }
  instances = [...instances].sort((a, b) => a.node.localeCompare(b.node) || a.serviceId.localeCompare(b.serviceId));

  const windows = planWindows(req.to, req.lengthMs, req.baselineFactor);
  const signals = watchedSignals(definition, req.systemDatabase);
  const base: Collected = {
    service,
    query: req.query,
    environment,
    window: windows.window,
    baseline: windows.baseline,
    bucketMs: windows.bucketMs,
    instances: instances.map(withVersion),
    knownServices: names,
    signals,
    metrics: [],
    logs: { hosts: [], windowErrors: [], baselineErrors: [] },
    serviceRunbooks: definition?.runbooks ?? [],
    alertRunbooks: alertRunbooks(req.catalog, definition, service),
    knownIssues: req.knownIssues,
    sources: { consul: 'ok', influx: 'ok', elasticsearch: 'ok' },
    sourceErrors: {},
  };
  if (instances.length === 0) return base;

  const abort = new AbortController();
  let endpoints: Awaited<ReturnType<DiagnoseBackends['endpoints']>> = {};
  let discoveryError: string | undefined;
  try {
    // Consul answered already: a discovery that fails or overruns the budget costs the metrics and
    // logs (marked unavailable), not the health part of the diagnosis.
    endpoints = await backends.endpoints({ ...consulCall(), signal: abort.signal });
  } catch (error) {
    discoveryError = `backend discovery failed (${messageOf(error)})`;
  }
  const nodes = [...new Set(instances.map((i) => i.node))];
  const deadline = new Promise<'timeout'>((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), remaining());
    timer.unref?.();
    abort.signal.addEventListener('abort', () => clearTimeout(timer));
  });
  const call = (): CallOptions => ({ timeoutMs: remaining(), signal: abort.signal });

  const metricsWork = endpoints.influx
    ? collectMetrics(backends, endpoints.influx, signals, nodes, windows, call)
    : Promise.resolve<SourceResult<SignalSeries[]>>({
        status: 'unavailable',
        error: discoveryError ?? 'no InfluxDB found (Consul service "metrics" tagged "http", or INFLUX_URL)',
        value: [],
      });
  const onMetrics = req.onMetrics;
  // A failure is the metrics' own to report (awaited below): here it must not be an unhandled rejection.
  if (onMetrics)
    metricsWork.then(
      (m) => onMetrics({ window: windows.window, signals, metrics: m.value }),
      () => undefined,
    );
  // Deploy markers are context, not a source: without them the diagnosis is complete, just less told.
  const deploysWork = endpoints.influx
    ? collectDeploys(backends, endpoints.influx, req.servicesDatabase ?? 'services', environment, windows, call)
    : Promise.resolve([]);
  const historyWork = endpoints.influx
    ? collectHistory(backends, endpoints.influx, req.systemDatabase, service, nodes, windows, call)
    : Promise.resolve([]);
  const logsOf = (logNodes: string[], signal: AbortSignal = abort.signal): Promise<SourceResult<CollectedLogs>> =>
    endpoints.elasticsearch
      ? collectLogs(backends, {
          endpoint: endpoints.elasticsearch,
          nodes: logNodes,
          windows,
          definition,
          service,
          knownIssues: req.knownIssues,
          call: () => ({ ...call(), signal }),
          remaining,
        })
      : Promise.resolve<SourceResult<CollectedLogs>>({
          status: 'unavailable',
          error:
            discoveryError ?? 'no Elasticsearch found (Consul service "documents" tagged "http", or ELASTICSEARCH_URL)',
          value: base.logs,
        });
  // The logs of the current instances are asked at once, beside the history; only when the history
  // names nodes that served the service before (replaced since) are the logs asked again with them.
  const superseded = new AbortController();
  const currentLogs = logsOf(nodes, AbortSignal.any([abort.signal, superseded.signal]));
  const history = await historyWork;
  const logNodes = [...new Set([...nodes, ...history.map((h) => h.node)])];
  const logsWork = logNodes.length > nodes.length ? logsOf(logNodes) : currentLogs;
  if (logsWork !== currentLogs) {
    // Asked again with the former nodes: the first collection's searches stop instead of running on.
    superseded.abort();
    currentLogs.catch(() => undefined);
  }

  const timedOut = <T>(value: T): SourceResult<T> => ({
    status: 'unavailable',
    error: 'no answer before the deadline',
    value,
  });
  const [metrics, logs, deploys] = await Promise.all([
    Promise.race([metricsWork, deadline.then(() => timedOut<SignalSeries[]>([]))]),
    Promise.race([logsWork, deadline.then(() => timedOut<CollectedLogs>(base.logs))]),
    Promise.race([deploysWork, deadline.then(() => [])]),
  ]);
  // One level deep, in what is left of the budget: a dependency that does not answer in time is left out.
  const dependencies = await Promise.race([
    collectDependencies(backends, {
      service,
      services: names,
      definition,
      catalog: req.catalog,
      windowErrors: logs.value.windowErrors,
      endpoints,
      windows,
      systemDatabase: req.systemDatabase,
      knownIssues: req.knownIssues,
      call,
      remaining,
    }).catch(() => []),
    deadline.then(() => []),
  ]);
  abort.abort();
  return {
    ...base,
    ...(dependencies.length > 0 ? { dependencies } : {}),
    ...(deploys.length > 0 ? { deploys } : {}),
    ...(history.length > 0 ? { history, instances: withMetricVersions(base.instances, history) } : {}),
    metrics: metrics.value,
    logs: logs.value,
    ...sourcesOf(metrics, logs),
  };
}

function alertRunbooks(catalog: Catalog, definition: ServiceDef | undefined, service: string): AlertRunbook[] {
  const ids = new Set([service, ...(definition ? [definition.id] : [])]);
  return catalog.alerts
    .filter((a) => ids.has(a.service))
    .map((a) => ({
      alert: a.name,
      title: a.runbook.title,
      url: a.runbook.url,
      measurement: a.query.measurement,
      field: a.query.field,
    }));
}

function asConsulError(error: unknown): CalvinError {
  if (isCalvinError(error) && error.code !== 'BACKEND_UNREACHABLE') return error;
  // A bug in calvin is not Consul being unreachable, and its message is no reason to show users.
  if (!isCalvinError(error))
    return new CalvinError('INTERNAL', "calvin failed while reading Consul's answer", 'run with --debug for details', {
      cause: error,
    });
  return new CalvinError(
    'CONSUL_UNREACHABLE',
    `Consul is unreachable (${messageOf(error)})`,
    'set CONSUL_HTTP_ADDR to a reachable Consul agent, e.g. CONSUL_HTTP_ADDR=127.0.0.1:8500',
  );
}
