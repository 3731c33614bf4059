/**
 * `npm run bench:help`: start-up cost of the CLI. Times `calvin --help` and the help of the two
 * heaviest commands (their modules must load lazily), against a bare `node -e 0` measured in the
 * same run: the floor no Node CLI can beat. Goal: `calvin --help` ≤ 2× `node -e 0`. Prints figures only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'calvin.js');
const runs = 15;

if (!existsSync(path.join(root, 'dist', 'cli', 'main.js'))) {
  console.error('bench:help: dist/ is missing; run `npm run build:ts` first.');
  process.exit(2);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function time(args: string[]): number {
  const samples: number[] = [];
  spawnSync(process.execPath, args, { cwd: root }); // warm the file cache
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    samples.push(performance.now() - start);
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${String(result.status)}: ${result.stderr}`);
  }
  return median(samples);
}

const floor = time(['-e', '0']);
console.log(`calvin bench:help — median of ${runs} runs each, node ${process.version}`);
console.log(`  node -e 0 (floor):        ${floor.toFixed(0).padStart(4)} ms`);
for (const args of [['--help'], ['diagnose', '--help'], ['lint', '--help'], ['deploy', '--help']]) {
  const ms = time([bin, ...args]);
  const goal = args.length === 1 ? `   goal ≤ 2× floor → ${ms <= 2 * floor ? 'met' : 'MISSED'}` : '';
  console.log(
    `  calvin ${args.join(' ').padEnd(17)} ${ms.toFixed(0).padStart(4)} ms  ${(ms / floor).toFixed(2)}× floor${goal}`,
  );
}
