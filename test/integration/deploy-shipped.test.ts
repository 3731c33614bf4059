/**
 * The project's shipped definitions, rendered by the real loader and renderers, deploy idempotently:
 * the second deploy plans no change and writes nothing. Rendering runs in a child process, exactly
 * as the CLI does. Elasticsearch template names and patterns get a per-run prefix so the shared
 * cluster is not touched outside this test; Consul keys go under the run's own KV root.
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desiredObjects } from '../../src/deploy/desired.js';
import { DEPLOY_TARGETS } from '../../src/deploy/types.js';
import type { Artifact } from '../../src/render/types.js';
import { harness, type Harness } from '../fakes/deploy-harness.js';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');

const RENDER = `
import { loadCatalog } from './src/load/index.ts';
import { renderCatalog, defaultRenderOptions } from './src/render/index.ts';
const artifacts = renderCatalog(await loadCatalog('.'), defaultRenderOptions());
process.stdout.write(JSON.stringify(artifacts));
`;

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
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', RENDER], {
    cwd: repoRoot,
    maxBuffer: 64 * 1024 * 1024,
  });
  artifacts = scoped(JSON.parse(stdout) as Artifact[], h.prefix);
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
    expect([...kinds].sort()).toEqual(
      [...new Set(desiredObjects(artifacts, DEPLOY_TARGETS).map((d) => d.kind))].sort(),
    );
    expect(kinds.has('grafana/dashboard') && kinds.has('kapacitor/task') && kinds.has('consul-kv/key')).toBe(true);
    console.log(
      `shipped definitions: ${total} objects (${[...kinds].map((k) => `${k} ${first.plan!.items.filter((i) => i.kind === k).length}`).join(', ')})`,
    );
    const versions = h.grafana.versionCount();
    const second = await h.deploy({}, { artifacts });
    expect(
      second.plan!.items.filter((i) => i.action !== 'unchanged').map((i) => `${i.kind} ${i.name}\n${i.diff}`),
    ).toEqual([]);
    expect(second.plan!.summary.unchanged).toBe(total);
    expect(second.writes).toBe(0);
    expect(h.grafana.versionCount()).toBe(versions);
  });

  it('the CLI deploys them to Grafana, Chronograf and Kapacitor, and a second `--plan --json` is empty', async () => {
    const env = {
      ...process.env,
      CONSUL_HTTP_ADDR: '127.0.0.1:18500',
      GRAFANA_URL: h.grafana.url,
      CHRONOGRAF_URL: h.chronograf.url,
      KAPACITOR_URL: h.kapacitor.url,
      GRAFANA_TOKEN: h.token,
      CHRONOGRAF_TOKEN: h.token,
      KAPACITOR_TOKEN: h.token,
      INFLUX_URL: 'http://127.0.0.1:18086',
      CALVIN_DB_SERVICES: h.markerDb,
    };
    const cli = (args: string[]) =>
      run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
        cwd: repoRoot,
        env,
        maxBuffer: 64 * 1024 * 1024,
      });
    const backups = path.join(repoRoot, '.calvin', 'backups', 'test');
    // Start from empty fakes (the test above filled them through the library).
    h.grafana.dashboards.clear();
    h.chronograf.dashboards.clear();
    h.kapacitor.tasks.clear();
    try {
      const applied = await cli([
        'deploy',
        '--env',
        'test',
        '--target',
        'grafana,chronograf,kapacitor',
        '--yes',
        '--prune',
      ]);
      expect(applied.stdout).toMatch(/Applied \d+ of \d+ change\(s\) to "test"/);
      const writes = h.fakeWrites();
      const plan = JSON.parse(
        (await cli(['deploy', '--env', 'test', '--target', 'grafana,chronograf,kapacitor', '--plan', '--json'])).stdout,
      ) as { summary: Record<string, number>; changes: unknown[] };
      expect(plan.changes).toEqual([]);
      expect(plan.summary.unchanged).toBeGreaterThan(0);
      expect(h.fakeWrites()).toBe(writes);
    } finally {
      // The CLI keeps its backups in the project root; remove the ones this test made.
      const { stdout } = await cli(['rollback', '--env', 'test', '--list', '--json']).catch(() => ({
        stdout: '{"backups":[]}',
      }));
      for (const name of (JSON.parse(stdout) as { backups: string[] }).backups) {
        if (name >= startedAt) rmSync(path.join(backups, name), { recursive: true, force: true });
      }
    }
  });
});

const startedAt = new Date().toISOString().replace(/[:.]/g, '-');
