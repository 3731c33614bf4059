/** A command's `--env` picks the calvin.config section, as CALVIN_ENV does; environment variables still win. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { createContext } from '../../../src/cli/context.js';
import { readConfigFile } from '../../../src/config.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const saved = { CALVIN_ENV: process.env.CALVIN_ENV, CALVIN_SERVE_URL: process.env.CALVIN_SERVE_URL };

afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

async function contextFor(yaml: string) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'calvin-ctx-'));
  await writeFile(path.join(root, 'calvin.config.yaml'), yaml);
  const program = new Command().option('--root <dir>');
  program.parse(['--root', root], { from: 'user' });
  return createContext(program);
}

const YAML = `default: test
environments:
  test:
    serveUrl: http://calvin.test:8080
  production:
    serveUrl: https://calvin.prod
    consul: 127.0.0.1:18510
`;

describe('the environment of a command picks the config section', () => {
  it('--env over CALVIN_ENV over the default, and it is the Consul datacenter too', async () => {
    delete process.env.CALVIN_ENV;
    delete process.env.CALVIN_SERVE_URL;
    const ctx = await contextFor(YAML);
    expect((await ctx.config()).serveUrl).toBe('http://calvin.test:8080');
    const production = await ctx.config('production');
    expect(production.serveUrl).toBe('https://calvin.prod');
    expect(production.consul).toMatchObject({ url: 'http://127.0.0.1:18510', datacenter: 'production' });
    process.env.CALVIN_ENV = 'production';
    expect((await (await contextFor(YAML)).config()).serveUrl).toBe('https://calvin.prod');
    expect((await (await contextFor(YAML)).config('test')).serveUrl).toBe('http://calvin.test:8080');
  });

  it('environment variables override the section --env picked', async () => {
    process.env.CALVIN_SERVE_URL = 'http://elsewhere:1';
    expect((await (await contextFor(YAML)).config('production')).serveUrl).toBe('http://elsewhere:1');
  });

  it('the shipped calvin.config.yaml has a test and a production section, each with a serve URL', async () => {
    const file = await readConfigFile(repoRoot);
    expect(file?.default).toBe('test');
    expect(Object.keys(file?.environments ?? {}).sort()).toEqual(['production', 'test']);
    for (const section of Object.values(file?.environments ?? {})) expect(section.serveUrl).toMatch(/^https?:\/\//);
  });
});
