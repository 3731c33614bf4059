import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, readConfigFile } from '../../src/config.js';

describe('calvin.config per environment', () => {
  it('reads YAML, picks the section of --env, and lets environment variables override it', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'cfg-'));
    await writeFile(
      path.join(root, 'calvin.config.yaml'),
      'default: test\nenvironments:\n  test:\n    serveUrl: http://calvin.test:8080/\n    elasticsearch: http://es.test:9200\n  production:\n    serveUrl: https://calvin.prod\n    protectReads: true\n',
    );
    const file = await readConfigFile(root);
    expect(loadConfig({ root, file }, {})).toMatchObject({
      serveUrl: 'http://calvin.test:8080',
      elasticsearch: { url: 'http://es.test:9200' },
      protectReads: false,
    });
    expect(loadConfig({ root, file, datacenter: 'production' }, {})).toMatchObject({
      serveUrl: 'https://calvin.prod',
      protectReads: true,
    });
    expect(
      loadConfig({ root, file }, { CALVIN_SERVE_URL: 'http://override', ELASTICSEARCH_URL: 'http://es2' }),
    ).toMatchObject({ serveUrl: 'http://override', elasticsearch: { url: 'http://es2' } });
  });

  it('reads JSON and fails with one line naming a wrong field', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'cfg-'));
    await writeFile(
      path.join(root, 'calvin.config.json'),
      JSON.stringify({ environments: { test: { serveUrl: 'not a url' } } }),
    );
    await expect(readConfigFile(root)).rejects.toThrow(/calvin.config.json: \/environments\/test\/serveUrl/);
    expect(await readConfigFile(await mkdtemp(path.join(os.tmpdir(), 'cfg-')))).toBeUndefined();
  });
});
