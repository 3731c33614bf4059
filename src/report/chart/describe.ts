/** The words of a chart: what a screen reader hears and what text formats print instead of a drawing. Pure. */
import type { ChartPoint, ChartSpec } from './types.js';
import { clockIn } from './time-axis.js';
import { suffix } from './y-range.js';

/** A value as the chart's axis shows it; percent gets a decimal on a zoomed axis. */
export function chartValue(value: number, unit: string, precise = false): string {
  if (unit === 'percent') return `${precise ? value.toFixed(1) : Math.round(value)}%`;
  const abs = Math.abs(value);
  const scaled = abs >= 1e9 ? [1e9, 'G'] : abs >= 1e6 ? [1e6, 'M'] : abs >= 1e4 ? [1e3, 'k'] : [1, ''];
  const [div, unitPrefix] = scaled as [number, string];
  return `${Math.round((value / div) * 10) / 10}${unitPrefix}${suffix(unit)}`;
}

/** The points that have a value. */
export function known(points: readonly ChartPoint[]): { t: number; value: number }[] {
  return points.filter((p): p is { t: number; value: number } => p.value !== null);
}

export function describeChart(spec: Omit<ChartSpec, 'description'>, timeZone: string): string {
  const clock = clockIn(timeZone);
  const precise = spec.y.zoom !== undefined;
  const v = (n: number): string => chartValue(n, spec.unit, precise);
  const values = known(spec.series);
  const span = `${clock(spec.x.from)}–${clock(spec.x.to)} ${spec.x.zone}`;
  const out: string[] = [];
  if (values.length === 0) return `${spec.label} on ${spec.node}, ${span}: no data.`;
  const peak = values.reduce((a, b) => (b.value > a.value ? b : a));
  if (spec.kind === 'bars') {
    const total = values.reduce((n, p) => n + p.value, 0);
    const minutes = Math.round(spec.bucketMs / 60_000);
    out.push(
      `${spec.label} per ${minutes} min on ${spec.node}, ${span}: ${Math.round(total).toLocaleString('en-US')} ` +
        `in all, ` +
        `peak ${v(peak.value)} at ${clock(peak.t)}.`,
    );
  } else {
    const before = known(spec.series.filter((p) => p.t < spec.windowFrom));
    const start = before[0] ?? values[0];
    const last = values[values.length - 1];
    out.push(
      `${spec.label} on ${spec.node}, ${span}: ${v(start?.value ?? 0)} at ${clock(start?.t ?? spec.x.from)}, ` +
        `${v(last?.value ?? 0)} at ${clock(last?.t ?? spec.x.to)}, peak ${v(peak.value)} at ${clock(peak.t)}.`,
    );
  }
  if (spec.band)
    out.push(`Baseline ${v(spec.band.center)} ± ${chartValue(spec.band.high - spec.band.center, spec.unit, true)}.`);
  for (const t of spec.thresholds) {
    const at = values.find((p) => p.value >= t.value);
    out.push(
      at
        ? `${capital(t.level)} threshold ${v(t.value)} crossed at ${clock(at.t)}.`
        : `${capital(t.level)} threshold ${v(t.value)} not reached.`,
    );
  }
  for (const m of spec.markers)
    out.push(m.kind === 'since' ? `Anomaly since ${clock(m.t)}.` : `New error '${m.label}' first at ${clock(m.t)}.`);
  const peers = spec.peers.flatMap((p) => {
    const last = known(p.points).at(-1);
    return last ? [`${p.node} ${v(last.value)}`] : [];
  });
  if (peers.length > 0) out.push(`Peers at the end: ${peers.join(', ')}.`);
  if (spec.y.zoom) out.push(`Y axis ${spec.y.zoom}.`);
  return out.join(' ');
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
