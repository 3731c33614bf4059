import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AlertDef, AlertTestCase } from '../../../src/define/types.js';
import {
  checkAlertCase,
  parseSeriesValues,
  simulateAlert,
  SeriesSyntaxError,
  UnsupportedAlertError,
} from '../../../src/simulate/index.js';
import { parseSeriesKey } from '../../../src/simulate/series.js';
import { parseDurationMs } from '../../../src/simulate/duration.js';
import { alertDef } from './alert-def.js';

const levels = (def: AlertDef, series: Record<string, string>, host = 'h1'): string[] => {
  const sim = simulateAlert(def, { name: 'c', interval: '1m', series, expect: [] });
  return sim.groups.find((g) => g.tags.host === host)?.steps.map((s) => s.level) ?? [];
};

describe('series notation', () => {
  it('expands promtool compact notation', () => {
    expect(parseSeriesValues('1 2 3 _ 5')).toEqual([1, 2, 3, undefined, 5]);
    expect(parseSeriesValues('80+1x3')).toEqual([80, 81, 82, 83]);
    expect(parseSeriesValues('10-2x2')).toEqual([10, 8, 6]);
    expect(parseSeriesValues('7x2 _x2 stale')).toEqual([7, 7, 7, undefined, undefined, undefined]);
    expect(parseSeriesValues('1.5e3 -0.5')).toEqual([1500, -0.5]);
    expect(() => parseSeriesValues('1 two')).toThrow(SeriesSyntaxError);
  });

  it('a+bxn always gives n+1 values on a line (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 200 }),
        (a, b, n) => {
          const v = parseSeriesValues(`${a}${b < 0 ? '-' : '+'}${Math.abs(b)}x${n}`);
          expect(v).toHaveLength(n + 1);
          expect(v[n]).toBe(a + b * n);
        },
      ),
    );
  });

  it('parses series keys with escapes', () => {
    expect(parseSeriesKey('disk,host=nexus-01,path=/srv\\ data used_percent')).toEqual({
      measurement: 'disk',
      tags: { host: 'nexus-01', path: '/srv data' },
      field: 'used_percent',
    });
    expect(() => parseSeriesKey('nofield')).toThrow(SeriesSyntaxError);
  });

  it('parses durations', () => {
    expect(parseDurationMs('1h30m')).toBe(5_400_000);
    expect(parseDurationMs('500ms')).toBe(500);
    expect(parseDurationMs('5 minutes')).toBeUndefined();
  });
});

describe('threshold alerts', () => {
  const threshold = alertDef({ condition: { type: 'threshold', direction: 'above', warn: 80, crit: 90 } });

  it('goes WARNING then CRITICAL and back without hysteresis', () => {
    expect(levels(threshold, { 'disk,host=h1 used_percent': '70 85 95 85 70 70' })).toEqual([
      'OK',
      'WARNING',
      'CRITICAL',
      'WARNING',
      'OK',
    ]);
  });

  it('holds a level until the value passes its reset (hysteresis)', () => {
    const h = alertDef({
      condition: { type: 'threshold', direction: 'above', warn: 80, crit: 90, warnReset: 75, critReset: 87 },
    });
    expect(levels(h, { 'disk,host=h1 used_percent': '95 88 86 78 74 81 81' })).toEqual([
      'CRITICAL',
      'CRITICAL',
      'WARNING',
      'WARNING',
      'OK',
      'WARNING',
    ]);
  });

  it('handles below thresholds', () => {
    const below = alertDef({ condition: { type: 'threshold', direction: 'below', warn: 20, crit: 10 } });
    expect(levels(below, { 'disk,host=h1 used_percent': '50 15 5 25 25' })).toEqual([
      'OK',
      'WARNING',
      'CRITICAL',
      'OK',
    ]);
  });

  it('needs the condition to hold for `for` before changing level', () => {
    const f = alertDef({ condition: { type: 'threshold', direction: 'above', crit: 90 }, for: '2m' });
    expect(levels(f, { 'disk,host=h1 used_percent': '95 95 95 95 50 95 95' })).toEqual([
      'OK',
      'OK',
      'CRITICAL',
      'CRITICAL',
      'OK',
      'OK',
    ]);
  });

  it('keeps the level through missing data and aggregates the window', () => {
    // Kapacitor emits one window when the next point arrives: a gap gives no evaluation, not OK.
    expect(levels(threshold, { 'disk,host=h1 used_percent': '95 _ _ 50 50' })).toEqual(['CRITICAL', 'OK']);
    const mean = alertDef({
      condition: { type: 'threshold', direction: 'above', crit: 90 },
      query: { ...threshold.query, fn: 'mean', period: '3m' },
    });
    expect(levels(mean, { 'disk,host=h1 used_percent': '100 100 70 70 70' })).toEqual([
      'CRITICAL',
      'CRITICAL',
      'OK',
      'OK',
    ]);
  });

  it('groups by host, filters with where, inverts', () => {
    const def = alertDef({
      condition: { type: 'threshold', direction: 'above', crit: 90 },
      query: {
        ...threshold.query,
        measurement: 'cpu',
        field: 'usage_idle',
        where: [{ key: 'cpu', op: '=', value: { kind: 'literal', value: 'cpu-total' } }],
        invert: 100,
      },
    });
    const sim = simulateAlert(def, {
      name: 'c',
      interval: '1m',
      series: {
        'cpu,host=h1,cpu=cpu-total usage_idle': '5x3',
        'cpu,host=h2,cpu=cpu-total usage_idle': '50x3',
        'cpu,host=h1,cpu=cpu0 usage_idle': '0x2',
        'mem,host=h1 usage_idle': '0x2',
      },
      expect: [],
    });
    expect(sim.groups.map((g) => [g.tags.host, g.steps.map((s) => s.level)])).toEqual([
      ['h1', ['CRITICAL', 'CRITICAL', 'CRITICAL']],
      ['h2', ['OK', 'OK', 'OK']],
    ]);
    expect(sim.groups[0]?.steps[0]?.value).toBe(95);
  });
});

describe('relative and deadman alerts', () => {
  it('compares with the value `shift` ago, in percent or absolute', () => {
    const pct = alertDef({
      condition: { type: 'relative', direction: 'above', shift: '2m', change: 'percent', warn: 50, crit: 100 },
    });
    // Windows without one `shift` earlier are not joined: no evaluation at all.
    expect(levels(pct, { 'disk,host=h1 used_percent': '10 10 16 25 10 10' })).toEqual(['WARNING', 'CRITICAL', 'OK']);
    const abs = alertDef({
      condition: { type: 'relative', direction: 'below', shift: '1m', change: 'absolute', crit: -10 },
    });
    expect(levels(abs, { 'disk,host=h1 used_percent': '50 30 29 29' })).toEqual(['CRITICAL', 'OK']);
  });

  it('fires CRITICAL when a group sends too few points in the interval', () => {
    const dead = alertDef({ condition: { type: 'deadman', threshold: 0, interval: '3m' } });
    expect(levels(dead, { 'disk,host=h1 used_percent': '1 1 1 1 _ _ _ _ 1' })).toEqual([
      'OK',
      'OK',
      'OK',
      'OK',
      'OK',
      'OK',
      'CRITICAL',
      'CRITICAL',
      'OK',
    ]);
  });

  it('reports functions it does not simulate as unsupported', () => {
    const d = alertDef({
      condition: { type: 'threshold', direction: 'above', crit: 1 },
      query: {
        ...alertDef({ condition: { type: 'deadman', threshold: 0, interval: '1m' } }).query,
        fn: 'moving_average',
      },
    });
    expect(() =>
      simulateAlert(d, { name: 'c', interval: '1m', series: { 'disk,host=h1 used_percent': '1' }, expect: [] }),
    ).toThrow(UnsupportedAlertError);
  });
});

describe('checkAlertCase', () => {
  const def = alertDef({
    condition: { type: 'threshold', direction: 'above', warn: 80, crit: 90, warnReset: 75, critReset: 87 },
    for: '5m',
    query: {
      ...alertDef({ condition: { type: 'deadman', threshold: 0, interval: '1m' } }).query,
      groupBy: ['host', 'path'],
      period: '5m',
    },
  });
  const testCase: AlertTestCase = {
    name: 'fills up',
    interval: '1m',
    series: { 'disk,host=nexus-01,path=/srv used_percent': '70+1x30' },
    expect: [
      { at: '3m', level: 'OK', tags: { host: 'nexus-01', path: '/srv' } },
      { at: '30m', level: 'CRITICAL', tags: { host: 'nexus-01' } },
      { at: '10m', level: 'OK', tags: { host: 'nobody' } },
    ],
  };

  it('passes the expectations that hold', () => {
    expect(checkAlertCase(def, testCase).results.map((r) => r.passed)).toEqual([true, true, true]);
  });

  it('fails the ones that do not, with the actual level', () => {
    const { results } = checkAlertCase(def, {
      ...testCase,
      expect: [{ at: '20m', level: 'CRITICAL', tags: { host: 'nexus-01' } }],
    });
    expect(results).toEqual([
      {
        at: '20m',
        expected: 'CRITICAL',
        tags: { host: 'nexus-01' },
        actual: [{ tags: { host: 'nexus-01', path: '/srv' }, level: 'WARNING' }],
        passed: false,
      },
    ]);
  });
});
