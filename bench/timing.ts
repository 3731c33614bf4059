/** Figures the benches share: the median of runs, and what `node -e 0` costs (the floor of any Node CLI). */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Median wall time of `runs` spawns of `node -e 0`. */
export function nodeFloor(runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    samples.push(performance.now() - t);
  }
  return median(samples);
}
