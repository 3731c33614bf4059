/** Robust statistics for anomaly scores: median and MAD resist the outliers we are looking for. */

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Median absolute deviation, scaled (×1.4826) to be comparable with a standard deviation. */
export function scaledMad(values: readonly number[]): number | null {
  const m = median(values);
  if (m === null) return null;
  const deviations = values.map((v) => Math.abs(v - m));
  const mad = median(deviations);
  return mad === null ? null : mad * 1.4826;
}

/**
 * Robust z-score of `value` against `reference`, with a floor on the spread so that a perfectly
 * flat baseline does not turn a tiny wobble into an enormous score.
 */
export function robustZ(
  value: number,
  reference: readonly number[],
  minSpread: number,
): { z: number; center: number } | null {
  const center = median(reference);
  const spread = scaledMad(reference);
  if (center === null || spread === null) return null;
  return { z: (value - center) / Math.max(spread, minSpread), center };
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
