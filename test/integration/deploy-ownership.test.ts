/**
 * Ownership survives rollback and copies; rollbacks are annotated; unattended runs only refuse
 * when there is something to do.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALVIN_KV_FLAG } from '../../src/backends/consul-kv.js';
import { isCalvinError } from '../../src/errors.js';
import { harness, influxQuery, type Harness } from '../fakes/deploy-harness.js';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.close();
});

describe('ownership', () => {
  it('rolling back an adopted Consul key gives it back its own flags, so a later --prune leaves it alone', async () => {
    const name = `config/services/logs/filters/${h.prefix}-one`;
    const key = `${h.kvRoot}${name}`;
    await h.consul.kv.set({ key, value: 'HAND-MADE FILTER', flags: 42 });
    const adopted = await h.deploy();
    expect(adopted.plan!.items.find((i) => i.name === name)?.note).toBe('adopts an object calvin did not create');
    expect(((await h.consul.kv.get({ key })) as { Flags: number }).Flags).toBe(CALVIN_KV_FLAG);

    const back = await h.rollback();
    expect(back.exitCode).toBe(0);
    expect(back.io.out.join('')).toContain(`consul-kv/key ${name}: restored`);
    expect(await h.consul.kv.get({ key })).toMatchObject({ Value: 'HAND-MADE FILTER', Flags: 42 });

    const pruned = await h.deploy({}, { prune: true, artifacts: [] });
    expect(pruned.exitCode).toBe(0);
    expect(pruned.plan!.items.filter((i) => i.kind === 'consul-kv/key').map((i) => i.name)).toEqual([]);
    expect(await h.consul.kv.get({ key })).toMatchObject({ Value: 'HAND-MADE FILTER', Flags: 42 });
  });

  it('a Grafana "Save as" copy keeps the calvin tag but not a calvin- uid: --prune leaves it alone', async () => {
    await h.deploy();
    const s = h.grafana.dashboards.get(h.uid('one'))!;
    const { id: _id, version: _version, ...copy } = s.dashboard;
    h.grafana.putByHand({ ...copy, uid: 'my-copy-of-one', title: 'Fixture one (my copy)' }, s.folderUid);
    expect(h.grafana.dashboards.get('my-copy-of-one')?.dashboard.tags).toContain('calvin');

    const pruned = await h.deploy({}, { prune: true, artifacts: [] });
    expect(pruned.exitCode).toBe(0);
    expect(
      pruned
        .plan!.items.filter((i) => i.kind === 'grafana/dashboard')
        .map((i) => i.name)
        .sort(),
    ).toEqual([h.uid('one'), h.uid('two')]);
    expect(h.grafana.dashboards.has(h.uid('one'))).toBe(false);
    expect(h.grafana.dashboards.has('my-copy-of-one')).toBe(true);
  });
});

describe('rollback marker', () => {
  it('a rollback writes a calvin_deploys point "rollback <stamp>: ..."', async () => {
    const deployed = await h.deploy();
    const stamp = path.basename(deployed.apply!.backupDir);
    expect((await h.rollback()).exitCode).toBe(0);
    const markers = await influxQuery('SELECT "what", "who", "environment" FROM "calvin_deploys"', h.markerDb);
    expect(markers.results[0]?.series?.[0]?.values.map((v) => v.slice(1))).toEqual([
      ['13 created, 0 updated, 0 deleted', 'tester', 'test'],
      [`rollback ${stamp}: 0 restored, 0 recreated, 13 deleted`, 'tester', 'test'],
    ]);
  });
});

describe('unattended runs (no terminal, no --yes)', () => {
  it('plan first: exit 0 when there is nothing to do, refuse (exit 2, no writes) only when there are changes', async () => {
    await h.deploy();
    const writes = h.fakeWrites();
    const nothing = await h.deploy({}, { yes: false });
    expect(nothing.exitCode).toBe(0);
    expect(nothing.io.out.join('')).toContain('No changes.');
    const refused = await h.deploy({ revision: 2 }, { yes: false }).catch((error: unknown) => error);
    expect(isCalvinError(refused) && refused.code).toBe('NOT_CONFIRMED');
    expect(h.fakeWrites()).toBe(writes);
  });

  it('`deploy --help` names every secret it reads from the environment', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'deploy', '--help'], {
      cwd: repoRoot,
    });
    for (const name of [
      'CONSUL_HTTP_TOKEN',
      'GRAFANA_TOKEN',
      'CHRONOGRAF_TOKEN',
      'KAPACITOR_TOKEN',
      'ELASTICSEARCH_TOKEN',
      'ELASTICSEARCH_USERNAME',
      'ELASTICSEARCH_PASSWORD',
      'INFLUX_TOKEN',
    ]) {
      expect(stdout).toContain(name);
    }
  });
});
