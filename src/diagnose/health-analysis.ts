/** Health anomalies (Consul checks that are not passing) and the per-instance reports. Pure. */
import type { Collected } from './collected.js';
import type { FoundAnomaly } from './found.js';
import type { Anomaly, DiagnosisStatus, InstanceReport } from './types.js';

export function byScore(a: FoundAnomaly, b: FoundAnomaly): number {
  return b.anomaly.score - a.anomaly.score || a.anomaly.signal.localeCompare(b.anomaly.signal);
}

export function healthAnomalies(c: Collected): FoundAnomaly[] {
  const found: FoundAnomaly[] = [];
  for (const i of c.instances) {
    for (const check of i.checks) {
      if (check.status === 'passing') continue;
      const score = check.status === 'critical' ? 8 : check.status === 'warning' ? 5 : 3;
      const output = check.output.replace(/\s+/g, ' ').trim().slice(0, 200);
      found.push({
        host: i.node,
        anomaly: {
          source: 'health',
          signal: check.name,
          score,
          value: check.status,
          baseline: 'passing',
          since: null,
          evidence: `check "${check.name}" is ${check.status}${output ? `: ${output}` : ''}`,
        },
        headline: `check "${check.name}" ${check.status}`,
      });
    }
  }
  return found;
}

export function instanceStatus(anomalies: Anomaly[]): DiagnosisStatus {
  if (anomalies.some((a) => a.score >= 8 || (a.source === 'health' && a.value === 'critical'))) return 'critical';
  if (anomalies.length > 0) return 'degraded';
  return 'healthy';
}

/** One report per instance, its anomalies strongest first. */
export function instanceReports(instances: Collected['instances'], all: FoundAnomaly[]): InstanceReport[] {
  return instances.map((i) => {
    const mine = all.filter((a) => a.host === i.node).sort(byScore);
    return {
      node: i.node,
      address: i.address,
      serviceId: i.serviceId,
      status: instanceStatus(mine.map((a) => a.anomaly)),
      checks: i.checks.map((ch) => ({ name: ch.name, status: ch.status, output: ch.output })),
      anomalies: mine.map((a) => a.anomaly),
    };
  });
}
