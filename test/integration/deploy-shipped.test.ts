/**
 * The project's shipped definitions, rendered by the real renderers, deploy idempotently: the
 * second deploy plans no change and writes nothing. Elasticsearch template names and patterns get a
 * per-run prefix so the shared cluster is not touched outside this test.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/load/index.js';
import { defaultRenderOptions, renderCatalog } from '../../src/render/index.js';
import type { Artifact } from '../../src/render/types.js';
import { harness, type Harness } from '../fakes/deploy-harness.js';
import { desiredObjects } from '../../src/deploy/desired.js';
import { DEPLOY_TARGETS } from '../../src/deploy/types.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');

function scoped(artifacts: Artifact[], prefix: string): Artifact[] {
  const rename = (name: string): string => `${prefix}-${name}`;
  return artifacts.map((a) => {
    if (a.type !== 'es-index-template' && a.type !== 'es-component-template') return a;
    const body = structuredClone(a.body) as { index_patterns?: string[]; composed_of?: string[] };
    if (body.index_patterns) body.index_patterns = body.index_patterns.map(rename);
    if (body.composed_of) body.composed_of = body.composed_of.map(rename);
    return { ...a, name: rename(a.name), body, content: `${JSON.stringify(body)}\n` };
  });
}

let h: Harness;
let artifacts: Artifact[];
beforeAll(async () => {
  h = await harness();
  const catalog = await loadCatalog(repoRoot);
  artifacts = scoped(renderCatalog(catalog, defaultRenderOptions()), h.prefix);
});
afterAll(async () => {
  await h.close();
});

describe('shipped definitions', () => {
  it('deploy, then deploy again with zero changes and zero writes', async () => {
    const first = await h.deploy({}, { artifacts });
    expect(first.exitCode).toBe(0);
    const total = first.plan!.summary.create;
    const kinds = new Set(first.plan!.items.map((i) => i.kind));
    // Every kind the shipped definitions render is exercised.
    expect([...kinds].sort()).toEqual([...new Set(desiredObjects(artifacts, DEPLOY_TARGETS).map((d) => d.kind))].sort());
    expect(kinds.has('grafana/dashboard') && kinds.has('kapacitor/task') && kinds.has('consul-kv/key')).toBe(true);
    console.log(`shipped definitions: ${total} objects (${[...kinds].map((k) => `${k} ${first.plan!.items.filter((i) => i.kind === k).length}`).join(', ')})`);
    expect(first.plan!.summary).toEqual({ create: total, update: 0, delete: 0, unchanged: 0 });
    const versions = h.grafana.versionCount();
    const second = await h.deploy({}, { artifacts });
    expect(second.plan!.items.filter((i) => i.action !== 'unchanged').map((i) => `${i.kind} ${i.name}\n${i.diff}`)).toEqual([]);
    expect(second.plan!.summary.unchanged).toBe(total);
    expect(second.writes).toBe(0);
    expect(h.grafana.versionCount()).toBe(versions);
  });
});
