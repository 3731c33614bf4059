/**
 * Side-by-side analysis of versions during a rollout: each signal's per-bucket values (and the error
 * rate per log bucket) of the newest version against the version before it, with Mann–Whitney U and
 * its effect size. Verdict: the new version is worse (its instances fail, the old ones do not), or it
 * is not the version (both fail alike), or nothing tells them apart. Pure.
 */
import type { Collected, WatchedSignal } from './collected.js';
import { formatCount } from './format.js';
import type { LabelGroup } from './log-analysis.js';
import { mannWhitney } from './mann-whitney.js';
import { readingsOf } from './metric-analysis.js';
import { round } from './stats.js';
import type { InstanceReport, Rollout, RolloutVerdict, SignalComparison, VersionGroup } from './types.js';
import { compareVersions } from './versions.js';

export type { Rollout, RolloutVerdict, SignalComparison, VersionGroup } from './types.js';

const SIGNIFICANT_P = 0.01;
const LARGE_EFFECT = 0.5;
const UNVERSIONED = 'unknown';

function windowValues(c: Collected, signal: WatchedSignal, nodes: Set<string>): number[] {
  return c.metrics
    .filter((s) => s.signal === signal.name && nodes.has(s.host))
    .flatMap((s) =>
      readingsOf(
        signal,
        s.points.filter((p) => p.time >= c.window.from),
      ),
    )
    .flatMap((p) => (p.value === null ? [] : [p.value]));
}

/** Errors per log bucket, from each instance's first log line on (before it, it did not serve). */
function errorBuckets(c: Collected, nodes: Set<string>): number[] {
  return c.logs.hosts
    .filter((h) => nodes.has(h.host))
    .flatMap((h) => {
      const first = h.buckets.findIndex((b) => b.total > 0);
      return first < 0 ? [] : h.buckets.slice(first).map((b) => b.errors);
    });
}

/** The rollout of a diagnosis when its instances run more than one version (or always, when forced). */
export function analyzeRollout(
  c: Collected,
  instances: InstanceReport[],
  labels: LabelGroup[],
  force: boolean,
): Rollout | null {
  const byVersion = new Map<string, VersionGroup>();
  for (const i of c.instances) {
    const version = i.version ?? UNVERSIONED;
    const g = byVersion.get(version) ?? { version, nodes: [], unhealthy: [] };
    if (!g.nodes.includes(i.node)) g.nodes.push(i.node);
    const report = instances.find((r) => r.node === i.node);
    if (report && report.status !== 'healthy' && !g.unhealthy.includes(i.node)) g.unhealthy.push(i.node);
    byVersion.set(version, g);
  }
  const versions = [...byVersion.values()].sort((a, b) => compareVersions(a.version, b.version));
  const known = versions.filter((v) => v.version !== UNVERSIONED);
  if (known.length < 2)
    return force && versions.length > 0 ? { versions, comparisons: [], verdict: 'single-version' } : null;
  const newer = known[known.length - 1] as VersionGroup;
  const older = known[known.length - 2] as VersionGroup;
  const a = new Set(newer.nodes);
  const b = new Set(older.nodes);
  const comparisons: SignalComparison[] = [];
  const compare = (signal: string, x: number[], y: number[], higherIsWorse: boolean): void => {
    const test = mannWhitney(x, y);
    if (!test) return;
    const effect = round(higherIsWorse ? test.effect : -test.effect, 2);
    comparisons.push({ signal, newer: newer.version, older: older.version, u: test.u, p: round(test.p, 4), effect });
  };
  compare('log.errors', errorBuckets(c, a), errorBuckets(c, b), true);
  for (const signal of c.signals) {
    if (signal.name === 'system.uptime') continue;
    compare(signal.name, windowValues(c, signal, a), windowValues(c, signal, b), signal.worseWhen !== 'lower');
  }
  const worse = comparisons.filter((s) => s.p < SIGNIFICANT_P && s.effect >= LARGE_EFFECT);
  const share = (g: VersionGroup): number => g.unhealthy.length / Math.max(1, g.nodes.length);
  let verdict: RolloutVerdict = 'no-difference';
  // More than half of the new version's instances must fail: one bad node among healthy peers on the
  // same image is that node's problem, not the version's (a single canary instance still counts).
  if (worse.length > 0 && share(newer) > 0.5 && share(older) <= 0.25) verdict = 'new-version-worse';
  else if (share(newer) > 0 && share(older) > 0 && Math.abs(share(newer) - share(older)) <= 0.5)
    verdict = 'not-the-version';
  const rollout: Rollout = { versions, comparisons, verdict };
  if (verdict === 'new-version-worse') {
    const top = labels
      .map((l) => ({ l, n: newer.nodes.reduce((s, node) => s + (l.hosts.get(node) ?? 0), 0) }))
      .filter((x) => x.n > 0)
      .sort((x, y) => y.n - x.n)[0];
    if (top) rollout.evidence = `'${top.l.label}' ×${formatCount(Math.round(top.n / newer.nodes.length))}/instance`;
  }
  return rollout;
}

/** "instances on 1.3.0 fail ('NPE' ×89/instance) while 1.2.0 instances are healthy". */
export function rolloutSentence(r: Rollout): string | null {
  const known = r.versions.filter((v) => v.version !== UNVERSIONED);
  const newer = known[known.length - 1];
  const older = known[known.length - 2];
  if (!newer || !older) return null;
  if (r.verdict === 'new-version-worse') {
    const evidence = r.evidence ? ` (${r.evidence})` : '';
    return `instances on ${newer.version} fail${evidence} while ${older.version} instances are healthy`;
  }
  if (r.verdict === 'not-the-version')
    return `not the version: ${older.version} and ${newer.version} instances fail alike`;
  return null;
}
