import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../../scripts/seed/scenarios.js';
import { loadCatalog } from '../../../src/load/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

// The seeded incidents are what the demo and the shipped alerts are tried on: a `category` tag the
// shipped service's filter does not select would leave its dashboards and alerts blind to them.
describe('seeded metrics carry the category tag of the shipped service', () => {
  it('every scenario of a shipped service with a category filter', async () => {
    const catalog = await loadCatalog(repoRoot);
    const checked: string[] = [];
    for (const spec of SCENARIOS) {
      const svc = catalog.services.find((s) => s.consulName === spec.service || s.id === spec.service);
      const category = svc?.metrics.tagFilters.category;
      if (category === undefined) continue;
      expect(`${spec.name}: ${spec.category}`).toBe(`${spec.name}: ${category}`);
      checked.push(spec.name);
    }
    expect(checked.length).toBeGreaterThanOrEqual(5);
  });
});
