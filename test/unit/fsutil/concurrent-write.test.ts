import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeDirAtomic } from '../../../src/fsutil/index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('writeDirAtomic', () => {
  it('writes many files concurrently and replaces the previous folder as a whole', async () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'calvin-write-'));
    dirs.push(parent);
    const out = path.join(parent, 'out');
    mkdirSync(out);
    writeFileSync(path.join(out, 'stale.txt'), 'old');
    const entries = Array.from({ length: 300 }, (_, i) => ({ path: `t${i % 7}/deep/f${i}.json`, content: `${i}\n` }));
    await writeDirAtomic(out, entries);
    expect(existsSync(path.join(out, 'stale.txt'))).toBe(false);
    expect(readFileSync(path.join(out, 't3/deep/f10.json'), 'utf8')).toBe('10\n');
    expect(readdirSync(out).sort()).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 't6']);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('leaves the previous output untouched when an entry is refused', async () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'calvin-write-'));
    dirs.push(parent);
    const out = path.join(parent, 'out');
    await writeDirAtomic(out, [{ path: 'a.txt', content: 'a' }]);
    await expect(
      writeDirAtomic(out, [
        { path: 'b.txt', content: 'b' },
        { path: '../escape.txt', content: 'x' },
      ]),
    ).rejects.toThrow(/outside the output directory/);
    await expect(
      writeDirAtomic(out, [
        { path: 'b.txt', content: 'b' },
        { path: 'b.txt', content: 'twice' },
      ]),
    ).rejects.toThrow(/EEXIST/);
    expect(readdirSync(out)).toEqual(['a.txt']);
    expect(readdirSync(parent)).toEqual(['out']);
  });
});
