/**
 * calvin's folders in the user's cache (~/.cache/calvin/<name>, or under XDG_CACHE_HOME). What is
 * kept there is run as code (definition bundles, V8 code caches), so a folder is used only when it is
 * the current user's and writable by nobody else (it is made 0700). Otherwise there is no cache.
 */
import { mkdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The private cache folder `name`, made if missing, or null when it cannot be made private. */
export function privateCacheFolder(name: string): string | null {
  try {
    // The XDG spec: a relative XDG_CACHE_HOME is invalid and ignored (it would put the cache in the working directory).
    const xdg = process.env.XDG_CACHE_HOME;
    const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache');
    const candidate = path.join(base, 'calvin', name);
    mkdirSync(candidate, { recursive: true, mode: 0o700 });
    const info = statSync(candidate);
    const uid = typeof process.getuid === 'function' ? process.getuid() : info.uid;
    return info.uid === uid && (info.mode & 0o022) === 0 ? candidate : null;
  } catch {
    return null;
  }
}
