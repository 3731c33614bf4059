/** A small inline SVG line chart (no library, no CDN). Labels are escaped; output is deterministic. */
import { escapeHtml } from './escape.js';

export interface ChartOptions {
  width?: number;
  height?: number;
  title: string;
  /** Formats a y value for the axis labels. */
  format?: (value: number) => string;
}

function n(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

export function svgLineChart(points: readonly { time: string; value: number | null }[], options: ChartOptions): string {
  const width = options.width ?? 360;
  const height = options.height ?? 120;
  const pad = { left: 44, right: 8, top: 20, bottom: 18 };
  const fmt = options.format ?? ((v: number) => n(v));
  const valid = points.filter(
    (p): p is { time: string; value: number } => p.value !== null && Number.isFinite(p.value),
  );
  const title = `<text x="${pad.left}" y="13" class="t">${escapeHtml(options.title)}</text>`;
  if (valid.length === 0) {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">${title}<text x="${pad.left}" y="${height / 2}" class="a">no data</text></svg>`;
  }
  const times = valid.map((p) => Date.parse(p.time));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  let min = Math.min(...valid.map((p) => p.value));
  let max = Math.max(...valid.map((p) => p.value));
  if (max === min) {
    max += 1;
    min -= 1;
  }
  const x = (t: number): number => pad.left + (t1 === t0 ? 0 : ((t - t0) / (t1 - t0)) * (width - pad.left - pad.right));
  const y = (v: number): number => pad.top + (1 - (v - min) / (max - min)) * (height - pad.top - pad.bottom);
  // Gaps (null values) break the line into segments.
  const segments: string[] = [];
  let current: string[] = [];
  for (const p of points) {
    if (p.value === null || !Number.isFinite(p.value)) {
      if (current.length > 0) segments.push(current.join(' '));
      current = [];
      continue;
    }
    current.push(`${current.length === 0 ? 'M' : 'L'}${n(x(Date.parse(p.time)))},${n(y(p.value))}`);
  }
  if (current.length > 0) segments.push(current.join(' '));
  const clock = (t: number): string => new Date(t).toISOString().slice(11, 16);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">`,
    title,
    `<line x1="${pad.left}" y1="${height - pad.bottom}" x2="${width - pad.right}" y2="${height - pad.bottom}" class="ax"/>`,
    `<text x="${pad.left - 4}" y="${pad.top + 4}" class="a" text-anchor="end">${escapeHtml(fmt(max))}</text>`,
    `<text x="${pad.left - 4}" y="${height - pad.bottom}" class="a" text-anchor="end">${escapeHtml(fmt(min))}</text>`,
    `<text x="${pad.left}" y="${height - 4}" class="a">${clock(t0)}</text>`,
    `<text x="${width - pad.right}" y="${height - 4}" class="a" text-anchor="end">${clock(t1)}</text>`,
    ...segments.map((d) => `<path d="${d}" class="l"/>`),
    '</svg>',
  ].join('');
}
