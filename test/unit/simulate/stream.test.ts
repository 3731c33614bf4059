import { describe, expect, it } from 'vitest';
import { goTruncate, transformPoints, windowBatches } from '../../../src/simulate/stream.js';

const pts = (...ts: number[]) => ts.map((t, i) => ({ t, v: i }));

describe("Kapacitor's aligned window", () => {
  it('emits [t − period, t) when the first point at or after t arrives', () => {
    // every 60 s, period 120 s; points each 30 s.
    const points = pts(0, 30_000, 60_000, 90_000, 120_000, 150_000);
    const batches = windowBatches(points, 120_000, 60_000).map((b) => ({
      t: b.t,
      ts: points.slice(b.from, b.to).map((p) => p.t),
    }));
    expect(batches).toEqual([
      { t: 60_000, ts: [0, 30_000] },
      { t: 120_000, ts: [0, 30_000, 60_000, 90_000] },
    ]);
  });

  it('emits one window for a gap, then aligns to the boundary after the late point', () => {
    const points = [0, 60_000, 300_000, 360_000].map((t) => ({ t, v: 1 }));
    const batches = windowBatches(points, 60_000, 60_000);
    expect(batches.map((b) => [b.t, b.from, b.to])).toEqual([
      [60_000, 0, 1],
      [120_000, 1, 2],
      [360_000, 2, 3],
    ]);
  });

  it('truncates like Go: from year 1, which equals the Unix epoch for durations dividing a day', () => {
    expect(goTruncate(125_000, 60_000)).toBe(120_000);
    expect(goTruncate(-1, 60_000)).toBe(-60_000);
    // 7 minutes do not divide the 719162 days between year 1 and 1970.
    expect(goTruncate(0, 420_000)).not.toBe(0);
  });
});

describe('per-point transforms', () => {
  it('derivative per second from the previous point; non-negative drops but remembers', () => {
    const points = [
      { t: 0, v: 10 },
      { t: 10_000, v: 20 },
      { t: 20_000, v: 5 },
      { t: 30_000, v: 15 },
    ];
    expect(transformPoints('derivative', points).map((p) => p.v)).toEqual([1, -1.5, 1]);
    expect(transformPoints('non_negative_derivative', points).map((p) => p.v)).toEqual([1, 1]);
    expect(transformPoints('difference', points).map((p) => p.v)).toEqual([10, -15, 10]);
  });

  it('skips a point at the same time as the previous one', () => {
    expect(
      transformPoints('difference', [
        { t: 0, v: 1 },
        { t: 0, v: 5 },
        { t: 1000, v: 7 },
      ]),
    ).toEqual([{ t: 1000, v: 2 }]);
  });
});
