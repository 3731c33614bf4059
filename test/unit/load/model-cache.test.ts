/**
 * The evaluated-definitions cache (model-cache.ts): a hit skips the worker, any change of a
 * definition, a helper or calvin's version misses, a corrupt file is ignored, and a definition that
 * reads the environment or prints is evaluated every time.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serialize } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { usePrivateCacheHome } from '../../helpers/private-cache.js';
import { definitionBundle } from '../../../src/load/definition-bundle.js';
import { loadCatalog } from '../../../src/load/index.js';
import { modelKey, readModel } from '../../../src/load/model-cache.js';
import { calvinVersion } from '../../../src/load/parsed-cache.js';
import { SERVICE_TS, tempRoot, type TempRoot } from './fixture-roots.js';

const cacheHome = usePrivateCacheHome('calvin-model-cache-');

const roots: TempRoot[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) root.remove();
});

function project(files: Record<string, string>): TempRoot {
  const created = tempRoot();
  roots.push(created);
  for (const [file, content] of Object.entries(files)) created.write(file, content);
  return created;
}

/** The model cache file of the project's current definition files. */
async function modelFile(root: string, files: string[], version = calvinVersion()): Promise<string> {
  const bundle = await definitionBundle(root, files);
  if (!('contentKey' in bundle)) throw new Error('the bundle cache is off');
  return path.join(cacheHome, 'calvin', 'transform', `${modelKey(bundle.contentKey, version)}.model`);
}

const titleOf = async (root: string): Promise<string | undefined> =>
  (await loadCatalog(root, { onOutput: () => undefined })).services[0]?.title;

/** A service whose title comes from a helper module. */
const SERVICE_WITH_HELPER = `import { TITLE } from '../lib/title.js';
export default { kind: 'service', id: 'a', consulName: 'a', title: TITLE, aliases: [], owner: 'infra',
  metrics: { database: 'system', measurements: [], tagFilters: {}, signals: [] },
  logs: { indexPattern: 'logs-*', serviceNames: ['a'], processNames: [] }, runbooks: [] };
`;

describe('model cache', () => {
  it('a second load with unchanged definitions takes the evaluated model from the cache, not the worker', async () => {
    const p = project({ 'services/a.ts': SERVICE_TS('a') });
    expect(await titleOf(p.root)).toBe('a');
    const file = await modelFile(p.root, ['services/a.ts']);
    expect(existsSync(file)).toBe(true);
    // Only a load that reads the cache can see this title: the source still says 'a'.
    const outcomes = readModel(path.basename(file, '.model'), 1);
    const value = (outcomes?.[0] as { value: { title: string } }).value;
    writeFileSync(file, serialize([{ status: 'fulfilled', value: { ...value, title: 'from the cache' } }]));
    expect(await titleOf(p.root)).toBe('from the cache');
  });

  it('any change of a definition file misses', async () => {
    const p = project({ 'services/a.ts': SERVICE_TS('a') });
    await titleOf(p.root);
    p.write('services/a.ts', SERVICE_TS('a').replace("title: 'a'", "title: 'changed'"));
    expect(await titleOf(p.root)).toBe('changed');
  });

  it('a change of a helper the definition imports misses', async () => {
    const p = project({ 'services/a.ts': SERVICE_WITH_HELPER, 'lib/title.ts': "export const TITLE = 'one';\n" });
    expect(await titleOf(p.root)).toBe('one');
    p.write('lib/title.ts', "export const TITLE = 'two';\n");
    expect(await titleOf(p.root)).toBe('two');
  });

  it("another calvin version has another key: its cache is never this version's", async () => {
    const p = project({ 'services/a.ts': SERVICE_TS('a') });
    await titleOf(p.root);
    const mine = await modelFile(p.root, ['services/a.ts']);
    const other = await modelFile(p.root, ['services/a.ts'], '999.0.0');
    expect(other).not.toBe(mine);
    expect(existsSync(mine)).toBe(true);
    expect(readModel(path.basename(other, '.model'), 1)).toBeUndefined();
  });

  it('a corrupt or foreign cache file is ignored and replaced', async () => {
    const p = project({ 'services/a.ts': SERVICE_TS('a') });
    await titleOf(p.root);
    const file = await modelFile(p.root, ['services/a.ts']);
    writeFileSync(file, 'not a serialised model');
    expect(await titleOf(p.root)).toBe('a');
    writeFileSync(file, serialize({ something: 'else' }));
    expect(await titleOf(p.root)).toBe('a');
    expect(readModel(path.basename(file, '.model'), 1)).toBeDefined();
  });

  it('a definition that reads the environment or prints is evaluated every time, never cached', async () => {
    const p = project({
      'services/a.ts': SERVICE_TS('a').replace("title: 'a'", "title: process.env.CALVIN_MODEL_TEST ?? 'unset'"),
      'services/b.ts': `console.log('hello');\n${SERVICE_TS('b')}`,
    });
    process.env.CALVIN_MODEL_TEST = 'first';
    try {
      expect(await titleOf(p.root)).toBe('first');
      process.env.CALVIN_MODEL_TEST = 'second';
      expect(await titleOf(p.root)).toBe('second');
      expect(existsSync(await modelFile(p.root, ['services/a.ts', 'services/b.ts']))).toBe(false);
      const q = project({ 'services/b.ts': `console.log('hello');\n${SERVICE_TS('b')}` });
      const printed: string[] = [];
      await loadCatalog(q.root, { onOutput: (text) => printed.push(text) });
      await loadCatalog(q.root, { onOutput: (text) => printed.push(text) });
      expect(printed).toEqual(['hello\n', 'hello\n']);
    } finally {
      delete process.env.CALVIN_MODEL_TEST;
    }
  });
});
