/**
 * Mann–Whitney U test of two small samples (per-bucket values of two versions), as canary analysis
 * does it: U from the rank sum (simple-statistics' `wilcoxonRankSum`, ties ranked by their mean), a
 * two-sided p-value from the normal approximation with tie and continuity corrections, and the
 * rank-biserial correlation as the effect size (+1: every value of `a` above every value of `b`).
 */
import { cumulativeStdNormalProbability, wilcoxonRankSum } from 'simple-statistics';

export interface MannWhitney {
  u: number;
  p: number;
  /** Rank-biserial correlation in [-1, 1]; positive when `a` tends to be larger. */
  effect: number;
}

export function mannWhitney(a: number[], b: number[]): MannWhitney | null {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 < 3 || n2 < 3) return null;
  const u = wilcoxonRankSum(a, b) - (n1 * (n1 + 1)) / 2;
  const n = n1 + n2;
  const counts = new Map<number, number>();
  for (const v of [...a, ...b]) counts.set(v, (counts.get(v) ?? 0) + 1);
  const ties = [...counts.values()].reduce((s, t) => s + (t ** 3 - t), 0);
  const variance = ((n1 * n2) / 12) * (n + 1 - ties / (n * (n - 1)));
  const mean = (n1 * n2) / 2;
  const effect = (2 * u) / (n1 * n2) - 1;
  if (variance <= 0) return { u, p: 1, effect };
  const z = (Math.abs(u - mean) - 0.5) / Math.sqrt(variance);
  const p = Math.min(1, 2 * (1 - cumulativeStdNormalProbability(Math.max(0, z))));
  return { u, p, effect };
}
