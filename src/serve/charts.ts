/**
 * Charts of a snapshot as inline SVG: the one call site of the report's chart function, so serve's
 * pages draw exactly what the HTML report draws.
 */
import type { ChartSeries } from '../diagnose/charts.js';
import { escapeHtml } from '../report/escape.js';
import { formatChartValue } from '../report/model.js';
import { svgLineChart } from '../report/svg-chart.js';

export function chartSvgs(charts: readonly ChartSeries[]): { label: string; svg: string }[] {
  return charts.map((ch) => {
    const label = `${ch.node} · ${ch.label}`;
    const svg = svgLineChart(ch.points, { title: label, format: (v) => formatChartValue(v, ch.unit) });
    // The chart is role="img": screen readers need its name on the element itself.
    return { label, svg: svg.replace('<svg ', `<svg aria-label="${escapeHtml(label)}" `) };
  });
}
