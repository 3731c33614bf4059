import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { safeRelativePath, writeDirAtomic, writeFileAtomic } from '../../../src/fsutil/index.js';

const temps: string[] = [];
function temp(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'calvin-fsutil-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('writeDirAtomic', () => {
  it('writes every entry, replaces the previous folder entirely and leaves no staging folders', async () => {
    const base = temp();
    const out = path.join(base, 'out');
    mkdirSync(out);
    writeFileSync(path.join(out, 'stale.json'), 'old');
    await writeDirAtomic(out, [
      { path: 'grafana/a.json', content: '{"a":1}\n' },
      { path: 'kapacitor/b.tick', content: 'stream\n' },
    ]);
    expect(readFileSync(path.join(out, 'grafana/a.json'), 'utf8')).toBe('{"a":1}\n');
    expect(existsSync(path.join(out, 'stale.json'))).toBe(false);
    expect(readdirSync(base)).toEqual(['out']);
  });

  it('leaves the previous output untouched when an entry cannot be written', async () => {
    const base = temp();
    const out = path.join(base, 'out');
    mkdirSync(out);
    writeFileSync(path.join(out, 'keep.json'), 'previous');
    await expect(
      writeDirAtomic(out, [
        { path: 'a.json', content: 'x' },
        { path: 'a.json', content: 'duplicate path fails' },
      ]),
    ).rejects.toThrow();
    expect(readdirSync(out)).toEqual(['keep.json']);
    expect(readFileSync(path.join(out, 'keep.json'), 'utf8')).toBe('previous');
    expect(readdirSync(base)).toEqual(['out']);
  });

  it('refuses paths that escape the folder', async () => {
    expect(() => safeRelativePath('../etc/passwd')).toThrow(/outside/);
    expect(() => safeRelativePath('/etc/passwd')).toThrow(/outside/);
    expect(() => safeRelativePath('a/../../b')).toThrow(/outside/);
    expect(safeRelativePath('a/./b.json')).toBe('a/b.json');
    const base = temp();
    await expect(writeDirAtomic(path.join(base, 'out'), [{ path: '../x', content: '' }])).rejects.toThrow(/outside/);
    expect(readdirSync(base)).toEqual([]);
  });
});

describe('writeFileAtomic', () => {
  it('writes and replaces a file; exclusive mode refuses to overwrite', async () => {
    const base = temp();
    const file = path.join(base, 'dir/file.ts');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
    await expect(writeFileAtomic(file, 'three', { exclusive: true })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(readdirSync(path.dirname(file))).toEqual(['file.ts']);
  });
});
