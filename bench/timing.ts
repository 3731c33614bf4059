/** Figures the benches share: the median of runs, and what `node -e 0` costs (the floor of any Node CLI). */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Median wall time of `runs` spawns of `node <args>` (after one unmeasured run that warms the file cache). */
export function nodeRun(args: string[], runs: number, cwd?: string): number {
  const samples: number[] = [];
  const options = { cwd, encoding: 'utf8' as const };
  spawnSync(process.execPath, args, options);
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    const result = spawnSync(process.execPath, args, options);
    samples.push(performance.now() - t);
    if (result.status !== 0)
      throw new Error(`node ${args.join(' ')} exited ${String(result.status)}: ${result.stderr}`);
  }
  return median(samples);
}

/** Median wall time of `node -e 0`: what any Node CLI pays before its first line of code. */
export function nodeFloor(runs: number): number {
  return nodeRun(['-e', '0'], runs);
}
