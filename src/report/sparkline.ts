import { suffix } from './chart/y-range.js';

/** ▁▂▃▄▅▆▇█ from a series (nulls are blanks), scaled to its own min..max. Pure. */
const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

export function sparkline(values: readonly (number | null)[], maxWidth = 40): string {
  const points = downsample(values, maxWidth);
  const finite = points.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length === 0) return '';
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  return points
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return ' ';
      if (max === min) return BARS[3];
      return BARS[Math.min(7, Math.floor(((v - min) / (max - min)) * 8))];
    })
    .join('');
}

/** Keeps at most `size` points by taking the maximum of each group (peaks matter in incidents). */
export function downsample(values: readonly (number | null)[], size: number): (number | null)[] {
  if (values.length <= size) return [...values];
  const out: (number | null)[] = [];
  for (let i = 0; i < size; i += 1) {
    const group = values
      .slice(Math.floor((i * values.length) / size), Math.floor(((i + 1) * values.length) / size))
      .filter((v): v is number => v !== null);
    out.push(group.length > 0 ? Math.max(...group) : null);
  }
  return out;
}

/**
 * A sparkline between its scale, `78% ▁▁▂▃▅▇██ 100%`: the lowest and highest value drawn, with as many
 * decimals as it takes for them to differ (99.1% and 99.9% are not both "99%"). Empty without data.
 */
export function scaledSparkline(values: readonly (number | null)[], unit: string, maxWidth = 40): string {
  const spark = sparkline(values, maxWidth);
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (spark === '' || finite.length === 0) return '';
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  if (lo === hi) return `${spark} flat at ${scaleLabel(lo, unit, 0)}`;
  // Enough decimals to show the span itself (99.1–99.9 %, not 99–100 %).
  let decimals = Math.min(3, Math.max(0, Math.ceil(-Math.log10((hi - lo) / divisor(Math.max(-lo, hi), unit)))));
  while (decimals < 3 && scaleLabel(lo, unit, decimals) === scaleLabel(hi, unit, decimals)) decimals += 1;
  return `${scaleLabel(lo, unit, decimals)} ${spark} ${scaleLabel(hi, unit, decimals)}`;
}

function divisor(value: number, unit: string): number {
  const abs = Math.abs(value);
  return unit === 'percent' || abs < 1e4 ? 1 : abs >= 1e9 ? 1e9 : abs >= 1e6 ? 1e6 : 1e3;
}

function scaleLabel(value: number, unit: string, decimals: number): string {
  const div = divisor(value, unit);
  const prefix = div === 1e9 ? 'G' : div === 1e6 ? 'M' : div === 1e3 ? 'k' : '';
  return `${(value / div).toFixed(div === 1 ? decimals : Math.max(1, decimals))}${prefix}${suffix(unit)}`;
}
