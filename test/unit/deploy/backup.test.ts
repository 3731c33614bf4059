import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupWriter, findBackup, listBackups } from '../../../src/deploy/backup.js';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

describe('backups', () => {
  it('writes a manifest listing every planned change and one file per saved object, atomically', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'calvin-backup-'));
    roots.push(root);
    const backup = new BackupWriter(root, 'test', new Date('2026-11-23T09:17:00.123Z'), 'abc');
    backup.plan([
      { action: 'update', kind: 'grafana/dashboard', name: 'a' },
      { action: 'create', kind: 'kapacitor/task', name: 'calvin-b' },
    ]);
    backup.saveObject(0, { body: { dashboard: { uid: 'a', title: 'old' } }, managed: false, ref: { version: 3 } });
    backup.mark(0, 'applied');
    backup.mark(1, 'failed');
    backup.finish('failed');
    expect(path.basename(backup.dir)).toBe('2026-11-23T09-17-00-123Z');
    const manifest = JSON.parse(readFileSync(path.join(backup.dir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      environment: 'test',
      commit: 'abc',
      status: 'failed',
      entries: [{ state: 'applied', file: 'objects/0001.json' }, { state: 'failed' }],
    });
    expect(readdirSync(backup.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const found = findBackup(root, 'test');
    expect(found.object(found.manifest.entries[0]!)).toEqual({ dashboard: { uid: 'a', title: 'old' } });
    // Handles and ownership are kept too: rollback gives an adopted object back its own marker.
    expect(found.saved(found.manifest.entries[0]!)).toEqual({ ref: { version: 3 }, managed: false });
    expect(found.saved(found.manifest.entries[1]!)).toBeUndefined();
    expect(listBackups(root, 'test')).toEqual(['2026-11-23T09-17-00-123Z']);
    expect(() => findBackup(root, 'test', 'nope')).toThrow(/no backup "nope"/);
    expect(() => findBackup(root, 'production')).toThrow(/no backup to roll back/);
  });
});
