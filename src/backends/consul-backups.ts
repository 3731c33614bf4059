/**
 * Deploy backups kept in Consul KV of the target datacenter, so that a rollback works from any
 * machine (a CI workspace that is thrown away no longer takes the rollback with it). Each backup file
 * (manifest, one file per object) is stored in chunks under the 512 KB value limit:
 * `<root>calvin/backups/<env>/<stamp>/<file>/<nnnn>`. The local `.calvin/backups` copy stays a cache.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { writeFileAtomicSync } from '../fsutil/index.js';
import { consulError, createConsulClient } from './consul-client.js';

/** Characters per chunk: at most 4 bytes each in UTF-8, so a chunk stays under 512 KB. */
export const BACKUP_CHUNK_CHARS = 120_000;

export function backupsPrefix(kvRoot: string, environment: string): string {
  return `${kvRoot}calvin/backups/${environment.replace(/[^A-Za-z0-9._-]/g, '_')}/`;
}

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full, base);
    return name.endsWith('.tmp') ? [] : [path.relative(base, full).split(path.sep).join('/')];
  });
}

export function chunks(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += BACKUP_CHUNK_CHARS) out.push(text.slice(i, i + BACKUP_CHUNK_CHARS));
  return out.length > 0 ? out : [''];
}

/** Copies one local backup folder to KV (replacing what an earlier upload of it stored). */
export async function uploadBackup(config: Config, kvRoot: string, environment: string, dir: string): Promise<void> {
  const consul = createConsulClient(config, { timeoutMs: 30_000 });
  const prefix = `${backupsPrefix(kvRoot, environment)}${path.basename(dir)}/`;
  try {
    for (const file of filesUnder(dir)) {
      await consul.kv.del({ key: `${prefix}${file}/`, recurse: true });
      const parts = chunks(readFileSync(path.join(dir, file), 'utf8'));
      for (const [n, part] of parts.entries())
        await consul.kv.set({ key: `${prefix}${file}/${String(n).padStart(4, '0')}`, value: part });
    }
  } catch (error) {
    throw consulError(error, config, `storing backup ${path.basename(dir)}`);
  }
}

/** Brings every backup of the environment that KV has and the local cache lacks into `localDir`. */
export async function downloadBackups(
  config: Config,
  kvRoot: string,
  environment: string,
  localDir: string,
): Promise<string[]> {
  const consul = createConsulClient(config, { timeoutMs: 30_000 });
  const prefix = backupsPrefix(kvRoot, environment);
  let items: { Key: string; Value: string | null }[];
  try {
    items = ((await consul.kv.get({ key: prefix, recurse: true })) as typeof items | undefined) ?? [];
  } catch (error) {
    throw consulError(error, config, 'reading the backups');
  }
  const files = new Map<string, { n: number; value: string }[]>();
  for (const item of items) {
    const m = /^(.+)\/(\d{4})$/.exec(item.Key.slice(prefix.length));
    if (!m) continue;
    const list = files.get(m[1] as string) ?? [];
    list.push({ n: Number(m[2]), value: item.Value ?? '' });
    files.set(m[1] as string, list);
  }
  const fetched = new Set<string>();
  for (const [file, parts] of files) {
    const stamp = file.split('/')[0] as string;
    if (existsSync(path.join(localDir, stamp, 'manifest.json')) && !fetched.has(stamp)) continue;
    fetched.add(stamp);
    mkdirSync(path.join(localDir, stamp), { recursive: true });
    const text = parts
      .sort((a, b) => a.n - b.n)
      .map((p) => p.value)
      .join('');
    writeFileAtomicSync(path.join(localDir, file), text);
  }
  return [...fetched].sort();
}
