import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yAxis } from '../../../../src/report/chart/y-range.js';

describe('the y axis of a chart', () => {
  it('puts percent on 0–100 when the data spans enough of it', () => {
    const axis = yAxis([59, 78, 100, 90], 'percent');
    expect([axis.min, axis.max, axis.zoom]).toEqual([0, 100, undefined]);
    expect(axis.ticks.map((t) => t.label)).toContain('80%');
  });

  it('zooms a percent chart whose data would be a flat line, and says so', () => {
    const axis = yAxis([99.1, 99.4, 99.9], 'percent');
    expect(axis.min).toBeGreaterThan(90);
    expect(axis.max).toBe(100);
    expect(axis.zoom).toMatch(/^zoomed to \d+(\.\d)?%–100(\.0)?%$/);
  });

  it('gives a flat series a minimum span instead of one label twice', () => {
    const axis = yAxis([100, 100, 100], 'percent');
    expect(axis.max - axis.min).toBeGreaterThanOrEqual(2);
    expect(new Set(axis.ticks.map((t) => t.label)).size).toBe(axis.ticks.length);
  });

  it('starts counts at zero', () => {
    expect(yAxis([3, 6, 4], 'count').min).toBe(0);
    expect(yAxis([0, 0], 'count').max).toBeGreaterThan(0);
  });

  it('never shows two equal axis labels, whatever the data and unit', () => {
    const values = fc.array(fc.double({ min: -1e10, max: 1e10, noNaN: true }), { minLength: 1, maxLength: 20 });
    const unit = fc.constantFrom('percent', 'count', 'bytes', 'seconds', 'short');
    fc.assert(
      fc.property(values, unit, (vs, u) => {
        const data = u === 'percent' ? vs.map((v) => Math.abs(v) % 100) : u === 'count' ? vs.map(Math.abs) : vs;
        const axis = yAxis(data, u);
        const labels = axis.ticks.map((t) => t.label);
        expect(labels.length).toBeGreaterThanOrEqual(2);
        expect(new Set(labels).size).toBe(labels.length);
        for (const v of data) expect(v >= axis.min && v <= axis.max).toBe(true);
      }),
    );
  });
});
