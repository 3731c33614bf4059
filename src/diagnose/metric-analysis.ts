/**
 * Metric anomalies of each instance: against its own baseline window (robust z-score), against its
 * peers in the same window, and against the signal's warning/critical thresholds. Pure.
 */
import type { MetricInputs, SeriesPoint, SignalSeries, WatchedSignal } from './collected.js';
import { formatClock, formatValue } from './format.js';
import { median, robustZ, round, scaledMad } from './stats.js';
import type { FoundAnomaly, TimelineEvent } from './found.js';

const Z_ANOMALY = 4;

interface Evaluated {
  host: string;
  split: string | undefined;
  signal: WatchedSignal;
  recent: number;
  peak: { value: number; time: string };
  baselineValues: number[];
  windowPoints: SeriesPoint[];
  allPoints: SeriesPoint[];
}

export interface MetricFindings {
  anomalies: FoundAnomaly[];
  events: TimelineEvent[];
  /** Per host and signal label: window values for sparklines. */
  series: SignalSeries[];
}

/**
 * A series in the signal's reading direction (`invert` turns idle CPU into used CPU), non-finite
 * values as gaps: what the analysis, the charts and the rollout comparison all read.
 */
export function readingsOf(signal: WatchedSignal, points: readonly SeriesPoint[]): SeriesPoint[] {
  return points.map((p) => ({
    time: p.time,
    value:
      p.value === null || !Number.isFinite(p.value)
        ? null
        : signal.invert !== undefined
          ? signal.invert - p.value
          : p.value,
  }));
}

/**
 * Points in time order, and split at `from` into the baseline before it and the window from it;
 * each time parsed once (in the sort's comparator it was parsed n log n times, per series).
 */
export function splitAt(
  readings: readonly SeriesPoint[],
  from: number,
): { points: SeriesPoint[]; windowPoints: SeriesPoint[]; baselinePoints: SeriesPoint[] } {
  const timed = readings.map((p) => ({ p, t: Date.parse(p.time) })).sort((a, b) => a.t - b.t);
  const points = timed.map((x) => x.p);
  const windowPoints = timed.flatMap((x) => (x.t >= from ? [x.p] : []));
  const baselinePoints = timed.flatMap((x) => (x.t < from ? [x.p] : []));
  return { points, windowPoints, baselinePoints };
}

export function analyzeMetrics(c: MetricInputs): MetricFindings {
  const windowFrom = Date.parse(c.window.from);
  const bySignal = new Map(c.signals.map((s) => [s.name, s]));
  const evaluated: Evaluated[] = [];
  const events: TimelineEvent[] = [];
  const anomalies: FoundAnomaly[] = [];
  for (const series of c.metrics) {
    const signal = bySignal.get(series.signal);
    if (!signal) continue;
    const { points, windowPoints, baselinePoints } = splitAt(readingsOf(signal, series.points), windowFrom);
    const windowValues = windowPoints.filter((p): p is { time: string; value: number } => p.value !== null);
    if (windowValues.length === 0) continue;
    if (signal.name === 'system.uptime') {
      const restart = restarts(series.host, windowValues, baselinePoints, c);
      if (restart) {
        anomalies.push(restart.anomaly);
        events.push(...restart.events);
      }
      continue;
    }
    const recent = median(windowValues.slice(-3).map((p) => p.value)) as number;
    const worse = signal.worseWhen === 'higher' ? 1 : -1;
    const peak = windowValues.reduce((a, b) => (worse * b.value > worse * a.value ? b : a));
    evaluated.push({
      host: series.host,
      split: series.split,
      signal,
      recent,
      peak: { value: peak.value, time: peak.time },
      baselineValues: baselinePoints.flatMap((p) => (p.value === null ? [] : [p.value])),
      windowPoints,
      allPoints: points,
    });
  }
  for (const item of evaluated) {
    const others = evaluated.filter(
      (o) => o.signal.name === item.signal.name && o.split === item.split && o.host !== item.host,
    );
    // Like with like: a recent value against the peers' recent values, a peak against their peaks.
    const found = judge(item, { recent: others.map((o) => o.recent), peak: others.map((o) => o.peak.value) }, c);
    if (found) anomalies.push(found);
  }
  return { anomalies, events, series: c.metrics };
}

function minSpread(signal: WatchedSignal, center: number): number {
  return signal.unit === 'percent' ? 2 : Math.max(Math.abs(center) * 0.1, 1e-3);
}

function minDelta(signal: WatchedSignal, center: number): number {
  return signal.unit === 'percent' ? 10 : Math.max(Math.abs(center) * 0.5, 1e-3);
}

function thresholdLevel(signal: WatchedSignal, value: number): { level: 'critical' | 'warning'; limit: number } | null {
  const worse = (limit: number): boolean => (signal.worseWhen === 'higher' ? value >= limit : value <= limit);
  if (signal.critical !== undefined && worse(signal.critical)) return { level: 'critical', limit: signal.critical };
  if (signal.warning !== undefined && worse(signal.warning)) return { level: 'warning', limit: signal.warning };
  return null;
}

function judge(item: Evaluated, allPeers: { recent: number[]; peak: number[] }, c: MetricInputs): FoundAnomaly | null {
  const { signal } = item;
  const worse = signal.worseWhen === 'higher' ? 1 : -1;
  const baselineCenter = median(item.baselineValues);
  const reference = baselineCenter ?? item.recent;
  const spread = minSpread(signal, reference);
  const delta = minDelta(signal, reference);

  const assess = (
    value: number,
    peers: number[],
  ): { score: number; self: number; peer: number; threshold: ReturnType<typeof thresholdLevel> } => {
    const peerCenter = median(peers);
    const self = item.baselineValues.length >= 3 ? robustZ(value, item.baselineValues, spread) : null;
    const selfZ = self && Math.abs(value - self.center) >= delta ? worse * self.z : 0;
    const peerSpread = peers.length >= 2 ? Math.max(scaledMad(peers) ?? 0, spread) : 0;
    const peerZ =
      peerCenter !== null && peers.length >= 2 && Math.abs(value - peerCenter) >= delta
        ? (worse * (value - peerCenter)) / peerSpread
        : 0;
    const threshold = thresholdLevel(signal, value);
    let score = 0;
    if (selfZ >= Z_ANOMALY) score = 4 + Math.min(4, (selfZ - Z_ANOMALY) / 4);
    // Peers alone flag an instance only when it has no baseline of its own to compare with.
    else if (self === null && peerZ >= Z_ANOMALY) score = 4;
    if (score > 0 && peerZ >= Z_ANOMALY) score += 1;
    if (threshold) score = Math.max(score, threshold.level === 'critical' ? 9 : 6);
    return { score: Math.min(10, score), self: selfZ, peer: peerZ, threshold };
  };

  const now = assess(item.recent, allPeers.recent);
  const atPeak = assess(item.peak.value, allPeers.peak);
  const usePeak = now.score === 0 && atPeak.score > 0;
  const chosen = usePeak ? { ...atPeak, score: Math.max(1, atPeak.score - 2) } : now;
  if (chosen.score === 0) return null;
  const value = usePeak ? item.peak.value : item.recent;

  const crossing = Math.min(
    ...[
      baselineCenter === null
        ? Infinity
        : worse * baselineCenter + Math.max(3 * Math.max(scaledMad(item.baselineValues) ?? 0, spread), delta),
      chosen.threshold ? worse * chosen.threshold.limit : Infinity,
    ],
  );
  // The run that crosses the boundary started where the values first left their usual band.
  const band =
    baselineCenter === null
      ? crossing
      : worse * baselineCenter +
        3 * Math.max(scaledMad(item.baselineValues) ?? 0, Math.abs(baselineCenter) * 0.01, 1e-6);
  const since = usePeak
    ? (item.windowPoints.find((p) => p.value !== null && worse * p.value >= Math.min(crossing, worse * item.peak.value))
        ?.time ?? item.peak.time)
    : sinceCrossing(
        item.allPoints,
        (v) => worse * v >= crossing,
        (v) => worse * v > band,
      );
  const label = signalLabel(signal, item.split);
  const fmt = (v: number): string => formatValue(v, signal.unit);
  const peerCenter = median(usePeak ? allPeers.peak : allPeers.recent);
  const context = [
    baselineCenter !== null ? `baseline ${fmt(baselineCenter)}` : null,
    peerCenter !== null ? `peers ${fmt(peerCenter)}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  const headline = usePeak
    ? `${label} peaked at ${fmt(value)} at ${formatClock(item.peak.time, c.window.to)}`
    : `${label} ${fmt(value)}${context ? ` (${context.split(', ')[0]})` : ''}`;
  const reasons = [
    chosen.threshold ? `${chosen.threshold.level} threshold ${fmt(chosen.threshold.limit)} crossed` : null,
    chosen.self >= Z_ANOMALY ? `${round(chosen.self)} robust deviations from its baseline` : null,
    chosen.peer >= Z_ANOMALY ? `${round(chosen.peer)} from its peers` : null,
  ].filter(Boolean);
  const because = reasons.length ? `: ${reasons.join('; ')}` : '';
  return {
    host: item.host,
    anomaly: {
      source: 'metrics',
      signal: item.split ? `${signal.name}:${item.split}` : signal.name,
      score: round(chosen.score),
      value: round(value, 2),
      baseline: baselineCenter === null ? null : round(baselineCenter, 2),
      since,
      evidence: `${label} ${fmt(value)}${context ? ` (${context})` : ''}${because}`,
    },
    headline,
    measurement: signal.measurement,
  };
}

/**
 * Start of the last run of points meeting `bad` (gaps tolerated), extended backwards while the
 * points are still `outside` the usual band.
 */
function sinceCrossing(
  points: SeriesPoint[],
  bad: (v: number) => boolean,
  outside: (v: number) => boolean,
): string | null {
  let start = -1;
  for (let i = points.length - 1; i >= 0; i -= 1) {
    const p = points[i] as SeriesPoint;
    if (p.value === null) continue;
    if (!bad(p.value)) break;
    start = i;
  }
  if (start < 0) return null;
  for (let i = start - 1; i >= 0; i -= 1) {
    const p = points[i] as SeriesPoint;
    if (p.value === null) continue;
    if (!outside(p.value)) break;
    start = i;
  }
  return (points[start] as SeriesPoint).time;
}

/** The timeline's words for an uptime reset (log-restarts.ts leaves out a log restart at the same time). */
export const UPTIME_RESET = 'restarted (uptime reset)';

/** Uptime going down between two buckets means the host (or its agent) restarted. */
function restarts(
  host: string,
  windowValues: { time: string; value: number }[],
  baselinePoints: SeriesPoint[],
  c: MetricInputs,
): { anomaly: FoundAnomaly; events: TimelineEvent[] } | null {
  const drops: string[] = [];
  for (let i = 1; i < windowValues.length; i += 1) {
    const prev = windowValues[i - 1] as { value: number };
    const cur = windowValues[i] as { time: string; value: number };
    if (cur.value + 1 < prev.value) drops.push(cur.time);
  }
  if (drops.length === 0) return null;
  const baselineValues = baselinePoints.flatMap((p) => (p.value === null ? [] : [p.value]));
  let baselineDrops = 0;
  for (let i = 1; i < baselineValues.length; i += 1)
    if ((baselineValues[i] as number) + 1 < (baselineValues[i - 1] as number)) baselineDrops += 1;
  const n = drops.length;
  const headline = `restarted ${n} time${n === 1 ? '' : 's'} (uptime reset)`;
  return {
    anomaly: {
      host,
      anomaly: {
        source: 'metrics',
        signal: 'system.uptime',
        score: Math.min(9, 5 + n),
        value: n,
        baseline: baselineDrops,
        since: drops[0] ?? null,
        evidence:
          `${headline}, last at ${formatClock(drops[n - 1] as string, c.window.to)}; ${baselineDrops} ` +
          `in the baseline`,
      },
      headline,
      measurement: 'system',
    },
    events: drops.map((time) => ({ time, node: host, source: 'metrics', summary: UPTIME_RESET })),
  };
}

/** "Disk used (fullest mount)" split by path reads "Disk used /srv". */
export function signalLabel(signal: WatchedSignal, split: string | undefined): string {
  return split === undefined ? signal.title : `${signal.title.replace(/\s*\([^)]*\)$/, '')} ${split}`;
}
