/**
 * Changes next to an incident, and the one its anomaly lines up with: calvin's deploy markers,
 * instances that appeared, host reboots (uptime resets). The summary then says "began 1 min after
 * calvin deploy at 10:29 (...)". Pure.
 */
import { RESTART_LEAD_MS } from './changes-query.js';
import type { Collected } from './collected.js';
import { replacementText, type AppearedGroup, type Replacement } from './changes.js';
import { formatClock } from './format.js';
import type { FoundAnomaly, TimelineEvent } from './found.js';
import type { LogRestart } from './log-restarts.js';

export interface Change {
  time: string;
  kind: 'deploy' | 'appeared' | 'vanished' | 'replaced' | 'reboot' | 'restart';
  /** How the summary names it: "calvin deploy at 10:29 (2 created … by alice, abc1234)". */
  label: string;
  /** Said after its time: "nexus-02 restarted at 23:31 (log)". */
  note?: string;
  /** The one node it happened on (a reboot, a restart): it explains that node's anomaly first. */
  host?: string;
}

const MINUTE = 60_000;
/** A change up to this long before the onset explains it (at least one window bucket more). */
const BEFORE_MS = RESTART_LEAD_MS;

/** Deploy markers in the window and in the window's length just before it. */
export function recentDeploys(c: Collected): NonNullable<Collected['deploys']> {
  const from = Date.parse(c.window.from);
  const earliest = from - (Date.parse(c.window.to) - from);
  return (c.deploys ?? []).filter((d) => {
    const t = Date.parse(d.time);
    return t >= earliest && t < Date.parse(c.window.to);
  });
}

function deployDetails(d: NonNullable<Collected['deploys']>[number]): string {
  // `calvin deploy` outside a git checkout records the commit as "unknown": not worth saying.
  const commit = d.commit && d.commit !== 'unknown' ? d.commit.slice(0, 12) : '';
  const by = [d.who ? `by ${d.who}` : '', commit].filter(Boolean).join(', ');
  return [d.what, by].filter(Boolean).join(' ');
}

export function deployEvents(c: Collected): TimelineEvent[] {
  return recentDeploys(c).map((d) => {
    const details = deployDetails(d);
    return {
      time: d.time,
      node: c.environment,
      source: 'deploy',
      summary: `calvin deploy${details ? `: ${details}` : ''}`,
    };
  });
}

export interface InstanceChanges {
  appeared: AppearedGroup[];
  vanished: AppearedGroup[];
  replaced: Replacement[];
  /** Service restarts the logs show (log-restarts.ts). */
  restarts?: LogRestart[];
}

/** Every change the summary may line an anomaly up with. */
export function changesOf(c: Collected, seen: InstanceChanges, anomalies: FoundAnomaly[]): Change[] {
  const clock = (t: string): string => formatClock(t, c.window.to);
  const deploys = recentDeploys(c).map((d): Change => {
    const details = deployDetails(d);
    return {
      time: d.time,
      kind: 'deploy',
      label: `calvin deploy at ${clock(d.time)}${details ? ` (${details})` : ''}`,
    };
  });
  const swapped = new Set(seen.replaced.flatMap((r) => [r.from, r.to]));
  const instances = seen.appeared
    .filter((g) => !swapped.has(g))
    .map((g): Change => {
      const n = g.nodes.length;
      const version = g.version ? ` (${g.version})` : '';
      return { time: g.time, kind: 'appeared', label: `${n} new instance${n === 1 ? '' : 's'}${version} appeared` };
    });
  const gone = seen.vanished
    .filter((g) => !swapped.has(g))
    .map((g): Change => {
      const n = g.nodes.length;
      const version = g.version ? ` (${g.version})` : '';
      return { time: g.time, kind: 'vanished', label: `${n} instance${n === 1 ? '' : 's'}${version} vanished` };
    });
  const swaps = seen.replaced.map((r): Change => ({ time: r.time, kind: 'replaced', label: replacementText(r) }));
  const reboots = anomalies
    .filter((a) => a.anomaly.signal === 'system.uptime' && a.anomaly.since)
    .map(
      (a): Change => ({
        time: a.anomaly.since as string,
        kind: 'reboot',
        label: `${a.host} restarted`,
        host: a.host,
      }),
    );
  const restarts = (seen.restarts ?? []).map(
    (r): Change => ({ time: r.time, kind: 'restart', label: `${r.host} restarted`, note: ' (log)', host: r.host }),
  );
  return [...deploys, ...swaps, ...instances, ...gone, ...reboots, ...restarts].sort((a, b) =>
    a.time.localeCompare(b.time),
  );
}

/**
 * The change closest before the first anomaly (a reboot is a change, not the onset), within ten
 * minutes before it or two buckets after it (a bucket's start is earlier than what happened in it).
 */
export function alignedChange(c: Collected, anomalies: FoundAnomaly[], changes: Change[]): string | null {
  const starts = anomalies.flatMap((a) =>
    a.anomaly.since && a.anomaly.signal !== 'system.uptime' ? [{ at: Date.parse(a.anomaly.since), host: a.host }] : [],
  );
  if (starts.length === 0 || changes.length === 0) return null;
  const first = starts.reduce((a, b) => (b.at < a.at ? b : a));
  const onset = first.at;
  const after = 2 * c.bucketMs + MINUTE;
  const near = changes
    .filter((ch) => {
      const lead = onset - Date.parse(ch.time);
      return lead <= Math.max(BEFORE_MS, c.bucketMs) && lead >= -after;
    })
    // A change on the anomalous node itself explains it before one of the whole environment.
    .sort(
      (a, b) =>
        Number(b.host === first.host) - Number(a.host === first.host) ||
        Math.abs(onset - Date.parse(a.time)) - Math.abs(onset - Date.parse(b.time)),
    )[0];
  if (!near) return null;
  const lead = onset - Date.parse(near.time);
  const at = `${formatClock(near.time, c.window.to)}${near.note ?? ''}`;
  if (lead < MINUTE) return near.kind === 'deploy' ? `began with ${near.label}` : `began as ${near.label} at ${at}`;
  const minutes = Math.round(lead / MINUTE);
  return `began ${minutes} min after ${near.kind === 'deploy' ? near.label : `${near.label} at ${at}`}`;
}
