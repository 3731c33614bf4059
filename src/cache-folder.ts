/**
 * calvin's folders in the user's cache (~/.cache/calvin/<name>, or under XDG_CACHE_HOME). What is
 * kept there is run as code (definition bundles, V8 code caches), so a folder is used only when it is
 * private: made 0700, owned by the current user, writable by nobody else. Otherwise there is no cache.
 */
import { mkdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The private cache folder `name`, made if missing, or null when it cannot be made private. */
export function privateCacheFolder(name: string): string | null {
  try {
    const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
    const candidate = path.join(base, 'calvin', name);
    mkdirSync(candidate, { recursive: true, mode: 0o700 });
    const info = statSync(candidate);
    const uid = typeof process.getuid === 'function' ? process.getuid() : info.uid;
    return info.uid === uid && (info.mode & 0o022) === 0 ? candidate : null;
  } catch {
    return null;
  }
}
