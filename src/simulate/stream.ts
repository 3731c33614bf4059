/**
 * Kapacitor's stream pipeline for one group, as calvin's TICKscripts build it, node by node:
 * `|derivative` / `|difference` per point, then `|window().period().every().align()`.
 * The rules are Kapacitor 1.7's (derivative.go, window.go), proven equal to the real engine by
 * test/integration/kapacitor-differential.test.ts.
 */
import type { InfluxFunction } from '../define/types.js';
import type { Point } from './aggregate.js';

/** Go's time.Truncate counts from 0001-01-01T00:00:00Z, not from the Unix epoch. */
const GO_ZERO_TIME_MS = 62_135_596_800_000;

export function goTruncate(t: number, every: number): number {
  if (every <= 0) return t;
  const rem = (t + GO_ZERO_TIME_MS) % every;
  return t - (rem < 0 ? rem + every : rem);
}

/** The functions applied to every point before the window (the reducer is then a mean). */
export function isPointTransform(fn: InfluxFunction): boolean {
  return (
    fn === 'derivative' || fn === 'non_negative_derivative' || fn === 'difference' || fn === 'non_negative_difference'
  );
}

/**
 * `|derivative(f).unit(1s)[.nonNegative()]` or `|difference(f)[ |where(diff >= 0)]`: one value per point
 * from the previous point of the group. The first point yields nothing; a point at the same time as the
 * previous one yields nothing; a dropped negative value still becomes the previous point.
 */
export function transformPoints(fn: InfluxFunction, points: readonly Point[]): Point[] {
  const out: Point[] = [];
  let previous: Point | undefined;
  for (const p of points) {
    const prev = previous;
    previous = p;
    if (!prev || p.t === prev.t) continue;
    const diff = p.v - prev.v;
    if (fn.startsWith('non_negative') && diff < 0) continue;
    out.push({ t: p.t, v: fn.includes('derivative') ? diff / ((p.t - prev.t) / 1000) : diff });
  }
  return out;
}

export interface WindowBatch {
  /** The batch's time: the end of the window, exclusive. */
  t: number;
  /** The batch is `points[from, to)` of the input (it is sorted, so a window is a range). */
  from: number;
  to: number;
}

/**
 * An aligned window with `every` > 0: the first point sets the next emit time to the `every` boundary
 * after it; a point at or after that time emits the window `[emit − period, emit)` of the points before
 * it, and the next emit time becomes the boundary after that point (so a gap emits one window, not one
 * per missed boundary). Points are in arrival order (time order, ties in write order).
 */
export function windowBatches(points: readonly Point[], period: number, every: number): WindowBatch[] {
  const batches: WindowBatch[] = [];
  let oldestKept = 0;
  let nextEmit: number | undefined;
  for (let i = 0; i < points.length; i++) {
    const t = (points[i] as Point).t;
    if (nextEmit === undefined) nextEmit = goTruncate(t + every, every);
    else if (t >= nextEmit) {
      const oldest = nextEmit - period;
      while (oldestKept < i && (points[oldestKept] as Point).t < oldest) oldestKept += 1;
      batches.push({ t: nextEmit, from: oldestKept, to: i });
      nextEmit = goTruncate(t + every, every);
    }
  }
  return batches;
}
