import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, influxQuery, type Harness } from '../fakes/deploy-harness.js';
import { CALVIN_KV_FLAG } from '../../src/backends/consul-kv.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.close();
});

describe('calvin deploy against real Consul + Elasticsearch and the contract fakes', () => {
  it('creates everything, then a second deploy plans zero changes and writes nothing', async () => {
    const first = await h.deploy();
    expect(first.exitCode).toBe(0);
    // 1 component + 2 index templates + 4 KV keys + 2 dashboards + 2 Chronograf + 2 tasks
    expect(first.plan?.summary).toEqual({ create: 13, update: 0, delete: 0, unchanged: 0 });
    expect(h.grafana.dashboards.get(h.uid('one'))?.versions.at(-1)?.message).toBe('calvin deploy abc123');
    expect(h.grafana.folders.has(`calvin-${h.prefix}`)).toBe(true);
    expect((await h.esTemplate(`${h.prefix}-one`))?.composed_of).toEqual([`${h.prefix}-ecs`]);
    const kv = (await h.consul.kv.get({ key: `${h.kvRoot}config/services/logs/filters/${h.prefix}-one` })) as {
      Flags: number;
      ModifyIndex: number;
    };
    expect(kv.Flags).toBe(CALVIN_KV_FLAG);
    expect(h.kapacitor.tasks.get(`calvin-${h.prefix}-one`)?.runningScript).toContain('< 5');

    const versions = h.grafana.versionCount();
    const reloads = h.kapacitor.reloads();
    const fakeWrites = h.fakeWrites();
    const second = await h.deploy();
    expect(second.exitCode).toBe(0);
    expect(second.plan?.summary).toEqual({ create: 0, update: 0, delete: 0, unchanged: 13 });
    expect(second.io.out.join('')).toContain('No changes.');
    expect(second.writes).toBe(0);
    expect(h.fakeWrites()).toBe(fakeWrites);
    expect(h.grafana.versionCount()).toBe(versions);
    expect(h.kapacitor.reloads()).toBe(reloads);
    // One deploy marker: the second deploy changed nothing, so it wrote none.
    const markers = await influxQuery(
      'SELECT "what", "who", "commit", "environment" FROM "calvin_deploys"',
      h.markerDb,
    );
    expect(markers.results[0]?.series?.[0]?.values).toEqual([
      [expect.any(String), '13 created, 0 updated, 0 deleted', 'tester', 'abc123', 'test'],
    ]);
    const kvAfter = (await h.consul.kv.get({ key: `${h.kvRoot}config/services/logs/filters/${h.prefix}-one` })) as {
      ModifyIndex: number;
    };
    expect(kvAfter.ModifyIndex).toBe(kv.ModifyIndex);
  });

  it('shows drift made directly in each backend in the next plan, and repairs it', async () => {
    await h.deploy();
    const uid = h.uid('one');
    const stored = h.grafana.dashboards.get(uid);
    h.grafana.putByHand({ ...stored!.dashboard, title: 'edited in the UI' }, stored!.folderUid);
    await h.consul.kv.set({
      key: `${h.kvRoot}config/services/dashboards/${h.prefix}-one.json`,
      value: 'hand edit',
      flags: CALVIN_KV_FLAG,
    });
    await fetch(`http://127.0.0.1:19200/_index_template/${h.prefix}-two`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        index_patterns: [`${h.prefix}-two-*`],
        priority: 501,
        composed_of: [`${h.prefix}-ecs`],
        _meta: { managed_by: 'calvin' },
      }),
    });
    const task = h.kapacitor.tasks.get(`calvin-${h.prefix}-two`)!;
    task.script = 'stream |from()';

    const plan = await h.deploy({}, { planOnly: true, json: true });
    const json = JSON.parse(plan.io.out.join('')) as {
      summary: Record<string, number>;
      changes: { action: string; kind: string; name: string; changedFields: string[]; diff: string }[];
    };
    expect(json.summary.update).toBe(4);
    expect(json.changes.map((c) => `${c.action} ${c.kind} ${c.name}`).sort()).toEqual(
      [
        `update consul-kv/key config/services/dashboards/${h.prefix}-one.json`,
        `update elasticsearch/index-template ${h.prefix}-two`,
        `update grafana/dashboard ${uid}`,
        `update kapacitor/task calvin-${h.prefix}-two`,
      ].sort(),
    );
    expect(json.changes.find((c) => c.kind === 'grafana/dashboard')?.diff).toContain(
      '-    "title": "edited in the UI"',
    );

    const repaired = await h.deploy();
    expect(repaired.plan?.summary.update).toBe(4);
    expect(h.kapacitor.tasks.get(`calvin-${h.prefix}-two`)?.runningScript).toContain('.measurement');
    const again = await h.deploy({}, { planOnly: true });
    expect(again.io.out.join('')).toContain('No changes.');
  });

  it('a secret in drifted content is hidden in the --json plan, which stays valid JSON', async () => {
    await h.deploy();
    const key = `${h.kvRoot}config/services/logs/filters/${h.prefix}-one`;
    await h.consul.kv.set({ key, value: 'filter {\n  http { password => "hunter2" }\n}\n', flags: CALVIN_KV_FLAG });
    const { io } = await h.deploy({}, { planOnly: true, json: true });
    const out = io.out.join('');
    expect(out).not.toContain('hunter2');
    const plan = JSON.parse(out) as { changes: { name: string; diff?: string }[] };
    const change = plan.changes.find((c) => c.name.endsWith(`${h.prefix}-one`) && c.diff?.includes('password'));
    expect(change?.diff).toContain('password => "***"');
  });

  it('restarts an updated Kapacitor task so that the new program runs, and writes a new Grafana version only for changed dashboards', async () => {
    await h.deploy();
    const id = `calvin-${h.prefix}-one`;
    const before = h.grafana.versionCount();
    const result = await h.deploy({ revision: 2 });
    expect(result.exitCode).toBe(0);
    const task = h.kapacitor.tasks.get(id)!;
    expect(task.script).toContain('< 10');
    expect(task.runningScript).toBe(task.script);
    expect(h.grafana.versionCount()).toBe(before + 2);
    const text = result.io.out.join('');
    expect(text).toMatch(/~ kapacitor\/task\s+calvin-\S+-one\s+\(script\)/);
    expect(text).toContain('Plan: 0 to add, 12 to change, 0 to destroy, 1 unchanged.');
  });

  it('--prune deletes only calvin-managed objects that are no longer defined; hand-made objects survive every deploy', async () => {
    await h.deploy();
    // Hand-made objects in every backend, named like ours but without calvin's marker.
    h.grafana.putByHand({ uid: `${h.prefix}-hand`, title: 'mine', tags: ['team'] });
    const chronoId = h.chronograf.putByHand({ name: `${h.prefix} hand-made`, cells: [] });
    h.kapacitor.putByHand({ id: `${h.prefix}-hand`, script: 'stream' });
    await fetch(`http://127.0.0.1:19200/_index_template/${h.prefix}-hand`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ index_patterns: [`${h.prefix}-hand-*`], priority: 300 }),
    });
    await h.consul.kv.set({ key: `${h.kvRoot}config/services/dashboards/hand.json`, value: '{}' });

    const pruned = await h.deploy({ fewer: true }, { prune: true });
    expect(pruned.exitCode).toBe(0);
    expect(pruned.plan?.summary.delete).toBe(6);
    expect(h.grafana.dashboards.has(h.uid('two'))).toBe(false);
    expect(h.kapacitor.tasks.has(`calvin-${h.prefix}-two`)).toBe(false);
    expect(await h.esTemplate(`${h.prefix}-two`)).toBeUndefined();

    const survivors = async (): Promise<void> => {
      expect(h.grafana.dashboards.has(`${h.prefix}-hand`)).toBe(true);
      expect(h.chronograf.dashboards.has(chronoId)).toBe(true);
      expect(h.kapacitor.tasks.has(`${h.prefix}-hand`)).toBe(true);
      expect(await h.esTemplate(`${h.prefix}-hand`)).toBeDefined();
      expect(await h.consul.kv.get({ key: `${h.kvRoot}config/services/dashboards/hand.json` })).toBeTruthy();
    };
    await survivors();
    const nothingDefined = await h.deploy({ fewer: true }, { prune: true, artifacts: [] });
    expect(nothingDefined.exitCode).toBe(0);
    await survivors();
    expect(nothingDefined.plan?.items.every((i) => i.live?.managed !== false)).toBe(true);
  });
});
