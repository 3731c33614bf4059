/**
 * bin/calvin.js runs the CLI bundle with a V8 code cache (src/cli/launch.ts). The bundle must behave
 * as the modules do, the cache must be kept per command and only after a run that did its job, written
 * whole, refused when damaged, and never kept in a folder others can write to; a bundle older than
 * the modules must not run. Needs the built dist/ and its bundle (npm test builds both).
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');
let cacheHome: string;
const v8Folder = (): string => path.join(cacheHome, 'calvin', 'v8');
const cacheFiles = (command: string): string[] => {
  try {
    return readdirSync(v8Folder()).filter((f) => f.startsWith(`${command}.`));
  } catch {
    return [];
  }
};

function calvin(args: string[], options: { env?: Record<string, string>; bin?: string } = {}) {
  const result = spawnSync(process.execPath, [options.bin ?? path.join(repoRoot, 'bin/calvin.js'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: cacheHome, ...options.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const LIST = ['list', '--json', '--root', repoRoot];

beforeAll(() => {
  statSync(path.join(repoRoot, 'dist/cli/calvin.cjs')); // built by npm test (scripts/build-cli-bundle.mjs)
});
beforeEach(() => {
  cacheHome = mkdtempSync(path.join(tmpdir(), 'calvin-v8-'));
});
afterEach(() => rmSync(cacheHome, { recursive: true, force: true }));

describe('the CLI bundle and its code cache', () => {
  it("keeps a command's code after its first run, runs from it next, and prints what the modules print", () => {
    const first = calvin(LIST);
    expect(first.code, first.stderr).toBe(0);
    const [file] = cacheFiles('list');
    expect(file).toBeDefined();
    const kept = path.join(v8Folder(), file as string);
    expect(statSync(kept).mode & 0o777).toBe(0o600);
    expect(statSync(v8Folder()).mode & 0o777).toBe(0o700);
    const before = statSync(kept);

    const second = calvin(LIST);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    // Consumed, not refused: a refused cache is written again (a new file renamed over it).
    const after = statSync(kept);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);

    const modules = calvin(LIST, { env: { CALVIN_NO_CODE_CACHE: '1' } });
    expect(modules.stdout).toBe(first.stdout);
    expect(JSON.parse(first.stdout).length).toBeGreaterThan(3);
  });

  it('loads what the bundle keeps outside from a cache too: esbuild after a definition changed, and node builtins', () => {
    const project = mkdtempSync(path.join(tmpdir(), 'calvin-v8-project-'));
    try {
      const inProject = (args: string[]) => calvin([...args, '--root', project]);
      expect(inProject(['new', 'service', 'widget']).code).toBe(0);
      const first = inProject(['list', '--json']);
      expect(first.code, first.stderr).toBe(0);
      expect(cacheFiles('list')).toHaveLength(1);
      // A changed definition misses the definition cache: esbuild is loaded, by the run from the code cache.
      const definition = path.join(project, 'services', 'widget.ts');
      writeFileSync(definition, `${readFileSync(definition, 'utf8')}\n// changed\n`);
      const second = inProject(['list', '--json']);
      expect(second.code, second.stderr).toBe(0);
      expect(second.stderr).toBe('');
      expect(second.stdout).toBe(first.stdout);
      const lint = [inProject(['lint', '--format', 'json']), inProject(['lint', '--format', 'json'])];
      expect(lint.map((r) => r.code)).toEqual([0, 0]);
      expect(lint[1]?.stdout).toBe(lint[0]?.stdout);
      expect(lint[1]?.stderr).toBe('');
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('prints what the modules print, for every command that needs no backend and for a refusal, first run and from the cache', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'calvin-v8-out-'));
    // Timings differ from run to run, whichever code runs.
    const steady = (text: string): string => text.replace(/"durationMs":\s*[\d.]+/g, '"durationMs":0');
    try {
      const commands = [
        LIST,
        ['build', '--out', out, '--json', '--root', repoRoot],
        ['test', '--format', 'json', '--root', repoRoot],
        ['lint', '--format', 'json', '--root', repoRoot],
        ['runbook', 'artefacts-disk-full', '--root', repoRoot],
        ['diagnose', 'nexus', '--json', '--root', repoRoot],
      ];
      const env = { CONSUL_HTTP_ADDR: '127.0.0.1:1' };
      for (const args of commands) {
        const runs = [
          calvin(args, { env: { ...env, CALVIN_NO_CODE_CACHE: '1' } }),
          calvin(args, { env }),
          calvin(args, { env }),
        ].map((r) => ({ code: r.code, stdout: steady(r.stdout), stderr: r.stderr }));
        expect(runs[1], args.join(' ')).toEqual(runs[0]);
        expect(runs[2], args.join(' ')).toEqual(runs[0]);
      }
      expect(cacheFiles('diagnose')).toEqual([]); // refused: Consul unreachable, exit 2
      expect(cacheFiles('build')).toHaveLength(1);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('keeps one cache per command, and none after a refused run or help', () => {
    const refused = calvin(['build', '--no-such-option']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(calvin(['build', '--help']).code).toBe(0);
    expect(calvin(['help', 'build']).code).toBe(0);
    expect(calvin(['--version']).code).toBe(0);
    expect(readdirSync(v8Folder())).toEqual([]);
    expect(calvin(LIST).code).toBe(0);
    expect(calvin(['runbook', 'artefacts-disk-full', '--root', repoRoot]).code).toBe(0);
    expect(cacheFiles('list')).toHaveLength(1);
    expect(cacheFiles('runbook')).toHaveLength(1);
  });

  it("keeps a command's three newest caches, and none written over a month ago", () => {
    mkdirSync(v8Folder(), { recursive: true, mode: 0o700 });
    const planted = (name: string, daysAgo: number): void => {
      const file = path.join(v8Folder(), name);
      writeFileSync(file, 'old');
      const when = new Date(Date.now() - daysAgo * 86_400_000);
      utimesSync(file, when, when);
    };
    planted('list.a.bin', 1);
    planted('list.b.bin', 2);
    planted('list.c.bin', 3);
    planted('lint.a.bin', 2);
    planted('lint.b.bin', 40);
    planted('notes.txt', 40);
    expect(calvin(LIST).code).toBe(0);
    const left = readdirSync(v8Folder()).sort();
    expect(left.filter((f) => f.startsWith('list.'))).toHaveLength(3);
    expect(left).toContain('list.a.bin');
    expect(left).toContain('list.b.bin');
    expect(left).toContain('lint.a.bin');
    expect(left).not.toContain('lint.b.bin');
    expect(left).toContain('notes.txt');
  });

  it('refuses a damaged cache, still runs right, and writes the cache again', () => {
    const first = calvin(LIST);
    const kept = path.join(v8Folder(), cacheFiles('list')[0] as string);
    const size = statSync(kept).size;
    const garbage = Buffer.alloc(size, 0x5a);
    writeFileSync(kept, garbage);
    const again = calvin(LIST);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(readFileSync(kept).equals(garbage)).toBe(false);
  });

  it('keeps no cache in a folder others can write to', () => {
    mkdirSync(v8Folder(), { recursive: true });
    chmodSync(v8Folder(), 0o777);
    const ran = calvin(LIST);
    expect(ran.code, ran.stderr).toBe(0);
    expect(readdirSync(v8Folder())).toEqual([]);
  });

  it('does not run a bundle older than the modules (left by an earlier build)', () => {
    // A copy of the package, whose bundle can be made old without touching the repository's.
    const copy = mkdtempSync(path.join(tmpdir(), 'calvin-stale-'));
    try {
      for (const part of ['bin', 'dist', 'package.json'])
        cpSync(path.join(repoRoot, part), path.join(copy, part), { recursive: true });
      symlinkSync(path.join(repoRoot, 'node_modules'), path.join(copy, 'node_modules'));
      const bin = path.join(copy, 'bin/calvin.js');
      const old = new Date('2001-01-01T00:00:00Z');
      utimesSync(path.join(copy, 'dist/cli/calvin.cjs'), old, old);
      const stale = calvin(LIST, { bin });
      expect(stale.code, stale.stderr).toBe(0);
      expect(cacheFiles('list')).toEqual([]);
      const now = new Date();
      utimesSync(path.join(copy, 'dist/cli/calvin.cjs'), now, now);
      const fresh = calvin(LIST, { bin });
      expect(fresh.stdout).toBe(stale.stdout);
      expect(cacheFiles('list')).toHaveLength(1);
      // Another build of the same size and time (npm pack stamps every file alike) keeps a cache of its own.
      const bundle = path.join(copy, 'dist/cli/calvin.cjs');
      const other = readFileSync(bundle, 'utf8').replace(
        /^\/\/ calvin-bundle [0-9a-f]{64}/,
        `// calvin-bundle ${'e'.repeat(64)}`,
      );
      writeFileSync(bundle, other);
      utimesSync(bundle, now, now);
      expect(calvin(LIST, { bin }).code).toBe(0);
      expect(cacheFiles('list')).toHaveLength(2);
      expect(cacheFiles('list').some((f) => f.includes('e'.repeat(32)))).toBe(true);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
