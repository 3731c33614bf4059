/**
 * One Grafana delivery route per environment, against the Grafana fake that models file provisioning:
 * `provisioning` writes Consul KV only (consul-template and Grafana's file provider do the rest),
 * `api` writes the HTTP API only, and the plan refuses a uid that would travel both ways.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GRAFANA_KV_PREFIX } from '../../src/render/grafana-kv.js';
import type { Artifact } from '../../src/render/types.js';
import { fixtureArtifacts } from '../fixtures/deploy/artifacts.js';
import { harness, withCalvinUids, type Harness } from '../fakes/deploy-harness.js';
import type { ProvisionedFile } from '../fakes/grafana-provisioning.js';

const FOLDER = 'Calvin-fixtures';
let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.close();
});

/** Each fixture dashboard twice, as the renderer emits it: for the API and as its provisioning key. */
function bothRoutes(): Artifact[] {
  const dashboards = withCalvinUids(fixtureArtifacts({ prefix: h.prefix })).filter(
    (a) => a.type === 'grafana-dashboard',
  );
  return dashboards.flatMap((a) => {
    const dashboard = (a.body as { dashboard: Record<string, unknown> }).dashboard;
    const key = `${GRAFANA_KV_PREFIX}/dashboards/${FOLDER}/${a.name}`;
    const content = `${JSON.stringify(dashboard, null, 2)}\n`;
    const kv: Artifact = {
      ...a,
      type: 'grafana-kv',
      name: key,
      path: `grafana/kv/${key}.json`,
      content,
      body: dashboard,
    };
    return [a, kv];
  });
}

const deploy = (route: 'api' | 'provisioning', planOnly = false) =>
  h.deploy(
    {},
    {
      config: { ...h.config, grafanaDelivery: `test=${route}` },
      artifacts: bothRoutes(),
      targets: ['consul-kv', 'grafana'],
      planOnly,
    },
  );

async function provisioningKeys(): Promise<{ Key: string; Value: string }[]> {
  const found = (await h.consul.kv.get({ key: `${h.kvRoot}${GRAFANA_KV_PREFIX}/dashboards/`, recurse: true })) as
    | { Key: string; Value: string }[]
    | undefined;
  return found ?? [];
}

/** consul-template renders the keys to files, then Grafana reloads its dashboard provisioning. */
async function consulTemplateAndReload(): Promise<void> {
  const files: ProvisionedFile[] = (await provisioningKeys()).map((k) => ({
    path: k.Key.slice(`${h.kvRoot}${GRAFANA_KV_PREFIX}/dashboards/`.length),
    folder: FOLDER,
    dashboard: JSON.parse(k.Value) as Record<string, unknown>,
  }));
  h.grafana.provisioning.write(files);
  const res = await fetch(`${h.grafana.url}/api/admin/provisioning/dashboards/reload`, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.token}` },
  });
  expect(res.status).toBe(200);
}

async function getDashboard(uid: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${h.grafana.url}/api/dashboards/uid/${uid}`, {
    headers: { authorization: `Bearer ${h.token}` },
  });
  return { status: res.status, body: await res.json() };
}

describe('Grafana delivery route provisioning', () => {
  it('writes Consul KV only; the provisioned dashboards then plan as unchanged, and the api route is refused', async () => {
    const first = await deploy('provisioning');
    expect(first.exitCode, first.io.all()).toBe(0);
    expect(h.grafana.writes()).toBe(0);
    expect(h.grafana.dashboards.size).toBe(0);
    expect((await provisioningKeys()).map((k) => k.Key.slice(k.Key.lastIndexOf('/') + 1)).sort()).toEqual([
      h.uid('one'),
      h.uid('two'),
    ]);

    await consulTemplateAndReload();
    const provisioned = await getDashboard(h.uid('one'));
    expect(provisioned.body.meta).toMatchObject({
      provisioned: true,
      provisionedExternalId: `${FOLDER}/${h.uid('one')}`,
    });
    expect(provisioned.body.dashboard.version).toBe(1);

    // Grafana now lists the provisioned dashboards (calvin tag, calvin- uid): they are provisioning's, not the API's.
    const reloads = h.grafana.writes(); // the reload POST is the only write so far
    expect(reloads).toBe(1);
    const second = await deploy('provisioning');
    expect(second.exitCode, second.io.all()).toBe(0);
    expect(second.plan?.summary).toMatchObject({ create: 0, update: 0, delete: 0 });
    expect(h.grafana.writes()).toBe(reloads);

    // Every reload that finds the file rewritten makes a new version; an API save is refused.
    await consulTemplateAndReload();
    expect((await getDashboard(h.uid('one'))).body.dashboard.version).toBe(2);
    const save = await fetch(`${h.grafana.url}/api/dashboards/db`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ dashboard: { uid: h.uid('one'), title: 'x' }, overwrite: true }),
    });
    expect(save.status).toBe(400);
    expect(await save.json()).toEqual({ message: 'Cannot save provisioned dashboard' });

    // Switching this environment to the API while Grafana holds the provisioned uid: the plan refuses.
    await expect(deploy('api', true)).rejects.toThrow(
      new RegExp(`${h.uid('one')} would be delivered both through the API and through provisioning`),
    );
    expect(h.grafana.writes()).toBe(reloads + 1);
  });
});

describe('Grafana delivery route api', () => {
  it('writes the HTTP API only, and the provisioning route is refused while the API dashboards are live', async () => {
    const first = await deploy('api');
    expect(first.exitCode, first.io.all()).toBe(0);
    expect([...h.grafana.dashboards.keys()].sort()).toEqual([h.uid('one'), h.uid('two')]);
    expect([...h.grafana.dashboards.values()].every((d) => d.provisioned === undefined)).toBe(true);
    expect(await provisioningKeys()).toEqual([]);
    const kvWrites = first.plan?.items.filter((i) => i.kind === 'consul-kv/key' && i.action !== 'unchanged');
    expect(kvWrites).toEqual([]);

    const writes = h.grafana.writes();
    await expect(deploy('provisioning', true)).rejects.toThrow(
      /would be delivered both through the API and through provisioning \(and 1 more\)/,
    );
    expect(h.grafana.writes()).toBe(writes);
    expect(await provisioningKeys()).toEqual([]);
  });
});
