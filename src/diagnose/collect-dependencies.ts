/**
 * The services a diagnosed service depends on, one level deep: declared (`dependsOn`) or named by its
 * connection errors (a Consul DNS name, a node, an address), resolved through the Consul catalog; then
 * their instances' health, metrics and logs over the same windows, within the same deadline.
 */
import type { Endpoint } from '../config.js';
import type { Catalog, ServiceDef } from '../define/types.js';
import type { CallOptions, DiagnoseBackends } from './backend-types.js';
import type { CollectedDependency, KnownIssue, MessageGroup } from './collected.js';
import { collectLogs } from './collect-logs.js';
import { collectMetrics } from './collect-metrics.js';
import {
  CONNECTION_ERROR,
  dependencyRefs,
  nodeLookups,
  resolveRef,
  type KnownNode,
  type ResolvedDependency,
} from './dependency-refs.js';
import type { Windows } from './queries.js';
import { watchedSignals } from './signals.js';

type Credentials = Endpoint & { username?: string; password?: string };

export interface DependencyRequest {
  service: string;
  /** Every Consul service of the environment. */
  services: string[];
  definition: ServiceDef | undefined;
  catalog: Catalog;
  windowErrors: MessageGroup[];
  endpoints: { influx?: Credentials; elasticsearch?: Credentials };
  windows: Windows;
  systemDatabase: string;
  knownIssues: KnownIssue[];
  call: () => CallOptions;
  remaining: () => number;
}

/** Distinct messages read for references, and dependencies followed at most. */
const MESSAGES_READ = 20;
const MAX_DEPENDENCIES = 3;

/** Which services to follow: declared ones, then those the most frequent connection errors name. */
export async function findDependencies(
  backends: DiagnoseBackends,
  req: Pick<DependencyRequest, 'service' | 'services' | 'definition' | 'windowErrors' | 'call'>,
): Promise<ResolvedDependency[]> {
  const known = new Set(req.services);
  const declared: ResolvedDependency[] = (req.definition?.dependsOn ?? [])
    .filter((s) => known.has(s) && s !== req.service)
    .map((service) => ({ service, reference: 'dependsOn', via: 'definition' }));
  const messages = [...req.windowErrors]
    .sort((a, b) => b.count - a.count || a.message.localeCompare(b.message))
    .filter((m) => CONNECTION_ERROR.test(m.message))
    .slice(0, MESSAGES_READ);
  const refs = messages.flatMap((m) => dependencyRefs(m.message));
  const lookups = nodeLookups(refs);
  let nodes: KnownNode[] = [];
  if (lookups.length > 0 && backends.findNodes) nodes = await backends.findNodes(lookups, req.call()).catch(() => []);
  const fromLogs = refs.flatMap((r) => resolveRef(r, req.service, req.services, nodes) ?? []);
  const byService = new Map<string, ResolvedDependency>();
  // What the errors name wins over the declaration: it says which reference, and perhaps which node.
  for (const d of [...fromLogs, ...declared]) if (!byService.has(d.service)) byService.set(d.service, d);
  return [...byService.values()].slice(0, MAX_DEPENDENCIES);
}

export async function collectDependencies(
  backends: DiagnoseBackends,
  req: DependencyRequest,
): Promise<CollectedDependency[]> {
  const found = await findDependencies(backends, req);
  return Promise.all(found.map((d) => collectOne(backends, req, d)));
}

async function collectOne(
  backends: DiagnoseBackends,
  req: DependencyRequest,
  d: ResolvedDependency,
): Promise<CollectedDependency> {
  const definition = req.catalog.services.find((s) => s.consulName === d.service);
  const signals = watchedSignals(definition, req.systemDatabase);
  const empty: CollectedDependency = {
    ...d,
    instances: [],
    signals,
    metrics: [],
    logs: { hosts: [], windowErrors: [], baselineErrors: [] },
  };
  const listed = await backends.serviceInstances(d.service, req.call()).catch(() => null);
  if (!listed) return empty;
  const instances = listed
    .map(({ node, address, serviceId, checks }) => ({ node, address, serviceId, checks }))
    .sort((a, b) => a.node.localeCompare(b.node) || a.serviceId.localeCompare(b.serviceId));
  const nodes = [...new Set(instances.map((i) => i.node))];
  if (nodes.length === 0) return { ...empty, instances };
  const [metrics, logs] = await Promise.all([
    req.endpoints.influx ? collectMetrics(backends, req.endpoints.influx, signals, nodes, req.windows, req.call) : null,
    req.endpoints.elasticsearch
      ? collectLogs(backends, {
          endpoint: req.endpoints.elasticsearch,
          nodes,
          windows: req.windows,
          definition,
          service: d.service,
          knownIssues: req.knownIssues,
          call: req.call,
          remaining: req.remaining,
        })
      : null,
  ]);
  return { ...empty, instances, metrics: metrics?.value ?? [], logs: logs?.value ?? empty.logs };
}
