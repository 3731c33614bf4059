/**
 * Charts of a snapshot as inline SVG: the one call site of the report's chart model, so serve's
 * pages draw exactly what the HTML report draws.
 */
import type { ChartSeries } from '../diagnose/charts.js';
import type { Diagnosis } from '../diagnose/types.js';
import { chartSpecs, renderChartSvg } from '../report/chart/index.js';

export function chartSvgs(
  diagnosis: Diagnosis,
  charts: readonly ChartSeries[],
): { label: string; svg: string; description: string }[] {
  return chartSpecs(diagnosis, charts).map((spec, i) => ({
    label: `${charts[i]?.node ?? ''} · ${charts[i]?.label ?? ''}`,
    svg: renderChartSvg(spec),
    description: spec.description,
  }));
}
