/**
 * Changes seen in the data: instances that appeared during the window (their first metric point or
 * log line comes after its start) and nodes that served the service and vanished (their last metric
 * point, by the metrics' `service` tag, comes before the end), told as one timeline event per
 * version; both close together are a replacement: "3 instances replaced (1.2.0 → 1.3.0)". Pure.
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
  const known = c.history?.find((h) => h.node === node);
  const times = [
    known?.first,
    ...c.metrics.filter((s) => s.host === node).map((s) => s.points.find((p) => p.value !== null)?.time),
    c.logs.hosts.find((h) => h.host === node)?.buckets.find((b) => b.total > 0)?.time,
  ].filter((t): t is string => Boolean(t));
  const hasBaseline =
    (known !== undefined && known.first < c.window.from) ||
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

const MINUTE = 60_000;

/**
 * Nodes that served the service and are no longer instances: its history (the metrics' `service` tag)
 * and the hosts that logged its `service.name` (the logs' former hosts, for nodes whose metrics carry
 * no such tag). Each with when it went quiet: after its last metric bucket, or at its last log line.
 */
function formerNodes(c: Collected): { node: string; last: number; quiet: number; version?: string }[] {
  const fromMetrics = (c.history ?? []).map((h) => ({
    node: h.node,
    last: Date.parse(h.last),
    quiet: Date.parse(h.last) + c.bucketMs,
    ...(h.version ? { version: h.version } : {}),
  }));
  const known = new Set(fromMetrics.map((h) => h.node));
  const lastLog = new Map<string, number>();
  for (const f of c.logs.former ?? [])
    if (!known.has(f.host)) lastLog.set(f.host, Math.max(lastLog.get(f.host) ?? 0, Date.parse(f.last)));
  return [...fromMetrics, ...[...lastLog].map(([node, last]) => ({ node, last, quiet: last }))];
}

/**
 * Nodes that served the service, are no longer instances and went quiet in the window or in the
 * window's length before it, grouped by version; `time` is when they went quiet.
 */
export function vanishedInstances(c: Collected): AppearedGroup[] {
  const current = new Set(c.instances.map((i) => i.node));
  const from = Date.parse(c.window.from);
  const earliest = from - (Date.parse(c.window.to) - from);
  const quietAfter = Date.parse(c.window.to) - c.bucketMs;
  const groups = new Map<string, AppearedGroup>();
  for (const h of formerNodes(c)) {
    if (current.has(h.node) || !Number.isFinite(h.quiet) || h.last < earliest || h.quiet >= quietAfter) continue;
    const time = new Date(h.quiet).toISOString();
    const key = h.version ?? '';
    const g = groups.get(key) ?? { time, version: h.version, nodes: [] };
    if (time > g.time) g.time = time;
    g.nodes.push(h.node);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => a.time.localeCompare(b.time));
}

export interface Replacement {
  time: string;
  from: AppearedGroup;
  to: AppearedGroup;
}

/** A version that vanished close to one that appeared (within 15 minutes or three buckets) was replaced by it. */
export function replacements(appeared: AppearedGroup[], vanished: AppearedGroup[], bucketMs: number): Replacement[] {
  const near = Math.max(15 * MINUTE, 3 * bucketMs);
  const out: Replacement[] = [];
  const used = new Set<AppearedGroup>();
  for (const to of appeared) {
    const from = vanished
      .filter((v) => !used.has(v) && Math.abs(Date.parse(v.time) - Date.parse(to.time)) <= near)
      .sort(
        (a, b) =>
          Math.abs(Date.parse(a.time) - Date.parse(to.time)) - Math.abs(Date.parse(b.time) - Date.parse(to.time)),
      )[0];
    if (!from) continue;
    used.add(from);
    // Shown when the new instances arrived: errors of a bad image start then.
    out.push({ time: to.time, from, to });
  }
  return out;
}

/** "3 instances replaced (1.2.0 → 1.3.0)". */
export function replacementText(r: Replacement): string {
  const n = r.to.nodes.length;
  const versions = r.from.version || r.to.version ? ` (${r.from.version ?? '?'} → ${r.to.version ?? '?'})` : '';
  return `${n} instance${n === 1 ? '' : 's'} replaced${versions}`;
}

export function changeEvents(
  c: Collected,
  groups: AppearedGroup[],
  vanished: AppearedGroup[] = [],
  replaced: Replacement[] = [],
): TimelineEvent[] {
  const total = c.instances.length;
  const inReplacement = new Set(replaced.flatMap((r) => [r.from, r.to]));
  const swaps = replaced.map((r) => ({
    time: r.time,
    node: `${r.from.nodes.length + r.to.nodes.length} nodes`,
    source: 'consul',
    summary: `${replacementText(r)}: ${r.from.nodes.join(', ')} → ${r.to.nodes.join(', ')}`,
  }));
  const gone = vanished
    .filter((g) => !inReplacement.has(g))
    .map((g) => {
      const n = g.nodes.length;
      const version = g.version ? ` (${g.version})` : '';
      return {
        time: g.time,
        node: n === 1 ? (g.nodes[0] as string) : `${n} nodes`,
        source: 'consul',
        summary: `${n} instance${n === 1 ? '' : 's'} vanished${version}: ${g.nodes.join(', ')}`,
      };
    });
  return [
    ...swaps,
    ...gone,
    ...appearedEvents(
      total,
      groups.filter((g) => !inReplacement.has(g)),
    ),
  ];
}

function appearedEvents(total: number, groups: AppearedGroup[]): TimelineEvent[] {
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
