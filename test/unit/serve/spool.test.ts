import { appendFile, mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Spool } from '../../../src/serve/spool.js';

describe('the append-only spool', () => {
  it('returns what was appended and not committed after a restart, and empties itself once all is committed', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'spool-'));
    const first = new Spool<{ n: number }>(dir);
    expect(await first.open()).toEqual([]);
    await first.append([{ n: 1 }, { n: 2 }]);
    await first.append([{ n: 3 }]);
    await first.commit(1);
    await first.close();
    // A crash mid-write leaves a torn line: it never got its 202, so it is dropped.
    await appendFile(path.join(dir, 'alerts.jsonl'), '{"n":');
    const second = new Spool<{ n: number }>(dir);
    expect(await second.open()).toEqual([{ n: 2 }, { n: 3 }]);
    await second.append([{ n: 4 }]);
    await second.commit(3);
    expect(second.pending).toBe(0);
    expect(await readFile(path.join(dir, 'alerts.jsonl'), 'utf8')).toBe('');
    await second.close();
    expect(await new Spool<{ n: number }>(dir).open()).toEqual([]);
  });

  it('writes concurrent appends together, in order, and each resolves only once its entry is written', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'spool-'));
    const spool = new Spool<{ n: number }>(dir);
    await spool.open();
    const writes = Array.from({ length: 100 }, (_, n) =>
      spool
        .append([{ n }])
        .then(async () => (await readFile(path.join(dir, 'alerts.jsonl'), 'utf8')).includes(`{"n":${n}}\n`)),
    );
    expect(await Promise.all(writes)).toEqual(Array(100).fill(true));
    expect(spool.pending).toBe(100);
    await spool.commit(40);
    await spool.close();
    const again = await new Spool<{ n: number }>(dir).open();
    expect(again.map((e) => e.n)).toEqual(Array.from({ length: 60 }, (_, i) => i + 40));
  });

  it('rejects appends once closed, and the next open reads back only what was written', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'spool-'));
    const spool = new Spool<{ n: number }>(dir);
    await spool.open();
    await spool.append([{ n: 1 }]);
    await spool.close();
    await expect(spool.append([{ n: 2 }])).rejects.toThrow(/not open/);
    expect(await new Spool<{ n: number }>(dir).open()).toEqual([{ n: 1 }]);
  });
});
