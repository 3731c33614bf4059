/**
 * Changes seen in the data: instances that appeared during the window (their first metric point or
 * log line comes after its start), told as one timeline event per version. Pure.
 */
import type { Collected } from './collected.js';
import type { TimelineEvent } from './found.js';

export interface AppearedGroup {
  time: string;
  version: string | undefined;
  nodes: string[];
}

/** First time each instance shows up in the window's metrics or logs (null: not seen at all). */
function firstSeen(c: Collected, node: string): string | null {
  const times = [
    ...c.metrics.filter((s) => s.host === node).map((s) => s.points.find((p) => p.value !== null)?.time),
    c.logs.hosts.find((h) => h.host === node)?.buckets.find((b) => b.total > 0)?.time,
  ].filter((t): t is string => Boolean(t));
  const hasBaseline =
    c.logs.hosts.some((h) => h.host === node && h.baseline.total > 0) ||
    c.metrics.some((s) => s.host === node && s.points.some((p) => p.time < c.window.from && p.value !== null));
  if (hasBaseline || times.length === 0) return null;
  return times.sort()[0] as string;
}

/** Instances that appeared after the window started, grouped by version. */
export function appearedInstances(c: Collected): AppearedGroup[] {
  const start = Date.parse(c.window.from) + c.bucketMs;
  const groups = new Map<string, AppearedGroup>();
  for (const i of c.instances) {
    const seen = firstSeen(c, i.node);
    if (!seen || Date.parse(seen) < start) continue;
    const key = i.version ?? '';
    const g = groups.get(key) ?? { time: seen, version: i.version, nodes: [] };
    if (seen < g.time) g.time = seen;
    if (!g.nodes.includes(i.node)) g.nodes.push(i.node);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => a.time.localeCompare(b.time));
}

export function changeEvents(c: Collected, groups: AppearedGroup[]): TimelineEvent[] {
  const total = c.instances.length;
  return groups.map((g) => {
    const version = g.version ? ` (${g.version})` : '';
    const what =
      g.nodes.length === total && total > 1
        ? `all ${total} instances are new${version}`
        : `${g.nodes.length} instance${g.nodes.length === 1 ? '' : 's'} appeared${version}`;
    return {
      time: g.time,
      node: g.nodes.length === 1 ? (g.nodes[0] as string) : `${g.nodes.length} nodes`,
      source: 'consul',
      summary: `${what}: ${g.nodes.join(', ')}`,
    };
  });
}
