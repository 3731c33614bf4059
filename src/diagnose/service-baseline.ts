/**
 * The service's history, for instances without one of their own (immutable infrastructure: a new
 * node has none): the mean baseline of every node that logged for the service in the baseline
 * period, the current instances and the ones replaced since (`Collected.history`). Pure.
 */
import type { Collected } from './collected.js';

export interface ServiceBaseline {
  /** Mean errors per instance over the baseline period. */
  errors: number;
  /** The nodes whose baseline it is (current and earlier), sorted. */
  nodes: string[];
  /** Those of them that are no longer instances of the service. */
  earlier: string[];
  /** The current instances that have no history of their own and are compared with it. */
  instances: string[];
}

export function serviceBaseline(c: Collected): ServiceBaseline | null {
  const current = new Set(c.instances.map((i) => i.node));
  const withHistory = c.logs.hosts.filter((h) => h.baseline.total > 0);
  if (withHistory.length === 0) return null;
  const nodes = withHistory.map((h) => h.host).sort();
  return {
    errors: withHistory.reduce((n, h) => n + h.baseline.errors, 0) / withHistory.length,
    nodes,
    earlier: nodes.filter((n) => !current.has(n)),
    instances: c.instances
      .map((i) => i.node)
      .filter((n) => !withHistory.some((h) => h.host === n))
      .sort(),
  };
}

/** "the service's baseline (3 earlier instances: a, b, c)" for an anomaly's evidence. */
export function describeServiceBaseline(b: ServiceBaseline): string {
  const list = (nodes: string[]): string =>
    nodes.length > 3 ? `${nodes.slice(0, 3).join(', ')} and ${nodes.length - 3} more` : nodes.join(', ');
  const who =
    b.earlier.length > 0
      ? `${b.earlier.length} earlier instance${b.earlier.length === 1 ? '' : 's'}: ${list(b.earlier)}`
      : `its other instances: ${list(b.nodes)}`;
  return `the service's baseline (${who})`;
}
