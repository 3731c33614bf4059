import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { privateCacheFolder } from '../../src/cache-folder.js';

let home: string;
const saved = { XDG_CACHE_HOME: process.env.XDG_CACHE_HOME, HOME: process.env.HOME };

beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'calvin-cache-folder-'));
  process.env.HOME = home;
});
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  rmSync(home, { recursive: true, force: true });
});

describe('privateCacheFolder', () => {
  it('makes <XDG_CACHE_HOME>/calvin/<name> 0700', () => {
    process.env.XDG_CACHE_HOME = path.join(home, 'xdg');
    const folder = privateCacheFolder('v8');
    expect(folder).toBe(path.join(home, 'xdg', 'calvin', 'v8'));
    expect(statSync(folder as string).mode & 0o777).toBe(0o700);
  });

  it('ignores a relative XDG_CACHE_HOME (the XDG spec), instead of caching in the working directory', () => {
    process.env.XDG_CACHE_HOME = 'relative-cache';
    expect(privateCacheFolder('v8')).toBe(path.join(home, '.cache', 'calvin', 'v8'));
  });

  it('refuses a folder others can write to', () => {
    process.env.XDG_CACHE_HOME = path.join(home, 'xdg');
    const folder = path.join(home, 'xdg', 'calvin', 'v8');
    mkdirSync(folder, { recursive: true });
    chmodSync(folder, 0o775);
    expect(privateCacheFolder('v8')).toBeNull();
  });
});
