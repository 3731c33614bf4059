/**
 * `calvin status` analysis: the environment's batched data sliced per service and run through the
 * same analysis as `calvin diagnose` (generic host signals, logs by node). Pure.
 */
import type { Catalog } from '../define/types.js';
import { analyze, type Clock } from './analyze.js';
import type { CollectedEnvironment } from './collect-environment.js';
import type { Collected, CollectedLogs, KnownIssue, MessageGroup } from './collected.js';
import { hostSignals } from './signals.js';
import { withVersion } from './versions.js';
import type { DiagnosisStatus, SourceStatus } from './types.js';

export interface ServiceStatus {
  service: string;
  status: DiagnosisStatus;
  instances: number;
  /** One line: the diagnosis summary. */
  reason: string;
  /** First suspect's node (full name), if any. */
  suspect: string | null;
  /** Versions its instances run, oldest first; more than one means a rollout is under way. */
  versions: string[];
  rollout: boolean;
}

export interface EnvironmentStatus {
  environment: string;
  window: { from: string; to: string };
  status: DiagnosisStatus;
  services: ServiceStatus[];
  sources: { consul: SourceStatus; influx: SourceStatus; elasticsearch: SourceStatus };
  durationMs: number;
}

const RANK: Record<DiagnosisStatus, number> = { critical: 0, degraded: 1, unknown: 2, healthy: 3 };

/** The worst of statuses: critical, degraded, unknown, healthy in that order. */
export function worstStatus(statuses: DiagnosisStatus[]): DiagnosisStatus {
  return statuses.reduce<DiagnosisStatus>((w, s) => (RANK[s] < RANK[w] ? s : w), 'healthy');
}

function sliceGroups(groups: MessageGroup[], nodes: ReadonlySet<string>, keepUnattributed: boolean): MessageGroup[] {
  return groups.flatMap((g) => {
    if (g.hosts.length === 0) return keepUnattributed ? [g] : [];
    const hosts = g.hosts.filter((h) => nodes.has(h.name));
    const count = hosts.reduce((n, h) => n + h.count, 0);
    return count > 0 ? [{ ...g, hosts, count }] : [];
  });
}

function sliceLogs(logs: CollectedLogs, nodes: ReadonlySet<string>): CollectedLogs {
  return {
    hosts: logs.hosts.filter((h) => nodes.has(h.host)),
    windowErrors: sliceGroups(logs.windowErrors, nodes, false),
    baselineErrors: sliceGroups(logs.baselineErrors, nodes, true),
  };
}

export function analyzeEnvironment(
  env: CollectedEnvironment,
  catalog: Catalog,
  knownIssues: KnownIssue[],
  systemDatabase: string,
  clock: Clock,
  startedAtMs: number,
): EnvironmentStatus {
  const signals = hostSignals(systemDatabase);
  const services = env.services.map(({ service, instances }): ServiceStatus => {
    const nodes = new Set(instances.map((i) => i.node));
    const definition = catalog.services.find((s) => s.consulName === service);
    const collected: Collected = {
      service,
      query: service,
      environment: env.environment,
      window: env.windows.window,
      baseline: env.windows.baseline,
      bucketMs: env.windows.bucketMs,
      instances: [...instances]
        .sort((a, b) => a.node.localeCompare(b.node) || a.serviceId.localeCompare(b.serviceId))
        .map(withVersion),
      knownServices: env.services.map((s) => s.service),
      signals,
      metrics: env.metrics.filter((m) => nodes.has(m.host)),
      logs: sliceLogs(env.logs, nodes),
      serviceRunbooks: definition?.runbooks ?? [],
      alertRunbooks: [],
      knownIssues,
      sources: env.sources,
      sourceErrors: env.sourceErrors,
    };
    const d = analyze(collected, clock, startedAtMs, { compareVersions: true });
    return {
      service,
      status: d.status,
      instances: instances.length,
      reason: d.summary,
      suspect: d.suspects[0]?.node ?? null,
      versions: d.rollout?.versions.map((v) => v.version) ?? [],
      rollout: (d.rollout?.versions.filter((v) => v.version !== 'unknown').length ?? 0) > 1,
    };
  });
  services.sort((a, b) => RANK[a.status] - RANK[b.status] || a.service.localeCompare(b.service));
  return {
    environment: env.environment,
    window: env.windows.window,
    status: worstStatus(services.map((s) => s.status)),
    services,
    sources: env.sources,
    durationMs: Math.max(0, Math.round(clock.now() - startedAtMs)),
  };
}

/** Exit code of `calvin status`, as `calvin diagnose`'s: 1 when any service is degraded or critical. */
export function environmentExitCode(status: EnvironmentStatus): number {
  if (status.status === 'critical' || status.status === 'degraded') return 1;
  return status.status === 'unknown' ? 3 : 0;
}
