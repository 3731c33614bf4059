/**
 * The series worth drawing in a report (sparklines, SVG charts): the anomalous metric signals of each
 * node, and the error counts of nodes with log anomalies. Not part of the JSON contract. Pure.
 */
import type { Collected } from './collected.js';
import { signalLabel } from './metric-analysis.js';
import type { Diagnosis } from './types.js';

export interface ChartSeries {
  node: string;
  /** Anomaly signal, e.g. `disk.used_percent:/srv` or `log.errors`. */
  signal: string;
  label: string;
  unit: string;
  points: { time: string; value: number | null }[];
}

const MAX_CHARTS = 12;
/** Signals drawn per instance when none is anomalous (the first ones a service watches: CPU, memory, disk). */
const KEY_SIGNALS = 3;

export function keyCharts(c: Collected, d: Diagnosis): ChartSeries[] {
  const charts: ChartSeries[] = [];
  const windowFrom = Date.parse(c.window.from);
  for (const instance of d.instances) {
    for (const anomaly of instance.anomalies) {
      if (anomaly.source === 'metrics') {
        const [name, split] = splitSignal(anomaly.signal);
        const signal = c.signals.find((s) => s.name === name);
        const series = c.metrics.find(
          (m) => m.signal === name && m.host === instance.node && (m.split ?? '') === (split ?? ''),
        );
        if (!signal || !series) continue;
        charts.push({
          node: instance.node,
          signal: anomaly.signal,
          label: signalLabel(signal, split),
          unit: signal.unit,
          points: series.points
            .filter((p) => Date.parse(p.time) >= windowFrom)
            .map((p) => ({
              time: p.time,
              value: p.value === null ? null : signal.invert !== undefined ? signal.invert - p.value : p.value,
            })),
        });
      } else if (anomaly.source === 'logs') {
        const stats = c.logs.hosts.find((h) => h.host === instance.node);
        if (!stats || stats.buckets.length === 0) continue;
        charts.push({
          node: instance.node,
          signal: 'log.errors',
          label: 'errors',
          unit: 'count',
          points: stats.buckets.map((b) => ({ time: b.time, value: b.errors })),
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
          charts.push({
            node: instance.node,
            signal: series.split ? `${signal.name}:${series.split}` : signal.name,
            label: signalLabel(signal, series.split),
            unit: signal.unit,
            points: series.points
              .filter((p) => Date.parse(p.time) >= windowFrom)
              .map((p) => ({
                time: p.time,
                value: p.value === null ? null : signal.invert !== undefined ? signal.invert - p.value : p.value,
              })),
          });
        }
      }
    }
  }
  const seen = new Set<string>();
  return charts
    .filter((ch) =>
      seen.has(`${ch.node}\u0000${ch.signal}`) ? false : (seen.add(`${ch.node}\u0000${ch.signal}`), true),
    )
    .slice(0, MAX_CHARTS);
}

function splitSignal(signal: string): [string, string | undefined] {
  const i = signal.indexOf(':');
  return i < 0 ? [signal, undefined] : [signal.slice(0, i), signal.slice(i + 1)];
}
