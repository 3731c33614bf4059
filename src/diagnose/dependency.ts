/**
 * A dependency outage: every instance suddenly logs the same new error while its own metrics look
 * fine. Then the suspect is not a node of the service but the thing the errors name. Such a suspect
 * is reported with node `(dependency) <name>`, e.g. `(dependency) queue.service.consul`.
 */
import type { Collected } from './collected.js';
import type { FoundAnomaly } from './found.js';
import type { ErrorPattern } from './log-analysis.js';
import { CONNECTION_ERROR } from './dependency-refs.js';

export const DEPENDENCY_PREFIX = '(dependency) ';

export interface DependencyOutage {
  dependency: string;
  pattern: ErrorPattern;
  instances: number;
}

const MIN_COUNT = 10;

export function findDependencyOutage(
  c: Collected,
  patterns: ErrorPattern[],
  metricAnomalies: FoundAnomaly[],
): DependencyOutage | null {
  const nodes = [...new Set(c.instances.map((i) => i.node))];
  if (nodes.length === 0) return null;
  // Only instances that log at all can show the pattern.
  const logging = nodes.filter((n) => c.logs.hosts.some((h) => h.host === n && h.window.total > 0));
  if (logging.length < Math.min(2, nodes.length)) return null;
  if (metricAnomalies.some((a) => a.anomaly.score >= 6)) return null;
  const shared = patterns.find(
    (p) => p.isNew && p.count >= MIN_COUNT && logging.every((n) => (p.hosts.get(n) ?? 0) > 0),
  );
  if (!shared) return null;
  const dependency = dependencyName(shared, c);
  // One instance alone shows no common cause: only a failed connection that names its target points away from it.
  if (logging.length < 2 && (dependency.startsWith("'") || !CONNECTION_ERROR.test(shared.example))) return null;
  return { dependency, pattern: shared, instances: logging.length };
}

/** What the error message points at: a Consul DNS name, a host:port, or a known service name. */
export function dependencyName(pattern: ErrorPattern, c: Collected): string {
  const text = pattern.example;
  const consulDns = /\b([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.service(?:\.[a-z0-9-]+)?\.consul)\b/i.exec(
    text,
  );
  if (consulDns?.[1]) return consulDns[1];
  const hostPort =
    /\b(?:to|connect(?:ing)?(?: to)?|host|server|at)\s+["']?([a-z0-9][a-z0-9.-]*[a-z0-9](?::\d{2,5})?)/i.exec(text);
  if (hostPort?.[1] && /[.:]/.test(hostPort[1])) return hostPort[1];
  const words = new Set(text.toLowerCase().split(/[^a-z0-9_-]+/));
  const named = c.knownServices
    .filter((s) => s !== c.service && words.has(s.toLowerCase()))
    .sort((a, b) => b.length - a.length);
  if (named[0]) return named[0];
  return `'${pattern.label}'`;
}
