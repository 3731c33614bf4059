/**
 * The dependencies' own state, analysed like the service itself (health, metrics, logs), and which of
 * them the incident blames: the one the shared error names, else a declared one that is unhealthy. Pure.
 */
import type { Collected, CollectedDependency } from './collected.js';
import type { DependencyOutage } from './dependency.js';
import type { FoundAnomaly } from './found.js';
import { byScore, healthAnomalies, instanceReports } from './health-analysis.js';
import { analyzeLogs } from './log-analysis.js';
import { analyzeMetrics } from './metric-analysis.js';
import type { DependencyReport, DiagnosisStatus } from './types.js';

export interface DependencyFinding {
  report: DependencyReport;
  /** Nodes the error message named (a node or an address), if any. */
  named: string[];
  anomalies: FoundAnomaly[];
}

export function analyzeDependencies(c: Collected): DependencyFinding[] {
  return (c.dependencies ?? []).map((d) => analyzeOne(c, d));
}

function analyzeOne(c: Collected, d: CollectedDependency): DependencyFinding {
  const sub: Collected = {
    ...c,
    service: d.service,
    instances: d.instances,
    signals: d.signals,
    metrics: d.metrics,
    logs: d.logs,
    dependencies: [],
  };
  const anomalies = [...healthAnomalies(sub), ...analyzeMetrics(sub).anomalies, ...analyzeLogs(sub).anomalies];
  const instances = instanceReports(d.instances, anomalies);
  return {
    report: {
      service: d.service,
      reference: d.reference,
      via: d.via,
      status: dependencyStatus(instances.map((i) => i.status)),
      instances,
    },
    named: d.nodes ?? [],
    anomalies,
  };
}

/** A dependency without instances is down for its clients: critical. */
function dependencyStatus(statuses: DiagnosisStatus[]): DiagnosisStatus {
  if (statuses.length === 0 || statuses.includes('critical')) return 'critical';
  return statuses.includes('degraded') ? 'degraded' : 'healthy';
}

/**
 * The dependency an incident blames: in an outage, the one the shared error names (else an unhealthy
 * declared one); without an outage, an unhealthy one only when the service itself is not healthy.
 */
export function blamedDependency(
  findings: DependencyFinding[],
  outage: DependencyOutage | null,
  serviceHealthy: boolean,
): DependencyFinding | null {
  const unhealthy = findings.filter((f) => f.report.status !== 'healthy');
  if (outage) {
    const text = outage.pattern.example.toLowerCase();
    const named = findings.find((f) => f.report.via === 'logs' && text.includes(f.report.reference.toLowerCase()));
    return named ?? unhealthy[0] ?? null;
  }
  return serviceHealthy ? null : (unhealthy[0] ?? null);
}

/** The blamed dependency's nodes as suspects: the named or unhealthy ones, else all of them. */
export function dependencySuspects(
  f: DependencyFinding,
  cause: string,
  score: number,
): { node: string; reason: string; score: number }[] {
  const bad = f.report.instances.filter((i) => i.status !== 'healthy').map((i) => i.node);
  const nodes = f.named.length > 0 ? f.named : bad.length > 0 ? bad : f.report.instances.map((i) => i.node);
  return [...new Set(nodes)].map((node) => {
    const top = f.anomalies.filter((a) => a.host === node).sort(byScore)[0];
    const own = top ? top.headline : 'no anomaly of its own';
    return {
      node,
      reason: `dependency ${f.report.service} (${f.report.reference}): ${own}; ${cause}`,
      score: top || f.named.length > 0 ? score : score - 0.5,
    };
  });
}
