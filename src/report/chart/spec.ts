/**
 * The chart model shared by every report format and the pages of `calvin serve`: a diagnosis and
 * the series of its key signals become chart specs (plain data), which `renderChartSvg` draws and
 * the text formats describe. Pure: the same input gives the same spec.
 */
import type { ChartSeries } from '../../diagnose/charts.js';
import type { SeriesPoint } from '../../diagnose/collected.js';
import type { Diagnosis } from '../../diagnose/types.js';
import { describeChart } from './describe.js';
import { timeAxis } from './time-axis.js';
import { yAxis } from './y-range.js';

export type { ChartMarker, ChartOptions, ChartPoint, ChartSpec, ChartThreshold } from './types.js';
import type { ChartMarker, ChartOptions, ChartPoint, ChartSpec } from './types.js';

/** One spec per series, in the order the diagnosis gave them. */
export function chartSpecs(
  diagnosis: Diagnosis,
  charts: readonly ChartSeries[],
  options: ChartOptions = {},
): ChartSpec[] {
  return charts.map((chart, i) => chartSpec(diagnosis, chart, i, options));
}

export function chartSpec(
  diagnosis: Diagnosis,
  chart: ChartSeries,
  index: number,
  options: ChartOptions = {},
): ChartSpec {
  const series = toPoints([...(chart.before ?? []), ...chart.points]);
  const peers = (chart.peers ?? []).map((p) => ({ node: p.node, points: toPoints(p.points) }));
  const kind = chart.signal === 'log.errors' ? 'bars' : 'line';
  const bucketMs = stepOf(series);
  const times = [...series, ...peers.flatMap((p) => p.points)].map((p) => p.t);
  const windowFrom = Date.parse(diagnosis.window.from);
  const from = Math.min(...times, windowFrom);
  const windowTo = Date.parse(diagnosis.window.to);
  const to = Math.max(...times.map((t) => t + (kind === 'bars' ? bucketMs : 0)), from + 60_000, windowTo || 0);
  const band = chart.band
    ? {
        center: chart.band.center,
        low: chart.band.center - chart.band.spread,
        high: chart.band.center + chart.band.spread,
      }
    : undefined;
  const values = series.flatMap((p) => (p.value === null ? [] : [p.value]));
  const thresholds = (['warning', 'critical'] as const).flatMap((level) => {
    const value = chart.thresholds?.[level];
    return value === undefined ? [] : [{ level, value, crossed: values.some((v) => v >= value) }];
  });
  const y = yAxis(
    [
      ...values,
      ...peers.flatMap((p) => p.points.flatMap((q) => (q.value === null ? [] : [q.value]))),
      ...(band ? [band.low, band.high] : []),
      ...thresholds.map((t) => t.value),
    ],
    chart.unit,
  );
  const markers: ChartMarker[] = [
    ...(chart.since ? [{ kind: 'since' as const, t: Date.parse(chart.since), label: 'since' }] : []),
    ...(chart.markers ?? []).map((m) => ({ kind: 'new-template' as const, t: Date.parse(m.time), label: m.label })),
  ].filter((m) => Number.isFinite(m.t));
  const spec: Omit<ChartSpec, 'description'> = {
    id: `chart-${index + 1}-${slug(`${chart.node}-${chart.signal}`)}`,
    node: chart.node,
    label: chart.label,
    unit: chart.unit,
    kind,
    title: `${chart.node} · ${chart.label}`,
    x: timeAxis(from, to, options.timeZone ?? 'UTC'),
    y,
    windowFrom,
    bucketMs,
    series,
    peers,
    ...(band ? { band } : {}),
    thresholds,
    markers,
  };
  return { ...spec, description: describeChart(spec, options.timeZone ?? 'UTC') };
}

function toPoints(points: readonly SeriesPoint[]): ChartPoint[] {
  return points
    .map((p) => ({ t: Date.parse(p.time), value: p.value !== null && Number.isFinite(p.value) ? p.value : null }))
    .filter((p) => Number.isFinite(p.t))
    .sort((a, b) => a.t - b.t);
}

/** The most common gap between points (bars are drawn that wide). */
function stepOf(points: readonly ChartPoint[]): number {
  const gaps = new Map<number, number>();
  for (let i = 1; i < points.length; i += 1) {
    const gap = (points[i] as ChartPoint).t - (points[i - 1] as ChartPoint).t;
    if (gap > 0) gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
  }
  let best = 60_000;
  let seen = 0;
  for (const [gap, n] of gaps) if (n > seen || (n === seen && gap < best)) [best, seen] = [gap, n];
  return best;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'chart'
  );
}
