/**
 * The chart model of calvin's reports and pages.
 *
 *   const specs = chartSpecs(diagnosis, charts, { timeZone: 'Europe/Amsterdam' });
 *   const svg = renderChartSvg(specs[0]);   // self-contained <svg> with <title> and <desc>
 *
 * `charts` are the `ChartSeries` that `diagnose()` returns beside the diagnosis.
 */
export { chartSpec, chartSpecs, type ChartMarker, type ChartOptions, type ChartPoint, type ChartSpec } from './spec.js';
export { CHART_HEIGHT, CHART_WIDTH, renderChartSvg } from './svg.js';
export type { YAxis } from './y-range.js';
export type { TimeAxis } from './time-axis.js';
export { chartTable, type ChartTableRow } from './table.js';
