/**
 * The y-axis of a chart, fitted to the unit: percent on 0–100 unless the data needs a zoom (then
 * labelled as such), anything else on padded min/max with a minimum span. Tick labels are never
 * equal: d3's tick format takes its precision from the tick step. Pure.
 */
import { scaleLinear } from 'd3-scale';

export interface YAxis {
  min: number;
  max: number;
  ticks: { value: number; label: string }[];
  /** Set when a percent chart is not on 0–100, e.g. `zoomed to 99–100%`. */
  zoom?: string;
}

/** Percent data spanning less than this (in points) is zoomed: on 0–100 it would be a flat line. */
const PERCENT_ZOOM_BELOW = 10;
const TICKS = 4;

export function yAxis(values: readonly number[], unit: string): YAxis {
  const finite = values.filter((v) => Number.isFinite(v));
  const lo = finite.length > 0 ? Math.min(...finite) : 0;
  const hi = finite.length > 0 ? Math.max(...finite) : 1;
  if (unit === 'percent' && lo >= 0 && hi <= 100 && hi - lo >= PERCENT_ZOOM_BELOW) return axis(0, 100, unit);
  const [from, to] = padded(lo, hi, unit);
  const result = axis(from, to, unit);
  if (unit === 'percent' && (result.min > 0 || result.max < 100))
    return { ...result, zoom: `zoomed to ${result.ticks[0]?.label}–${result.ticks.at(-1)?.label}` };
  return result;
}

/** min/max widened to a minimum span and padded by a tenth; counts and percents start at 0 when near it. */
function padded(lo: number, hi: number, unit: string): [number, number] {
  const magnitude = Math.max(Math.abs(lo), Math.abs(hi));
  const minSpan = unit === 'percent' ? 2 : unit === 'count' ? 5 : magnitude > 1e-6 ? magnitude * 0.1 : 1;
  let from = lo;
  let to = hi;
  if (to - from < minSpan) {
    const mid = (from + to) / 2;
    from = mid - minSpan / 2;
    to = mid + minSpan / 2;
  }
  const pad = (to - from) / 10;
  from -= pad;
  to += pad;
  if (unit === 'count' || (lo >= 0 && from < 0)) {
    to -= Math.min(0, from);
    from = Math.max(0, from);
  }
  if (unit === 'percent' && to > 100) {
    from = Math.max(0, from - (to - 100));
    to = 100;
  }
  if (unit === 'count') from = 0;
  return [from, to];
}

function axis(from: number, to: number, unit: string): YAxis {
  const scale = scaleLinear().domain([from, to]).nice(TICKS);
  const [min, max] = scale.domain() as [number, number];
  const ticks = scale.ticks(TICKS);
  const format = scale.tickFormat(TICKS, unit === 'percent' || unit === 'count' ? undefined : '~s');
  return { min, max, ticks: ticks.map((value) => ({ value, label: `${format(value)}${suffix(unit)}` })) };
}

export function suffix(unit: string): string {
  if (unit === 'percent') return '%';
  if (unit === 'seconds') return 's';
  if (unit === 'bytes') return 'B';
  return '';
}
