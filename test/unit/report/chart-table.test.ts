import { describe, expect, it } from 'vitest';
import { chartTable } from '../../../src/report/chart/table.js';
import type { ChartSpec } from '../../../src/report/chart/types.js';

const base: ChartSpec = {
  id: 'c',
  node: 'nexus-02',
  label: 'disk /srv',
  unit: 'percent',
  kind: 'line',
  title: 'disk',
  description: '',
  x: { from: 0, to: 3_600_000, ticks: [], zone: 'UTC' },
  y: { min: 0, max: 100, ticks: [] },
  windowFrom: 1_800_000,
  bucketMs: 60_000,
  series: [
    { t: 0, value: 78 },
    { t: 1_800_000, value: 79 },
    { t: 2_400_000, value: 92 },
    { t: 3_000_000, value: 100 },
  ],
  peers: [],
  band: { center: 78, low: 77.5, high: 78.5 },
  thresholds: [
    { level: 'warning', value: 80, crossed: true },
    { level: 'critical', value: 90, crossed: true },
  ],
  markers: [{ kind: 'since', t: 2_400_000, label: 'since' }],
} as unknown as ChartSpec;

describe('chartTable', () => {
  it('tells the rise from 78% to 100% and the crossing of 90% as rows', () => {
    expect(chartTable(base, 'UTC')).toEqual([
      { what: 'before the window', time: '00:00', value: '78%' },
      { what: 'window start', time: '00:30', value: '79%' },
      { what: 'peak', time: '00:50', value: '100%' },
      { what: 'end', time: '00:50', value: '100%' },
      { what: 'baseline (median ± deviation)', time: '–', value: '78% ± 0.5%' },
      { what: 'warning threshold', time: 'crossed 00:40', value: '80%' },
      { what: 'critical threshold', time: 'crossed 00:40', value: '90%' },
      { what: 'anomaly since', time: '00:40', value: '–' },
    ]);
  });

  it('has no rows for a chart without data', () => {
    expect(chartTable({ ...base, series: [{ t: 0, value: null }] }, 'UTC')).toEqual([]);
  });
});
