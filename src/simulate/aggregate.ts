/** The InfluxQL functions an alert query applies to each window, per group. */
import type { InfluxFunction } from '../define/types.js';

export interface Point {
  t: number;
  v: number;
}

export class UnsupportedAlertError extends Error {}

/** Aggregates the points of one window (sorted by time); undefined when it yields no value. */
export function aggregate(fn: InfluxFunction, points: readonly Point[]): number | undefined {
  if (points.length === 0) return fn === 'count' ? undefined : undefined;
  const values = points.map((p) => p.v);
  switch (fn) {
    case 'mean':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'median': {
      const s = [...values].sort((a, b) => a - b);
      const mid = s.length >> 1;
      return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
    }
    case 'max':
      return Math.max(...values);
    case 'min':
      return Math.min(...values);
    case 'sum':
      return values.reduce((a, b) => a + b, 0);
    case 'count':
      return values.length;
    case 'first':
      return values[0];
    case 'last':
      return values[values.length - 1];
    case 'spread':
      return Math.max(...values) - Math.min(...values);
    case 'stddev': {
      if (values.length < 2) return undefined;
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
    }
    case 'derivative':
    case 'non_negative_derivative':
    case 'difference':
    case 'non_negative_difference': {
      // Between the last two points of the window; derivatives per second.
      const a = points[points.length - 2];
      const b = points[points.length - 1];
      if (!a || !b) return undefined;
      let d = b.v - a.v;
      if (fn.includes('derivative')) d = d / ((b.t - a.t) / 1000);
      if (fn.startsWith('non_negative') && d < 0) return undefined;
      return d;
    }
    default:
      throw new UnsupportedAlertError(`alert function ${fn} is not simulated by calvin test`);
  }
}
