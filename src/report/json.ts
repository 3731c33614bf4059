/** The JSON report: exactly the Diagnosis contract, keys in contract order. Pure. */
import type { Diagnosis, InstanceReport } from '../diagnose/types.js';

function instanceJson(i: InstanceReport): InstanceReport {
  return {
    node: i.node,
    address: i.address,
    serviceId: i.serviceId,
    status: i.status,
    checks: i.checks.map((c) => ({ name: c.name, status: c.status, output: c.output })),
    anomalies: i.anomalies.map((a) => ({
      source: a.source,
      signal: a.signal,
      score: a.score,
      value: a.value,
      baseline: a.baseline,
      since: a.since,
      evidence: a.evidence,
    })),
  };
}

export function renderJson(diagnosis: Diagnosis): string {
  const d = diagnosis;
  const ordered: Diagnosis = {
    service: d.service,
    query: d.query,
    environment: d.environment,
    window: { from: d.window.from, to: d.window.to },
    baseline: { from: d.baseline.from, to: d.baseline.to },
    status: d.status,
    summary: d.summary,
    instances: d.instances.map(instanceJson),
    suspects: d.suspects.map((s) => ({
      node: s.node,
      reason: s.reason,
      score: s.score,
      ...(s.version !== undefined ? { version: s.version, nodes: [...(s.nodes ?? [])] } : {}),
    })),
    timeline: d.timeline.map((e) => ({ time: e.time, node: e.node, source: e.source, summary: e.summary })),
    topErrors: d.topErrors.map((e) => ({
      pattern: e.pattern,
      count: e.count,
      nodes: [...e.nodes],
      first: e.first,
      last: e.last,
      example: e.example,
    })),
    knownIssues: d.knownIssues.map((k) => ({ id: k.id, title: k.title, runbook: k.runbook, matches: k.matches })),
    runbooks: d.runbooks.map((r) => ({ alert: r.alert, title: r.title, url: r.url })),
    sources: { consul: d.sources.consul, influx: d.sources.influx, elasticsearch: d.sources.elasticsearch },
    durationMs: d.durationMs,
    // Additions to the contract (schema 1.1.0), present only when there is something to say.
    ...(d.dependencies
      ? {
          dependencies: d.dependencies.map((x) => ({
            service: x.service,
            reference: x.reference,
            via: x.via,
            status: x.status,
            instances: x.instances.map(instanceJson),
          })),
        }
      : {}),
    ...(d.rollout
      ? {
          rollout: {
            versions: d.rollout.versions.map((v) => ({
              version: v.version,
              nodes: [...v.nodes],
              unhealthy: [...v.unhealthy],
            })),
            comparisons: d.rollout.comparisons.map((x) => ({ ...x })),
            verdict: d.rollout.verdict,
            ...(d.rollout.evidence !== undefined ? { evidence: d.rollout.evidence } : {}),
          },
        }
      : {}),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
