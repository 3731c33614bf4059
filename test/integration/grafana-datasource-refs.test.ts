/**
 * The shipped dashboards' datasource references resolve in a Grafana provisioned the way
 * Calvinverse provisions it (the corpus's datasource files: names, no uid), with no datasource
 * change and no reload; calvin's former uid references would not. The fake Grafana applies
 * Grafana's documented rules (test/fakes/grafana-datasources.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatasourceYaml } from '../../src/define/environment-kv.js';
import type { DashboardDef, Panel } from '../../src/define/types.js';
import { datasourceRefs } from '../../src/lint/util/rendered.js';
import { loadCatalog } from '../../src/load/index.js';
import { defaultRenderOptions, renderGrafana } from '../../src/render/index.js';
import { renderGrafanaDatasources } from '../../src/render/grafana-kv.js';
import { startFakeGrafana, type FakeGrafana } from '../fakes/grafana.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const DS = path.resolve(
  repoRoot,
  '../shared/calvinverse-corpus/calvinverse.metrics.dashboards/config/kv/config/services/dashboards/datasources',
);
const token = 'tok-datasource-refs';
let grafana: FakeGrafana;

const call = async (method: string, url: string, body?: unknown): Promise<{ status: number; body: unknown }> => {
  const res = await fetch(`${grafana.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json().catch(() => undefined) };
};

beforeAll(async () => {
  grafana = await startFakeGrafana({ token });
  const files = ['influxdb.system.notkv.yaml', 'influxdb.services.notkv.yaml', 'influxdb.statsd.notkv.yaml'];
  grafana.datasources.provision(files.flatMap((f) => parseDatasourceYaml(readFileSync(path.join(DS, f), 'utf8'))));
  expect((await call('POST', '/api/admin/provisioning/datasources/reload')).status).toBe(200);
});
afterAll(async () => {
  await grafana.close();
});

describe('Grafana datasource references', () => {
  it('every InfluxDB reference of the shipped dashboards resolves to the database its queries read', async () => {
    const catalog = await loadCatalog(repoRoot);
    const artifacts = renderGrafana(catalog.dashboards, defaultRenderOptions());
    expect(artifacts.length).toBe(catalog.dashboards.length);
    let checked = 0;
    for (const a of artifacts) {
      const saved = await call('POST', '/api/dashboards/db', { dashboard: a.body, overwrite: true });
      expect(saved.status).toBe(200);
      const { body } = await call('GET', `/api/dashboards/uid/${a.name}`);
      for (const ref of datasourceRefs((body as { dashboard: unknown }).dashboard).filter(
        (r) => r.type === 'influxdb',
      )) {
        const resolved = grafana.datasources.resolve(ref.uid);
        expect(resolved, `${a.name}: ${ref.uid}`).toBeDefined();
        expect(['system', 'services']).toContain(resolved?.database);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(50);
    // Calvinverse's datasources got generated uids: calvin's old uid references matched nothing.
    expect(grafana.datasources.resolve('influxdb-system')).toBeUndefined();
    expect((await call('GET', '/api/datasources/name/InfluxDb.StatsD')).body).toMatchObject({ database: 'services' });
  });

  it('a datasource the environment lacks resolves only after Grafana reloads its provisioning', async () => {
    const base = (await loadCatalog(repoRoot)).dashboards[0] as DashboardDef;
    const panel: Panel = {
      type: 'timeseries',
      title: 'x',
      width: 12,
      height: 8,
      queries: [{ kind: 'raw', database: 'telegraf', text: 'SELECT 1' }],
    };
    const dashboard: DashboardDef = {
      ...base,
      variables: [],
      annotations: [],
      rows: [{ title: '', collapsed: false, panels: [panel] }],
    };
    const [telegraf] = renderGrafanaDatasources([dashboard], defaultRenderOptions());
    const provisioned = parseDatasourceYaml(String(telegraf?.content));
    expect(provisioned.map((d) => d.name)).toEqual(['InfluxDb.Telegraf']);
    grafana.datasources.provision([
      ...grafana.datasources.active.map((d) => ({ ...d, isDefault: false })),
      ...provisioned,
    ]);
    expect(grafana.datasources.resolve('InfluxDb.Telegraf')).toBeUndefined();
    await call('POST', '/api/admin/provisioning/datasources/reload');
    expect(grafana.datasources.resolve('InfluxDb.Telegraf')?.database).toBe('telegraf');
  });
});
