/**
 * Service restarts the logs show, where the host's uptime does not (a process restarting without a
 * reboot): a long-running process of an instance logging under a new pid once its old pid went
 * quiet, or a start-up line of the service (its start markers) on a host that logged before it.
 * Pure; the data is changes-query.ts's aggregations of the log search.
 */
import type { Collected, ProcessPids } from './collected.js';
import type { TimelineEvent } from './found.js';
import { restartLeadRange } from './changes-query.js';

export interface LogRestart {
  host: string;
  time: string;
  /** The process and its pids before and after, when a pid change showed it. */
  process?: string;
  pids?: [string, string];
  /** The start-up line, when a start marker showed it. */
  line?: string;
}

const MINUTE = 60_000;

type Pid = ProcessPids['pids'][number];

/** One list per host and process, each pid once (index groups may list it twice), oldest first. */
function pidsByProcess(list: ProcessPids[]): { host: string; process: string; pids: Pid[]; more: boolean }[] {
  const grouped = new Map<string, { host: string; process: string; pids: Map<string, Pid>; more: boolean }>();
  for (const p of list) {
    const k = `${p.host}\u0000${p.process}`;
    const g = grouped.get(k) ?? { host: p.host, process: p.process, pids: new Map<string, Pid>(), more: false };
    g.more ||= p.more;
    for (const pid of p.pids) {
      if (!pid.first || !pid.last) continue;
      const had = g.pids.get(pid.pid);
      // ISO times: the earlier sorts first.
      const [first, , , last] = [had?.first ?? pid.first, pid.first, pid.last, had?.last ?? pid.last].sort();
      g.pids.set(pid.pid, {
        pid: pid.pid,
        first: first as string,
        last: last as string,
        count: (had?.count ?? 0) + pid.count,
      });
    }
    grouped.set(k, g);
  }
  return [...grouped.values()].map((g) => ({
    ...g,
    pids: [...g.pids.values()].sort((a, b) => a.first.localeCompare(b.first)),
  }));
}

/**
 * A new pid is a restart when the old one had run for a while and stopped logging before the new one
 * began, and the new one has run for a while too (a cron job's session logs twice in a second). Having
 * run: over two buckets (2 minutes at least), or from before the window (the first pid of a host that
 * logged in the baseline: the search reads pids in the window only). A process with more pids than
 * the search lists spawns (cron jobs, ssh sessions): its pids say nothing.
 */
function pidRestarts(c: Collected, instances: ReadonlySet<string>): LogRestart[] {
  const minRun = Math.max(2 * c.bucketMs, 2 * MINUTE);
  const ran = (p: Pid): boolean => Date.parse(p.last) - Date.parse(p.first) >= minRun;
  const before = new Set(c.logs.hosts.filter((h) => h.baseline.total > 0).map((h) => h.host));
  const out: LogRestart[] = [];
  for (const p of pidsByProcess(c.logs.processes ?? [])) {
    if (!instances.has(p.host) || p.more) continue;
    for (let i = 1; i < p.pids.length; i += 1) {
      const old = p.pids[i - 1] as Pid;
      const now = p.pids[i] as Pid;
      const oldRan = ran(old) || (i === 1 && before.has(p.host));
      if (now.first < old.last || !oldRan || !ran(now) || now.count < 2) continue;
      out.push({ host: p.host, time: now.first, process: p.process, pids: [old.pid, now.pid] });
    }
  }
  return out;
}

/** Start-up lines of hosts that logged before them (the first start of a new instance is no restart). */
function markerRestarts(c: Collected, instances: ReadonlySet<string>): LogRestart[] {
  const before = new Set(c.logs.hosts.filter((h) => h.baseline.total > 0).map((h) => h.host));
  return (c.logs.starts ?? [])
    .filter(
      (s) =>
        instances.has(s.host) &&
        (before.has(s.host) || (s.hostFirst !== '' && Date.parse(s.time) - Date.parse(s.hostFirst) >= MINUTE)),
    )
    .map((s) => ({ host: s.host, time: s.time, line: s.message }));
}

/**
 * Restarts of the instances in the window and just before it (the search reads pids there only), oldest first: one per
 * host and moment (a pid change and a start-up line within two minutes are one restart), none
 * where the host's uptime reset at the same time (that reboot is told already).
 */
export function logRestarts(c: Collected, reboots: { host: string; time: string }[] = []): LogRestart[] {
  const instances = new Set(c.instances.map((i) => i.node));
  const lead = restartLeadRange(c);
  const near = Math.max(2 * MINUTE, 2 * c.bucketMs);
  const close = (a: string, b: string): boolean => Math.abs(Date.parse(a) - Date.parse(b)) <= near;
  const found = [...pidRestarts(c, instances), ...markerRestarts(c, instances)]
    .filter((r) => r.time >= lead.from && r.time < c.window.to)
    .sort((a, b) => a.time.localeCompare(b.time) || a.host.localeCompare(b.host));
  const out: LogRestart[] = [];
  for (const r of found) {
    if (reboots.some((b) => b.host === r.host && close(b.time, r.time))) continue;
    const same = out.find((o) => o.host === r.host && close(o.time, r.time));
    if (same) Object.assign(same, { ...r, ...same, line: same.line ?? r.line });
    else out.push({ ...r });
  }
  return out;
}

/** "restarted (log: nexus pid 2100 → 2243)", "restarted (log: 'Started Sonatype Nexus OSS 3.19.1-01')". */
export function restartDetail(r: LogRestart): string {
  const parts: string[] = [];
  if (r.process && r.pids) parts.push(`${r.process} pid ${r.pids[0]} → ${r.pids[1]}`);
  if (r.line) parts.push(`'${r.line.length > 80 ? `${r.line.slice(0, 80)}…` : r.line}'`);
  return `restarted (log${parts.length > 0 ? `: ${parts.join(', ')}` : ''})`;
}

export function restartEvents(restarts: LogRestart[]): TimelineEvent[] {
  return restarts.map((r) => ({ time: r.time, node: r.host, source: 'logs', summary: restartDetail(r) }));
}
