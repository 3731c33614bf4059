/**
 * A chart as a table, for formats that cannot draw (markdown in chat and tickets): the points that
 * tell the story (before the window, its start, the peak, the end), the baseline band, the
 * thresholds and when each was crossed, and the onset. Cells are plain text; the caller escapes them.
 */
import { chartValue, known } from './describe.js';
import { clockIn } from './time-axis.js';
import type { ChartSpec } from './types.js';

export interface ChartTableRow {
  what: string;
  time: string;
  value: string;
}

export function chartTable(spec: ChartSpec, timeZone: string): ChartTableRow[] {
  const clock = clockIn(timeZone);
  const precise = spec.y.zoom !== undefined;
  const v = (n: number): string => chartValue(n, spec.unit, precise);
  const values = known(spec.series);
  if (values.length === 0) return [];
  const rows: ChartTableRow[] = [];
  const before = values.filter((p) => p.t < spec.windowFrom);
  const inWindow = values.filter((p) => p.t >= spec.windowFrom);
  const first = before[0];
  if (first) rows.push({ what: 'before the window', time: clock(first.t), value: v(first.value) });
  const start = inWindow[0];
  if (start) rows.push({ what: 'window start', time: clock(start.t), value: v(start.value) });
  const peak = values.reduce((a, b) => (b.value > a.value ? b : a));
  rows.push({ what: spec.kind === 'bars' ? 'most in one bucket' : 'peak', time: clock(peak.t), value: v(peak.value) });
  const last = values[values.length - 1] as { t: number; value: number };
  rows.push({ what: 'end', time: clock(last.t), value: v(last.value) });
  if (spec.band) {
    const spread = chartValue((spec.band.high - spec.band.low) / 2, spec.unit, true);
    rows.push({ what: 'baseline (median ± deviation)', time: '–', value: `${v(spec.band.center)} ± ${spread}` });
  }
  for (const t of spec.thresholds) {
    const crossing = values.find((p) => p.value >= t.value);
    const time = t.crossed && crossing ? `crossed ${clock(crossing.t)}` : 'not crossed';
    rows.push({ what: `${t.level} threshold`, time, value: v(t.value) });
  }
  for (const m of spec.markers)
    rows.push({ what: m.kind === 'since' ? 'anomaly since' : `new error: ${m.label}`, time: clock(m.t), value: '–' });
  return rows;
}
