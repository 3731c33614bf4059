import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/diagnose/analyze.js';
import { keyCharts } from '../../../src/diagnose/charts.js';
import type { Diagnosis } from '../../../src/diagnose/types.js';
import { diskFull, WINDOW } from './fixtures.js';

const c = diskFull();
const diagnosis = analyze(c, { now: () => 412 }, 0);

describe('the series a report charts', () => {
  it('gives an anomaly its baseline before the window, band, thresholds, peers and since', () => {
    const [disk] = keyCharts(c, diagnosis);
    expect(disk?.signal).toBe('disk.used_percent:/srv');
    expect(disk?.points[0]?.time).toBe(new Date(WINDOW.from).toISOString());
    expect(disk?.before?.[0]?.time).toBe('2026-11-23T09:30:00.000Z');
    expect(disk?.before?.every((p) => p.time < WINDOW.from.replace('Z', '.000Z'))).toBe(true);
    expect(disk?.band?.center).toBeCloseTo(61, 0);
    expect(disk?.band?.spread).toBeGreaterThan(0);
    expect(disk?.thresholds).toEqual({ warning: 85, critical: 95 });
    expect(disk?.peers?.map((p) => p.node)).toEqual(['nexus-01', 'nexus-03']);
    expect(disk?.since).toBe('2026-11-23T10:42:00.000Z');
  });

  it('marks where a new error template first appears on the instance', () => {
    const errors = keyCharts(c, diagnosis).find((ch) => ch.signal === 'log.errors');
    expect(errors?.markers).toEqual([{ time: '2026-11-23T10:42:10.000Z', label: 'No space left on device' }]);
  });

  it('shows baseline from before an anomaly that started before the window', () => {
    const early: Diagnosis = {
      ...diagnosis,
      instances: diagnosis.instances.map((i) => ({
        ...i,
        anomalies: i.anomalies.map((a) => (a.source === 'metrics' ? { ...a, since: '2026-11-23T08:00:00Z' } : a)),
      })),
    };
    const [disk] = keyCharts(c, early);
    expect(disk?.before?.[0]?.time).toBe('2026-11-23T07:30:00.000Z');
  });
});
