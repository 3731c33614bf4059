/**
 * Definitions cannot corrupt calvin's machine output (issue 12): the CLI end to end on fixture roots,
 * no backends needed. What a definition prints is shown on stderr as definition output.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SERVICE_TS, tempRoot, writeValidProject, type TempRoot } from '../unit/load/fixture-roots.js';

const repoRoot = path.resolve(fileURLToPath(import.meta.url), '../../..');
const tsxLoader = path.join(repoRoot, 'node_modules/tsx/dist/esm/index.mjs');
const main = path.join(repoRoot, 'src/cli/main.ts');
const roots: TempRoot[] = [];
afterAll(() => {
  for (const root of roots.splice(0)) root.remove();
});

function calvin(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, ['--import', tsxLoader, main, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CALVIN_ROOT: cwd },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function noisyProject(): TempRoot {
  const p = tempRoot();
  roots.push(p);
  writeValidProject(p);
  p.write(
    'services/noisy.ts',
    `console.log('{"forged": true}');\nprocess.stdout.write('raw\\n');\n${SERVICE_TS('noisy')}`,
  );
  return p;
}

describe('definitions cannot corrupt calvin output', () => {
  it('console.log in a definition keeps list --json parseable and shows on stderr as definition output', () => {
    const p = noisyProject();
    const run = calvin(['list', '--json'], p.root);
    expect(run.status).toBe(0);
    const rows = JSON.parse(run.stdout) as { id: string }[];
    expect(rows.map((r) => r.id)).toContain('noisy');
    expect(run.stderr).toContain('definition output: {"forged": true}\ndefinition output: raw\n');
  });

  it('console.log in a definition keeps build --json parseable', () => {
    const p = noisyProject();
    const out = tempRoot();
    roots.push(out);
    const run = calvin(['build', '--json', '--out', out.root], p.root);
    expect(run.status).toBe(0);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
    expect(run.stderr).toContain('definition output: raw');
  });

  it('process.exit(0) in a definition makes build fail naming the file, exit 2', () => {
    const p = tempRoot();
    roots.push(p);
    writeValidProject(p);
    p.write('services/quitter.ts', `process.exit(0);\n${SERVICE_TS('quitter')}`);
    const run = calvin(['build', '--out', path.join(p.root, 'out-never')], p.root);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'calvin: services/quitter.ts: calls process.exit(0) while loading (a definition must not end calvin: throw an Error instead)\n',
    );
  });
});
