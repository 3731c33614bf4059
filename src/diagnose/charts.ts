/**
 * The series worth drawing in a report (sparklines, SVG charts): the anomalous metric signals of each
 * node, and the error counts of nodes with log anomalies. Not part of the JSON contract. Pure.
 */
import type { Collected, SeriesPoint, SignalSeries, WatchedSignal } from './collected.js';
import { readingsOf, signalLabel, splitAt } from './metric-analysis.js';
import { median, scaledMad } from './stats.js';
import { templateLabel, templateOf } from './templates.js';
import type { Anomaly, Diagnosis } from './types.js';

export interface ChartSeries {
  node: string;
  /** Anomaly signal, e.g. `disk.used_percent:/srv` or `log.errors`. */
  signal: string;
  label: string;
  unit: string;
  /** The window's points. */
  points: SeriesPoint[];
  /** Points of the baseline just before the window, so that a change shows against what came before. */
  before?: SeriesPoint[];
  /** The instance's own baseline: median and robust deviation (scaled MAD). */
  band?: { center: number; spread: number };
  /** The signal's alert thresholds, in the unit of the points. */
  thresholds?: { warning?: number; critical?: number };
  /** The same signal on the other instances, over the same time range as `before` + `points`. */
  peers?: { node: string; points: SeriesPoint[] }[];
  /** When the anomaly started. */
  since?: string;
  /** Moments worth a marker, e.g. where a new error message template first appears. */
  markers?: { time: string; label: string }[];
}

const MAX_CHARTS = 12;
/** Baseline shown before the window, as a share of the window's length. */
const CONTEXT_SHARE = 0.5;
/** A new template marks a log chart once it has been seen this often on the instance. */
const MIN_NEW_TEMPLATE = 5;
/** Signals drawn per instance when none is anomalous (the first ones a service watches: CPU, memory, disk). */
const KEY_SIGNALS = 3;

export function keyCharts(c: Collected, d: Diagnosis): ChartSeries[] {
  // Each chart is built only once it is among the first MAX_CHARTS of its (node, signal): a metric
  // chart reads every peer's series, and 50 instances with a few anomalies each made 100 of them.
  const charts: ChartSeries[] = [];
  const seen = new Set<string>();
  const add = (node: string, signal: string, build: () => ChartSeries | null): void => {
    const key = `${node}\u0000${signal}`;
    if (charts.length >= MAX_CHARTS || seen.has(key)) return;
    const chart = build();
    if (!chart) return;
    seen.add(key);
    charts.push(chart);
  };
  for (const instance of d.instances) {
    for (const anomaly of instance.anomalies) {
      if (anomaly.source === 'metrics') {
        add(instance.node, anomaly.signal, () => {
          const [name, split] = splitSignal(anomaly.signal);
          const signal = c.signals.find((s) => s.name === name);
          const series = c.metrics.find(
            (m) => m.signal === name && m.host === instance.node && (m.split ?? '') === (split ?? ''),
          );
          return signal && series ? metricChart(c, signal, series, anomaly) : null;
        });
      } else if (anomaly.source === 'logs') {
        add(instance.node, 'log.errors', () => {
          const stats = c.logs.hosts.find((h) => h.host === instance.node);
          if (!stats || stats.buckets.length === 0) return null;
          return {
            node: instance.node,
            signal: 'log.errors',
            label: 'errors',
            unit: 'count',
            points: stats.buckets.map((b) => ({ time: b.time, value: b.errors })),
            ...(anomaly.since ? { since: anomaly.since } : {}),
            markers: newTemplateMarkers(c, instance.node),
          };
        });
      }
    }
  }
  // Nothing anomalous to draw: the key signals of each instance, so a healthy report still shows
  // what "healthy" looked like.
  if (charts.length === 0) {
    const key = c.signals.filter((s) => s.name !== 'system.uptime').slice(0, KEY_SIGNALS);
    for (const instance of d.instances) {
      for (const signal of key) {
        for (const series of c.metrics.filter((m) => m.signal === signal.name && m.host === instance.node)) {
          add(instance.node, chartSignal(signal, series, null), () => metricChart(c, signal, series, null));
        }
      }
    }
  }
  return charts;
}

/** A chart's signal: the anomaly's, else the signal's name with its split (`disk.used_percent:/srv`). */
function chartSignal(signal: WatchedSignal, series: SignalSeries, anomaly: Anomaly | null): string {
  return anomaly?.signal ?? (series.split ? `${signal.name}:${series.split}` : signal.name);
}

function splitSignal(signal: string): [string, string | undefined] {
  const i = signal.indexOf(':');
  return i < 0 ? [signal, undefined] : [signal.slice(0, i), signal.slice(i + 1)];
}

function metricChart(c: Collected, signal: WatchedSignal, series: SignalSeries, anomaly: Anomaly | null): ChartSeries {
  const windowFrom = Date.parse(c.window.from);
  const context = (Date.parse(c.window.to) - windowFrom) * CONTEXT_SHARE;
  // An anomaly that started before the window gets baseline before its start too, so the change shows.
  const since = anomaly?.since ? Date.parse(anomaly.since) : Number.NaN;
  const contextFrom = Math.min(
    windowFrom - context,
    Number.isFinite(since) ? since - context : Number.POSITIVE_INFINITY,
  );
  const { windowPoints, baselinePoints: baseline } = splitAt(readingsOf(signal, series.points), windowFrom);
  const values = baseline.flatMap((p) => (p.value === null ? [] : [p.value]));
  const center = median(values);
  const spread = scaledMad(values);
  const shown = (p: SeriesPoint): boolean => Date.parse(p.time) >= contextFrom;
  const peers = c.metrics
    .filter((m) => m.signal === series.signal && (m.split ?? '') === (series.split ?? '') && m.host !== series.host)
    .filter((m) => c.instances.some((i) => i.node === m.host))
    .map((m) => ({ node: m.host, points: readingsOf(signal, m.points).filter(shown) }))
    .sort((a, b) => a.node.localeCompare(b.node));
  const thresholds = {
    ...(signal.warning !== undefined ? { warning: signal.warning } : {}),
    ...(signal.critical !== undefined ? { critical: signal.critical } : {}),
  };
  return {
    node: series.host,
    signal: chartSignal(signal, series, anomaly),
    label: signalLabel(signal, series.split),
    unit: signal.unit,
    points: windowPoints,
    before: baseline.filter(shown),
    ...(center !== null && spread !== null ? { band: { center, spread } } : {}),
    ...(Object.keys(thresholds).length > 0 ? { thresholds } : {}),
    peers,
    ...(anomaly?.since ? { since: anomaly.since } : {}),
  };
}

/** Where each error template absent from the baseline first appears among this node's errors. */
function newTemplateMarkers(c: Collected, node: string): { time: string; label: string }[] {
  const old = new Set(c.logs.baselineErrors.map((g) => templateOf(g.message)));
  const found = new Map<string, { time: string; count: number }>();
  for (const group of c.logs.windowErrors) {
    const here = group.hosts.find((h) => h.name === node)?.count ?? 0;
    const template = templateOf(group.message);
    if (here === 0 || old.has(template)) continue;
    const label = templateLabel(template);
    const seen = found.get(label);
    found.set(label, {
      time: seen && seen.time < group.first ? seen.time : group.first,
      count: (seen?.count ?? 0) + here,
    });
  }
  return [...found.entries()]
    .filter(([, v]) => v.count >= MIN_NEW_TEMPLATE)
    .map(([label, v]) => ({ time: v.time, label }))
    .sort((a, b) => a.time.localeCompare(b.time) || a.label.localeCompare(b.label));
}
