/**
 * A chart spec drawn as one self-contained SVG (presentation attributes, no CSS or script needed):
 * baseline band, peers as thin grey lines, thresholds as labelled dashed lines, markers, the series
 * as a line or bars, a legend. Every text from a backend is escaped; output is deterministic. Pure.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { escapeHtml } from '../escape.js';
import { truncateWidth } from '../width.js';
import type { ChartPoint, ChartSpec } from './spec.js';
import { clockIn } from './time-axis.js';
import { chartValue } from './describe.js';

export const CHART_WIDTH = 360;
export const CHART_HEIGHT = 220;
const PLOT = { left: 44, right: 8, top: 44, bottom: 44 };
const INK = '#1f2328';
const MUTED = '#57606a';
const SERIES = '#0969da';
const PEER = '#6e7781';
const NEW = '#8250df';
const LEVEL = { warning: '#9a6700', critical: '#b3261e' } as const;
const DASH = { warning: '6 3', critical: '2 2' } as const;
const FONT = 'font-family="system-ui,-apple-system,Segoe UI,sans-serif"';
/** White halo behind labels drawn over lines, so they stay readable (and keep their contrast). */
const HALO = 'stroke="#fff" stroke-width="3" paint-order="stroke"';

/** Average width of a character of the 11 px labels, for placing them. */
const CHAR_WIDTH = 6.2;

const n = (v: number): string => String(Math.round(v * 10) / 10);

export function renderChartSvg(spec: ChartSpec): string {
  const W = CHART_WIDTH;
  const H = CHART_HEIGHT;
  const bottom = H - PLOT.bottom;
  const right = W - PLOT.right;
  const x = scaleLinear().domain([spec.x.from, spec.x.to]).range([PLOT.left, right]);
  const y = scaleLinear().domain([spec.y.min, spec.y.max]).range([bottom, PLOT.top]).clamp(true);
  const path = line<ChartPoint>()
    .defined((p) => p.value !== null)
    .x((p) => x(p.t))
    .y((p) => y(p.value as number))
    .digits(1);
  const clock = clockIn(spec.x.timeZone);
  const precise = spec.y.zoom !== undefined;
  const out: string[] = [];
  const ids = `${spec.id}-title ${spec.id}-desc`;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="${ids}" ${FONT} font-size="11">`,
    `<title id="${spec.id}-title">${escapeHtml(spec.title)}</title>`,
    `<desc id="${spec.id}-desc">${escapeHtml(spec.description)}</desc>`,
    `<text x="${PLOT.left}" y="13" font-size="12.5" font-weight="600" fill="${INK}">${escapeHtml(truncateWidth(spec.title, 46))}</text>`,
  );
  if (spec.y.zoom)
    out.push(`<text x="${PLOT.left}" y="28" fill="${MUTED}">${escapeHtml(`y axis ${spec.y.zoom}`)}</text>`);
  // Baseline shown for context, before the window, on a light ground.
  if (spec.windowFrom > spec.x.from)
    out.push(
      `<rect x="${PLOT.left}" y="${PLOT.top}" width="${n(x(spec.windowFrom) - PLOT.left)}" height="${bottom - PLOT.top}" fill="#f6f8fa"/>`,
      `<text x="${PLOT.left + 3}" y="${bottom - 4}" fill="${MUTED}">before the window</text>`,
    );
  for (const tick of spec.y.ticks)
    out.push(
      `<line x1="${PLOT.left}" x2="${right}" y1="${n(y(tick.value))}" y2="${n(y(tick.value))}" stroke="#d0d7de" stroke-width="0.5"/>`,
      `<text x="${PLOT.left - 4}" y="${n(y(tick.value) + 3)}" text-anchor="end" fill="${MUTED}">${escapeHtml(tick.label)}</text>`,
    );
  if (spec.band) {
    const top = y(spec.band.high);
    out.push(
      `<rect x="${PLOT.left}" y="${n(top)}" width="${right - PLOT.left}" height="${n(Math.max(1.5, y(spec.band.low) - top))}" fill="${SERIES}" fill-opacity="0.18"/>`,
    );
  }
  for (const peer of spec.peers)
    out.push(`<path d="${path(peer.points) ?? ''}" fill="none" stroke="${PEER}" stroke-width="1"/>`);
  for (const t of spec.thresholds) {
    const ty = n(y(t.value));
    out.push(
      `<line x1="${PLOT.left}" x2="${right}" y1="${ty}" y2="${ty}" stroke="${LEVEL[t.level]}" stroke-width="1.5" stroke-dasharray="${DASH[t.level]}"/>`,
      `<text x="${PLOT.left + 3}" y="${n(y(t.value) - 3)}" fill="${LEVEL[t.level]}" ${HALO}>${t.level} ${chartValue(t.value, spec.unit, precise)}</text>`,
    );
  }
  if (spec.kind === 'bars') {
    const width = Math.max(1, x(spec.x.from + spec.bucketMs) - x(spec.x.from) - 1);
    for (const p of spec.series)
      if (p.value !== null && p.value > 0)
        out.push(
          `<rect x="${n(x(p.t))}" y="${n(y(p.value))}" width="${n(width)}" height="${n(bottom - y(p.value))}" fill="${SERIES}"/>`,
        );
  } else {
    out.push(`<path d="${path(spec.series) ?? ''}" fill="none" stroke="${SERIES}" stroke-width="2.2"/>`);
  }
  // A marker before the chart's start (an anomaly older than the context shown) is told in the desc only.
  for (const m of spec.markers.filter((mk) => mk.t >= spec.x.from && mk.t <= spec.x.to)) {
    const mx = x(m.t);
    const text = m.kind === 'since' ? `since ${clock(m.t)}` : `new: ${truncateWidth(m.label, 24)}`;
    // A label that would run past the right edge goes to the left of its line.
    const anchor = mx + 3 + text.length * CHAR_WIDTH > right ? 'end' : 'start';
    const dx = anchor === 'end' ? -3 : 3;
    if (m.kind === 'since')
      out.push(
        `<line x1="${n(mx)}" x2="${n(mx)}" y1="${PLOT.top - 8}" y2="${bottom}" stroke="${INK}" stroke-width="1.2"/>`,
        `<text x="${n(mx + dx)}" y="${PLOT.top - 1}" text-anchor="${anchor}" fill="${INK}">${escapeHtml(text)}</text>`,
      );
    else
      out.push(
        `<line x1="${n(mx)}" x2="${n(mx)}" y1="${PLOT.top}" y2="${bottom}" stroke="${NEW}" stroke-width="1.2" stroke-dasharray="1 2"/>`,
        `<text x="${n(mx + dx)}" y="${PLOT.top + 10}" text-anchor="${anchor}" fill="${NEW}" ${HALO}>${escapeHtml(text)}</text>`,
      );
  }
  out.push(`<line x1="${PLOT.left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="${MUTED}" stroke-width="1"/>`);
  for (const tick of spec.x.ticks) {
    // Labels at the edges stay inside the drawing.
    const tx = x(tick.at);
    const anchor = tx > right - 14 ? 'end' : tx < PLOT.left + 14 ? 'start' : 'middle';
    out.push(
      `<text x="${n(tx)}" y="${bottom + 12}" text-anchor="${anchor}" fill="${MUTED}">${escapeHtml(tick.label)}</text>`,
    );
  }
  out.push(`<text x="${right}" y="${bottom + 24}" text-anchor="end" fill="${MUTED}">${escapeHtml(spec.x.zone)}</text>`);
  out.push(legend(spec, H - 6), '</svg>');
  return out.join('');
}

/** Samples and words (colour is never the only key): the series, peers, baseline band, thresholds. */
function legend(spec: ChartSpec, baseline: number): string {
  const items: [string, string][] = [];
  if (spec.peers.length > 0)
    items.push([`<line x1="0" x2="12" y1="-3" y2="-3" stroke="${PEER}" stroke-width="1"/>`, 'peers']);
  if (spec.band)
    items.push([`<rect x="0" y="-8" width="12" height="8" fill="${SERIES}" fill-opacity="0.18"/>`, 'baseline']);
  if (spec.thresholds.length > 0)
    items.push([
      `<line x1="0" x2="12" y1="-3" y2="-3" stroke="${LEVEL.critical}" stroke-width="1.5" stroke-dasharray="2 2"/>`,
      'thresholds',
    ]);
  // The node's name goes last: it is the one item of unknown length.
  items.push([
    spec.kind === 'bars'
      ? `<rect x="0" y="-7" width="10" height="8" fill="${SERIES}"/>`
      : `<line x1="0" x2="12" y1="-3" y2="-3" stroke="${SERIES}" stroke-width="2.2"/>`,
    truncateWidth(spec.node, 24),
  ]);
  let at = 4;
  const parts = items.map(([sample, word]) => {
    const part = `<g transform="translate(${at},${baseline})">${sample}<text x="16" y="0" fill="${INK}">${escapeHtml(word)}</text></g>`;
    at += 16 + word.length * CHAR_WIDTH + 12;
    return part;
  });
  return parts.join('');
}
