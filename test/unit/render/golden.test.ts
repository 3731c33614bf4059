/**
 * Golden files: the fixture catalog rendered for every target must equal the reviewed files in
 * test/fixtures/render/golden/. Refresh them only with UPDATE_GOLDEN=1 and review the diff.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../src/define/types.js';
import { defaultRenderOptions, renderCatalog } from '../../../src/render/index.js';
import { fixtureCatalog } from '../../fixtures/render/catalog.js';

const goldenDir = fileURLToPath(new URL('../../fixtures/render/golden/', import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';

function listFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

describe('golden files', () => {
  const artifacts = renderCatalog(fixtureCatalog(), defaultRenderOptions());

  it('covers every target', () => {
    expect(new Set(artifacts.map((a) => a.target))).toEqual(
      new Set(['grafana', 'chronograf', 'kapacitor', 'logstash', 'elasticsearch']),
    );
  });

  if (update) {
    it('rewrites the golden files (UPDATE_GOLDEN=1)', () => {
      rmSync(goldenDir, { recursive: true, force: true });
      for (const artifact of artifacts) {
        const file = path.join(goldenDir, artifact.path);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, artifact.content);
      }
    });
  }

  it('has exactly one golden file per artifact', () => {
    const expected = artifacts.map((a) => a.path).sort();
    const actual = listFiles(goldenDir)
      .map((f) => path.relative(goldenDir, f).split(path.sep).join('/'))
      .sort();
    expect(actual).toEqual(expected);
  });

  for (const artifact of artifacts) {
    it(`matches ${artifact.path}`, () => {
      const golden = readFileSync(path.join(goldenDir, artifact.path), 'utf8');
      expect(artifact.content).toBe(golden);
    });
  }
});

describe('determinism', () => {
  it('renders identical bytes twice', () => {
    const first = renderCatalog(fixtureCatalog(), defaultRenderOptions());
    const second = renderCatalog(fixtureCatalog(), defaultRenderOptions());
    expect(second.map((a) => [a.path, a.content])).toEqual(first.map((a) => [a.path, a.content]));
  });

  it('JSON artifacts are stable JSON and their body is the parsed content', () => {
    for (const artifact of renderCatalog(fixtureCatalog(), defaultRenderOptions())) {
      expect(artifact.content.endsWith('\n')).toBe(true);
      if (artifact.path.endsWith('.json')) expect(artifact.body).toEqual(JSON.parse(artifact.content));
    }
  });

  it('does not depend on the order of the catalog', () => {
    const catalog = fixtureCatalog();
    const reference = renderCatalog(catalog, defaultRenderOptions()).map((a) => `${a.path}\n${a.content}`);
    const shuffled = (items: readonly unknown[]) =>
      fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
    fc.assert(
      fc.property(
        shuffled(catalog.services),
        shuffled(catalog.dashboards),
        shuffled(catalog.alerts),
        shuffled(catalog.logFilters),
        shuffled(catalog.indexTemplates),
        (services, dashboards, alerts, logFilters, indexTemplates) => {
          const reordered = { services, dashboards, alerts, logFilters, indexTemplates } as Catalog;
          const rendered = renderCatalog(reordered, defaultRenderOptions()).map((a) => `${a.path}\n${a.content}`);
          expect(rendered).toEqual(reference);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('renders only the requested targets', () => {
    const artifacts = renderCatalog(fixtureCatalog(), defaultRenderOptions({ targets: ['kapacitor'] }));
    expect(artifacts.length).toBeGreaterThan(0);
    expect(artifacts.every((a) => a.target === 'kapacitor')).toBe(true);
  });
});
