/**
 * Charts of a snapshot as inline SVG: the one call site of the report's chart function, so serve's
 * pages draw exactly what the HTML report draws.
 */
import type { ChartSeries } from '../diagnose/charts.js';
import { formatChartValue } from '../report/model.js';
import { svgLineChart } from '../report/svg-chart.js';

export function chartSvgs(charts: readonly ChartSeries[]): { label: string; svg: string }[] {
  return charts.map((ch) => ({
    label: `${ch.node} · ${ch.label}`,
    svg: svgLineChart(ch.points, { title: `${ch.node} · ${ch.label}`, format: (v) => formatChartValue(v, ch.unit) }),
  }));
}
