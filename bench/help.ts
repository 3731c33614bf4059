/**
 * `npm run bench:help`: start-up cost of the CLI. Times `calvin --help` and the help of the two
 * heaviest commands (their modules must load lazily), against a bare `node -e 0` measured in the
 * same run: the floor no Node CLI can beat. Goal: `calvin --help` ≤ 2× `node -e 0`. Prints figures only.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeRun } from './timing.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'calvin.js');
const runs = 15;

if (!existsSync(path.join(root, 'dist', 'cli', 'main.js'))) {
  console.error('bench:help: dist/ is missing; run `npm run build:ts` first.');
  process.exit(2);
}

const time = (args: string[]): number => nodeRun(args, runs, root);

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
