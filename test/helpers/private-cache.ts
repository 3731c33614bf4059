/**
 * A cache folder of the test file's own (XDG_CACHE_HOME), removed afterwards. Call it at the top
 * of the file: calvin picks its cache folder on first use, which comes after this hook.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** Returns the folder. */
export function usePrivateCacheHome(prefix: string): string {
  const cacheHome = mkdtempSync(path.join(os.tmpdir(), prefix));
  const previous = process.env.XDG_CACHE_HOME;
  beforeAll(() => {
    process.env.XDG_CACHE_HOME = cacheHome;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = previous;
    rmSync(cacheHome, { recursive: true, force: true });
  });
  return cacheHome;
}
