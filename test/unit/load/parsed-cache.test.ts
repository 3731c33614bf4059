/**
 * Parsed YAML/JSON data files cached by their text (parsed-cache.ts): a checked value comes back for
 * the same text, any other text misses, values JSON cannot carry are never kept, and an invalid
 * config is never cached (so it fails every time).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { usePrivateCacheHome } from '../../helpers/private-cache.js';
import { readConfigFile } from '../../../src/config-file.js';
import { loadKnownIssues } from '../../../src/diagnose/known-issues.js';
import { cachedParse, storeParsed, survivesJson } from '../../../src/load/parsed-cache.js';

usePrivateCacheHome('calvin-parsed-cache-');

describe('the parsed-file cache', () => {
  it('gives back what was stored for the same text only', async () => {
    await storeParsed('t', 'a: 1\n', { a: 1 });
    expect(cachedParse('t', 'a: 1\n')).toEqual({ a: 1 });
    expect(cachedParse('t', 'a: 2\n')).toBeUndefined();
    expect(cachedParse('other', 'a: 1\n')).toBeUndefined();
  });

  it('keeps only values JSON carries exactly', async () => {
    expect(survivesJson({ a: [1, 'x', true, null, { b: 2.5 }] })).toBe(true);
    for (const lossy of [Number.NaN, Number.POSITIVE_INFINITY, undefined, new Date(0), new Map(), [1, undefined]])
      expect(survivesJson({ v: lossy })).toBe(false);
    await storeParsed('t', 'x: .inf\n', { x: Number.POSITIVE_INFINITY });
    expect(cachedParse('t', 'x: .inf\n')).toBeUndefined();
  });

  it('serves a known-issue file parsed before, and a config checked before, equal to a fresh parse', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'calvin-known-'));
    const issues = path.join(dir, 'known-issues');
    mkdirSync(issues);
    writeFileSync(
      path.join(issues, 'disk.yaml'),
      'id: disk\ntitle: Disk full\nrunbook: runbooks/host-disk-full.md\nquery:\n  message: "No space left"\n',
    );
    writeFileSync(path.join(dir, 'calvin.config.yaml'), 'environments:\n  test:\n    serveUrl: http://s:1\n');
    try {
      const fresh = await loadKnownIssues(issues);
      const config = await readConfigFile(dir);
      await new Promise((resolve) => setTimeout(resolve, 50)); // the background writes
      expect(await loadKnownIssues(issues)).toEqual(fresh);
      expect(fresh.map((k) => k.id)).toEqual(['disk']);
      expect(await readConfigFile(dir)).toEqual(config);
      expect(config).toEqual({ environments: { test: { serveUrl: 'http://s:1' } } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never caches an invalid config: it fails on every read', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'calvin-config-'));
    writeFileSync(path.join(dir, 'calvin.config.yaml'), 'environments:\n  test:\n    serveUrl: not-a-url\n');
    try {
      await expect(readConfigFile(dir)).rejects.toThrow(/serveUrl/);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await expect(readConfigFile(dir)).rejects.toThrow(/serveUrl/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
