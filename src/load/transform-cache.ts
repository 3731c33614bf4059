/**
 * esbuild output cached by content hash in the user's cache folder (~/.cache/calvin/transform), so
 * that loading unchanged definition files skips the transform. Best effort: any cache failure just
 * means transforming again. The folder is private (cache-folder.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { privateCacheFolder } from '../cache-folder.js';

let folder: string | null | undefined;

function cacheFolder(): string | null {
  if (folder === undefined)
    folder = process.env.CALVIN_NO_TRANSFORM_CACHE === '1' ? null : privateCacheFolder('transform');
  return folder;
}

export function transformKey(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** The file under `key` when the cache holds it. */
export function cachedFile(key: string, extension: string): string | undefined {
  const dir = cacheFolder();
  if (!dir) return undefined;
  const file = path.join(dir, `${key}.${extension}`);
  return existsSync(file) ? file : undefined;
}

/** The cached text under `key`, if any. */
export function readCache(key: string, extension = 'js'): string | undefined {
  const dir = cacheFolder();
  if (!dir) return undefined;
  // Synchronous on purpose: thousands of small reads are much cheaper without the async round trips.
  try {
    return readFileSync(path.join(dir, `${key}.${extension}`), 'utf8');
  } catch {
    return undefined;
  }
}

/** The cached bytes under `key`, if any. */
export function readCacheBytes(key: string, extension: string): Buffer | undefined {
  const dir = cacheFolder();
  if (!dir) return undefined;
  try {
    return readFileSync(path.join(dir, `${key}.${extension}`));
  } catch {
    return undefined;
  }
}

/** Stores `text` under `key` (write to a temp file, then rename, so readers never see half a file). */
export async function writeCache(key: string, text: string | Uint8Array, extension = 'js'): Promise<void> {
  const dir = cacheFolder();
  if (!dir) return;
  const target = path.join(dir, `${key}.${extension}`);
  const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, text, { mode: 0o600 })
    .then(() => rename(temp, target))
    .catch(() => rm(temp, { force: true }));
}

export async function cachedTransform(key: string, produce: () => Promise<string>): Promise<string> {
  const cached = readCache(key);
  if (cached !== undefined) return cached;
  const code = await produce();
  await writeCache(key, code);
  return code;
}
