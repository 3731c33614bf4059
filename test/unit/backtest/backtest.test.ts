import { describe, expect, it } from 'vitest';
import { backtestSeries, formatBacktest } from '../../../src/backtest/index.js';
import { historyQuery } from '../../../src/backtest/history.js';
import { alertDef } from '../simulate/alert-def.js';

const alert = alertDef({
  id: 'disk-full',
  name: 'DiskFull',
  condition: { type: 'threshold', direction: 'above', crit: 90 },
});

const minute = 60_000;
const series = (host: string, values: number[]) => ({
  tags: { host },
  points: values.map((v, i) => ({ t: i * minute, v })),
});

describe('backtest', () => {
  // Sample i is evaluated when sample i+1 arrives, at (i+1) minutes; the last sample is never evaluated.
  const summary = backtestSeries(alert, 'test', [series('a', [95, 95, 50, 95, 50, 50]), series('b', [10, 10, 10])], {
    from: 0,
    to: 10 * minute,
  });

  it('counts fires, flaps and time per level per group', () => {
    expect(summary.fired).toBe(2);
    const a = summary.groups.find((g) => g.tags.host === 'a')!;
    expect(a.changes.map((c) => [c.at / minute, c.level])).toEqual([
      [1, 'CRITICAL'],
      [3, 'OK'],
      [4, 'CRITICAL'],
      [5, 'OK'],
    ]);
    // Recovered at 3m, fired again at 4m: 1m later, not less than one period (1m), so no flap.
    expect(a.flapped).toBe(0);
    expect(a.timeIn).toEqual({ OK: 7 * minute, INFO: 0, WARNING: 0, CRITICAL: 3 * minute });
    expect(summary.groups.find((g) => g.tags.host === 'b')!.fired).toBe(0);
  });

  it('counts a re-fire within one period of the recovery as a flap', () => {
    const flappy = backtestSeries(
      { ...alert, query: { ...alert.query, period: '5m' } },
      'test',
      [series('a', [95, 50, 50, 50, 50, 50, 95, 95])],
      { from: 0, to: 20 * minute },
    );
    // max over 5m: 95 holds CRITICAL until 6m, OK at 6m, the 95 at 6m fires again at 7m.
    expect(flappy.groups[0]!.changes.map((c) => [c.at / minute, c.level])).toEqual([
      [1, 'CRITICAL'],
      [6, 'OK'],
      [7, 'CRITICAL'],
    ]);
    expect(flappy.fired).toBe(2);
    expect(flappy.flapped).toBe(1);
    const quick = backtestSeries(alert, 'test', [series('a', [95, 50, 95, 50])], { from: 0, to: 10 * minute });
    expect(quick.flapped).toBe(0);
  });

  it('formats markdown for a PR comment with backend text escaped', () => {
    const hostile = backtestSeries(alert, 'te|st', [series('<b>|x', [95, 95])], { from: 0, to: 5 * minute });
    const md = formatBacktest(hostile, 'markdown', (t) => t);
    expect(md).toContain('would have fired **1** time(s)');
    expect(md).not.toContain('<b>|x');
    expect(JSON.parse(formatBacktest(hostile, 'json', (t) => t)).fired).toBe(1);
  });

  it('refuses a deadman, which history cannot replay', () => {
    expect(() =>
      backtestSeries({ ...alert, condition: { type: 'deadman', threshold: 0, interval: '5m' } }, 't', [], {
        from: 0,
        to: 1,
      }),
    ).toThrow(/wall-clock/);
  });

  it('builds the history query from escaped identifiers', () => {
    const q = historyQuery({ ...alert, query: { ...alert.query, measurement: 'di"sk' } }, 'autogen', 0, 1000);
    expect(q).toBe(
      'SELECT "used_percent" FROM "system"."autogen"."di\\"sk" WHERE time >= 0ms AND time < 1000ms GROUP BY *',
    );
  });
});
