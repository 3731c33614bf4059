import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/load/index.js';
import { scaffold } from '../../../src/load/scaffold.js';
import { writeScaffold } from '../../../src/load/write-scaffold.js';
import { isCalvinError } from '../../../src/errors.js';
import { tempRoot, type TempRoot } from './fixture-roots.js';
import { typecheck } from './typecheck.js';

const roots: TempRoot[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) root.remove();
});

describe('calvin new scaffolds', () => {
  it('writes one definition of every kind that type-checks and loads', async () => {
    const p = tempRoot();
    roots.push(p);
    const files = [
      ...scaffold('service', 'artefacts'),
      ...scaffold('dashboard', 'artefacts-overview', { service: 'artefacts' }),
      ...scaffold('alert', 'artefacts-disk-full'),
      ...scaffold('log-filter', 'nexus-request-log', { service: 'artefacts' }),
      ...scaffold('index-template', 'logs-nexus'),
    ];
    await writeScaffold(p.root, files);
    expect(typecheck(files.filter((f) => f.path.endsWith('.ts')).map((f) => path.join(p.root, f.path)))).toEqual([]);
    const catalog = await loadCatalog(p.root);
    expect(catalog.alerts[0]?.service).toBe('artefacts');
    expect(catalog.alerts[0]?.runbook.markdown).toMatch(/^# Artefacts disk full/);
    expect(catalog.logFilters[0]?.tests).toHaveLength(1);
    expect([catalog.services.length, catalog.dashboards.length, catalog.indexTemplates.length]).toEqual([1, 1, 1]);
  }, 180_000);

  it('refuses to overwrite and writes nothing when one file exists', async () => {
    const p = tempRoot();
    roots.push(p);
    p.write('alerts/runbooks/disk-full.md', 'mine');
    await expect(writeScaffold(p.root, scaffold('alert', 'disk-full'))).rejects.toThrow(/alerts\/runbooks\/disk-full\.md already exists/);
    const { existsSync } = await import('node:fs');
    expect(existsSync(path.join(p.root, 'alerts/disk-full.ts'))).toBe(false);
  });

  it.each(['../evil', 'Evil', 'a b', 'a--b', '-a', 'a;rm -rf /', 'x'.repeat(64), 'caf\u00e9', 'a\u001b[31m', ''])('rejects the name %j in one line', (name) => {
    try {
      scaffold('service', name);
      throw new Error('expected a failure');
    } catch (error) {
      expect(isCalvinError(error) && error.code).toBe('BAD_ARGUMENT');
      const line = (error as Error).message;
      expect(line).not.toMatch(/[\u0000-\u001f]/);
    }
  });

  it('rejects an unknown kind', () => {
    expect(() => scaffold('panel', 'x')).toThrow(/unknown kind "panel"/);
  });
});
