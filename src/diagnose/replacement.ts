/**
 * A full replacement that fails: every instance of the service is new in the window (a new image
 * replaced them all), and all of them log the same new error.
 * The errors then point at the new instances (their image), not at an unnamed common dependency. Pure.
 */
import type { AppearedGroup } from './changes.js';
import type { Collected } from './collected.js';
import type { DependencyOutage } from './dependency.js';
import { formatClock, formatCount } from './format.js';
import type { Diagnosis } from './types.js';

export interface FailedReplacement {
  suspect: Diagnosis['suspects'][number];
}

/**
 * The replacement behind a common error, or null. A named dependency (a Consul name, a host:port)
 * stays the cause: new instances that cannot reach a dependency are not the fault of their image.
 */
export function failedReplacement(
  c: Collected,
  appeared: AppearedGroup[],
  outage: DependencyOutage | null,
): FailedReplacement | null {
  if (!outage?.dependency.startsWith("'")) return null;
  const fresh = new Set(appeared.flatMap((g) => g.nodes));
  const nodes = c.instances.map((i) => i.node);
  if (nodes.length === 0 || !nodes.every((n) => fresh.has(n))) return null;
  // The error is new and only the new instances ever logged it: its first time (from a bounded sample of
  // messages) is no better evidence than that.
  const start = Math.min(...appeared.map((g) => Date.parse(g.time)));
  const versions = [...new Set(c.instances.flatMap((i) => (i.version ? [i.version] : [])))];
  const version = versions.length === 1 ? versions[0] : undefined;
  const sorted = [...nodes].sort();
  const on = version ? ` on ${version}` : '';
  const each = formatCount(Math.round(outage.pattern.count / nodes.length));
  return {
    suspect: {
      node: sorted[0] as string,
      reason:
        `all ${nodes.length} instances are new${on} since ${formatClock(new Date(start).toISOString(), c.window.to)} ` +
        `and all log '${outage.pattern.label}' (×${each}/instance): the new image fails`,
      score: 10,
      ...(version ? { version } : {}),
      nodes: sorted,
    },
  };
}
