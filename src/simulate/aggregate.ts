/** The InfluxQL functions an alert query applies to each window, per group. */
import type { InfluxFunction } from '../define/types.js';

export interface Point {
  t: number;
  v: number;
}

export class UnsupportedAlertError extends Error {}

const REDUCERS = new Set(['mean', 'median', 'max', 'min', 'sum', 'count', 'first', 'last', 'spread', 'stddev']);
const PER_POINT = new Set(['derivative', 'non_negative_derivative', 'difference', 'non_negative_difference']);

/** Throws for a function the simulator does not model, before any data is looked at. */
export function assertSimulated(fn: InfluxFunction): void {
  if (!REDUCERS.has(fn) && !PER_POINT.has(fn))
    throw new UnsupportedAlertError(`alert function ${fn} is not simulated by calvin test`);
}

/**
 * Aggregates `points[from, to)` of one window (sorted by time); undefined when it yields no value. As
 * in Kapacitor, only count and sum answer an empty window (0); the others emit nothing.
 */
export function aggregate(
  fn: InfluxFunction,
  points: readonly Point[],
  from = 0,
  to = points.length,
): number | undefined {
  const n = to - from;
  if (n <= 0) return fn === 'count' || fn === 'sum' ? 0 : undefined;
  switch (fn) {
    case 'mean':
      return sum(points, from, to) / n;
    case 'median': {
      const s = points
        .slice(from, to)
        .map((p) => p.v)
        .sort((a, b) => a - b);
      const mid = n >> 1;
      return n % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
    }
    case 'max':
    case 'min':
    case 'spread': {
      let max = -Infinity;
      let min = Infinity;
      for (let i = from; i < to; i++) {
        const v = (points[i] as Point).v;
        if (v > max) max = v;
        if (v < min) min = v;
      }
      return fn === 'max' ? max : fn === 'min' ? min : max - min;
    }
    case 'sum':
      return sum(points, from, to);
    case 'count':
      return n;
    case 'first':
      return (points[from] as Point).v;
    case 'last':
      return (points[to - 1] as Point).v;
    case 'stddev': {
      if (n < 2) return undefined;
      const mean = sum(points, from, to) / n;
      let squares = 0;
      for (let i = from; i < to; i++) squares += ((points[i] as Point).v - mean) ** 2;
      return Math.sqrt(squares / (n - 1));
    }
    default:
      throw new UnsupportedAlertError(`alert function ${fn} is not simulated by calvin test`);
  }
}

/** Left to right, as InfluxQL's reducers add. */
function sum(points: readonly Point[], from: number, to: number): number {
  let total = 0;
  for (let i = from; i < to; i++) total += (points[i] as Point).v;
  return total;
}
