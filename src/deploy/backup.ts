/**
 * Backups under `.calvin/backups/<env>/<timestamp>/`: a manifest (what the deploy planned and how
 * far it got) and one file per object as it was before being overwritten or deleted. Every file is
 * written atomically (temp file + rename), so a crash leaves either the old or the new manifest.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { CalvinError } from '../errors.js';
import { writeFileAtomicSync } from '../fsutil/index.js';
import type { LiveObject, LiveRef, ObjectKind, PlanAction } from './types.js';

/** `conflict`: stopped before writing because the object changed since the plan (nothing to undo). */
export type EntryState = 'pending' | 'applied' | 'failed' | 'conflict' | 'rolled-back';

export interface BackupEntry {
  action: Exclude<PlanAction, 'unchanged'>;
  kind: ObjectKind;
  name: string;
  /** Object file (relative to the backup folder) with the live body before the change; absent for creates. */
  file?: string;
  state: EntryState;
}

export interface BackupManifest {
  environment: string;
  timestamp: string;
  commit: string;
  status: 'in-progress' | 'complete' | 'failed' | 'rolled-back';
  entries: BackupEntry[];
  /**
   * Objects made on the side (Grafana folders a deploy created); rollback leaves them, they may hold other dashboards.
   */
  sideEffects?: string[];
}

/** A timestamp that sorts and is a valid folder name everywhere: 2026-11-23T09-17-00-123Z. */
export function backupStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

export function backupsDir(root: string, environment: string): string {
  return path.join(root, '.calvin', 'backups', environment.replace(/[^A-Za-z0-9._-]/g, '_'));
}

export class BackupWriter {
  readonly dir: string;
  readonly manifest: BackupManifest;

  constructor(root: string, environment: string, date: Date, commit: string) {
    const stamp = backupStamp(date);
    let dir = path.join(backupsDir(root, environment), stamp);
    for (let n = 1; existsSync(dir); n += 1) dir = path.join(backupsDir(root, environment), `${stamp}-${n}`);
    this.dir = dir;
    this.manifest = { environment, timestamp: path.basename(dir), commit, status: 'in-progress', entries: [] };
  }

  /** Registers every planned change up front (state pending), so the manifest lists what was not done too. */
  plan(entries: Omit<BackupEntry, 'state' | 'file'>[]): void {
    this.manifest.entries = entries.map((e) => ({ ...e, state: 'pending' }));
    this.save();
  }

  /** Saves the live object (body, and handles such as Consul KV flags) before entry `index` changes it. */
  saveObject(index: number, live: Pick<LiveObject, 'body' | 'ref' | 'managed'>): void {
    const entry = this.manifest.entries[index];
    if (!entry) return;
    const file = `objects/${String(index + 1).padStart(4, '0')}.json`;
    const saved = {
      kind: entry.kind,
      name: entry.name,
      body: live.body,
      managed: live.managed,
      ...(live.ref ? { ref: live.ref } : {}),
    };
    writeFileAtomicSync(path.join(this.dir, file), `${JSON.stringify(saved, null, 2)}\n`);
    entry.file = file;
    this.save();
  }

  sideEffects(items: readonly string[]): void {
    if (items.length === 0) return;
    this.manifest.sideEffects = [...items];
    this.save();
  }

  mark(index: number, state: EntryState): void {
    const entry = this.manifest.entries[index];
    if (entry) entry.state = state;
    this.save();
  }

  finish(status: BackupManifest['status']): void {
    this.manifest.status = status;
    this.save();
  }

  save(): void {
    writeFileAtomicSync(path.join(this.dir, 'manifest.json'), `${JSON.stringify(this.manifest, null, 2)}\n`);
  }
}

export interface StoredBackup {
  dir: string;
  manifest: BackupManifest;
  object(entry: BackupEntry): unknown;
  /** The handles and ownership the object had (absent in backups made before they were kept). */
  saved(entry: BackupEntry): { ref?: LiveRef; managed?: boolean } | undefined;
  save(): void;
}

function open(dir: string): StoredBackup {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
  return {
    dir,
    manifest,
    object(entry) {
      if (!entry.file) return undefined;
      return (JSON.parse(readFileSync(path.join(dir, entry.file), 'utf8')) as { body: unknown }).body;
    },
    saved(entry) {
      if (!entry.file) return undefined;
      const { ref, managed } = JSON.parse(readFileSync(path.join(dir, entry.file), 'utf8')) as {
        ref?: LiveRef;
        managed?: boolean;
      };
      return { ...(ref ? { ref } : {}), ...(managed !== undefined ? { managed } : {}) };
    },
    save() {
      writeFileAtomicSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}

export function listBackups(root: string, environment: string): string[] {
  const dir = backupsDir(root, environment);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => existsSync(path.join(dir, name, 'manifest.json')))
    .sort();
}

/** The backup `--to` names, or the latest one that was not rolled back yet. */
export function findBackup(root: string, environment: string, to?: string): StoredBackup {
  const names = listBackups(root, environment);
  const where = backupsDir(root, environment);
  if (to) {
    if (!names.includes(to)) {
      throw new CalvinError(
        'NO_BACKUP',
        `no backup "${to}" for environment "${environment}" in ${where}`,
        names.length
          ? `pick one of: ${names.slice(-5).join(', ')}`
          : 'deploy first; backups are made by `calvin deploy`',
      );
    }
    return open(path.join(where, to));
  }
  for (const name of [...names].reverse()) {
    const backup = open(path.join(where, name));
    if (
      backup.manifest.status !== 'rolled-back' &&
      backup.manifest.entries.some((e) => e.state === 'applied' || e.state === 'failed')
    )
      return backup;
  }
  throw new CalvinError(
    'NO_BACKUP',
    `no backup to roll back for environment "${environment}" in ${where}`,
    'pass --to <timestamp> to restore a specific one, or deploy first',
  );
}
