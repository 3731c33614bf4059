import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDeployLock, createConsulKvDriver } from '../../src/backends/consul-kv.js';
import { lockKey } from '../../src/deploy/run.js';
import { isCalvinError } from '../../src/errors.js';
import { capture, harness, type Harness } from '../fakes/deploy-harness.js';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.close();
});

function items(text: string, header: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(header);
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('  ')) break;
    out.push(line.trim());
  }
  return out;
}

describe('deploy safety', () => {
  it('serialises on the per-environment lock: waits and says so, or fails with --no-wait', async () => {
    const key = lockKey({ kvRoot: h.kvRoot }, 'test');
    const held = await acquireDeployLock({
      config: { ...h.config, consul: { ...h.config.consul, datacenter: 'test' } },
      key,
      wait: false,
      holder: 'someone else',
    });
    const noWait = await h.deploy({}, { wait: false }).catch((error: unknown) => error);
    expect(isCalvinError(noWait) && noWait.code).toBe('LOCKED');
    expect(isCalvinError(noWait) && noWait.exitCode).toBe(2);

    let sawWait!: () => void;
    const waiting = new Promise<void>((resolve) => (sawWait = resolve));
    const io = capture((text) => {
      if (text.includes('waiting for the deploy lock')) sawWait();
    });
    const pending = h.deploy({}, { io });
    await waiting;
    expect(io.err.join('')).toContain('held by someone else');
    expect(h.fakeWrites()).toBe(0);
    await held.release();
    expect((await pending).exitCode).toBe(0);
    expect(h.fakeWrites()).toBeGreaterThan(0);
  });

  it('a crashed deploy does not hold the lock forever: its session TTL frees it', async () => {
    const key = lockKey({ kvRoot: h.kvRoot }, 'test');
    // A "crashed" holder: a session with the minimum TTL that nobody renews.
    const session = (await h.consul.session.create({
      name: 'crashed deploy',
      ttl: '10s',
      behavior: 'delete',
      lockdelay: '1s',
    })) as { ID: string };
    expect(await h.consul.kv.set({ key, value: 'crashed', acquire: session.ID })).toBe(true);
    const io = capture();
    const result = await h.deploy({}, { io });
    expect(io.err.join('')).toContain('held by crashed');
    expect(result.exitCode).toBe(0);
    expect(result.plan?.summary.create).toBe(13);
  });

  it('Consul KV writes are check-and-set: a key changed after the plan stops the apply', async () => {
    await h.deploy();
    const driver = createConsulKvDriver({ config: h.config, root: h.kvRoot });
    const name = `config/services/logs/filters/${h.prefix}-one`;
    const { objects } = await driver.list([{ kind: 'consul-kv/key', name, body: 'x' }]);
    const stale = objects.find((o) => o.name === name)!;
    await h.consul.kv.set({ key: `${h.kvRoot}${name}`, value: 'someone else', flags: 0 });
    const error = await driver.update({ kind: 'consul-kv/key', name, body: 'mine' }, stale).catch((e: unknown) => e);
    expect(isCalvinError(error) && error.code).toBe('APPLY_FAILED');
    expect(isCalvinError(error) && error.message).toContain('check-and-set failed');
    expect(((await h.consul.kv.get({ key: `${h.kvRoot}${name}` })) as { Value: string }).Value).toBe('someone else');
    const create = await driver.create({ kind: 'consul-kv/key', name, body: 'dup' }).catch((e: unknown) => e);
    expect(isCalvinError(create) && create.code).toBe('APPLY_FAILED');
  });

  it('two concurrent deploys serialise: one creates everything, the other finds nothing to do', async () => {
    const [a, b] = await Promise.all([h.deploy(), h.deploy()]);
    expect([a.exitCode, b.exitCode]).toEqual([0, 0]);
    expect([a.plan?.summary.create, b.plan?.summary.create].sort()).toEqual([0, 13]);
    expect(h.kapacitor.tasks.size).toBe(2);
  });

  it('a failure half-way stops, reports exactly what was and was not applied, exits 1, and rollback restores', async () => {
    await h.deploy();
    const before = {
      title: h.grafana.dashboards.get(h.uid('one'))?.dashboard.title,
      es: await h.esTemplate(`${h.prefix}-one`),
    };
    h.grafana.failWrite(2); // the second dashboard save answers 500
    const failed = await h.deploy({ revision: 2 });
    expect(failed.exitCode).toBe(1);
    const out = failed.io.out.join('');
    const p = h.prefix;
    expect(items(out, 'Applied 7 of 12 change(s) to "test":')).toEqual([
      `~ elasticsearch/index-template ${p}-one`,
      `~ elasticsearch/index-template ${p}-two`,
      `~ consul-kv/key config/services/dashboards/${p}-one.json`,
      `~ consul-kv/key config/services/dashboards/${p}-two.json`,
      `~ consul-kv/key config/services/logs/filters/${p}-one`,
      `~ consul-kv/key config/services/logs/filters/${p}-two`,
      `~ grafana/dashboard ${h.uid('one')}`,
    ]);
    expect(items(out, 'Failed:')).toEqual([
      expect.stringMatching(new RegExp(`^~ grafana/dashboard ${h.uid('two')}: Grafana answered 500`)),
    ]);
    expect(items(out, 'Not applied:')).toEqual([
      `~ chronograf/dashboard calvin/${p} one`,
      `~ chronograf/dashboard calvin/${p} two`,
      `~ kapacitor/task calvin-${p}-one`,
      `~ kapacitor/task calvin-${p}-two`,
    ]);
    expect(failed.io.err.join('')).toMatch(/stopped half-way/);
    expect(h.grafana.dashboards.get(h.uid('one'))?.dashboard.title).toBe('Fixture one r2');

    const back = await h.rollback();
    expect(back.exitCode).toBe(0);
    expect(back.io.out.join('')).toContain(`grafana/dashboard ${h.uid('one')}: restored`);
    expect(back.io.out.join('')).toContain(`grafana/dashboard ${h.uid('two')}: already as before`);
    expect(h.grafana.dashboards.get(h.uid('one'))?.dashboard.title).toBe(before.title);
    expect(await h.esTemplate(`${p}-one`)).toEqual(before.es);
    const plan = await h.deploy({}, { planOnly: true });
    expect(plan.io.out.join('')).toContain('No changes.');
  });

  it('rollback deletes what a deploy created and recreates what --prune deleted', async () => {
    const created = await h.deploy();
    const stamp = path.basename(created.apply!.backupDir);
    await h.deploy({ fewer: true }, { prune: true });
    expect(h.kapacitor.tasks.has(`calvin-${h.prefix}-two`)).toBe(false);
    const undoPrune = await h.rollback();
    expect(undoPrune.exitCode).toBe(0);
    expect(h.kapacitor.tasks.has(`calvin-${h.prefix}-two`)).toBe(true);
    expect(await h.esTemplate(`${h.prefix}-two`)).toBeDefined();
    expect([...h.chronograf.dashboards.values()].map((d) => d.name)).toContain(`calvin/${h.prefix} two`);
    const undoCreate = await h.rollback(stamp);
    expect(undoCreate.exitCode).toBe(0);
    expect(h.grafana.dashboards.size).toBe(0);
    expect(h.kapacitor.tasks.size).toBe(0);
    expect(h.chronograf.dashboards.size).toBe(0);
    expect(await h.esTemplate(`${h.prefix}-ecs`, 'component')).toBeUndefined();
    expect(await h.consul.kv.get({ key: `${h.kvRoot}config/services/logs/filters/${h.prefix}-one` })).toBeFalsy();
    const manifest = JSON.parse(readFileSync(path.join(created.apply!.backupDir, 'manifest.json'), 'utf8')) as {
      status: string;
    };
    expect(manifest.status).toBe('rolled-back');
  });

  it('needs --yes or a terminal confirmation; production needs its own name typed', async () => {
    const refused = await h.deploy({}, { yes: false }).catch((error: unknown) => error);
    expect(isCalvinError(refused) && refused.code).toBe('NOT_CONFIRMED');
    expect(h.fakeWrites()).toBe(0);
    const prodConfig = { ...h.config, productionEnvironments: ['test'] };
    const ask = (answer: string) => ({ ...capture(), interactive: true, ask: async () => answer });
    const cancelled = await h
      .deploy({}, { yes: false, config: prodConfig, io: ask('yes') })
      .catch((error: unknown) => error);
    expect(isCalvinError(cancelled) && cancelled.code).toBe('NOT_CONFIRMED');
    expect(h.fakeWrites()).toBe(0);
    const confirmed = await h.deploy({}, { yes: false, config: prodConfig, io: ask('test') });
    expect(confirmed.exitCode).toBe(0);
    expect(h.fakeWrites()).toBeGreaterThan(0);
  });

  it('a bad token gives one clear line and exit 2 (library and CLI)', async () => {
    const bad = { ...h.config, grafana: { url: h.grafana.url, token: 'wrong-token-123' } };
    const error = await h
      .deploy(
        {},
        {
          config: bad,
          endpoints: {
            grafana: bad.grafana,
            chronograf: h.config.chronograf!,
            kapacitor: h.config.kapacitor!,
            elasticsearch: { url: 'http://127.0.0.1:19200' },
          },
        },
      )
      .catch((e: unknown) => e);
    expect(isCalvinError(error) && error.code).toBe('UNAUTHORIZED');
    expect(isCalvinError(error) && error.oneLine()).toBe(
      'Grafana refused GET /api/search with 401 (check the Grafana token or credentials in the environment)',
    );

    const root = mkdtempSync(path.join(tmpdir(), 'calvin-empty-root-'));
    try {
      const cli = await run(
        process.execPath,
        [
          '--import',
          'tsx',
          'src/cli/main.ts',
          '--root',
          root,
          'deploy',
          '--env',
          'test',
          '--target',
          'grafana',
          '--plan',
        ],
        {
          cwd: repoRoot,
          env: {
            ...process.env,
            CONSUL_HTTP_ADDR: '127.0.0.1:18500',
            GRAFANA_URL: h.grafana.url,
            GRAFANA_TOKEN: 'wrong-token-123',
          },
        },
      ).then(
        () => ({ code: 0, stderr: '', stdout: '' }),
        (e: { code: number; stderr: string; stdout: string }) => e,
      );
      expect(cli.code).toBe(2);
      expect(cli.stdout).toBe('');
      expect(cli.stderr.trimEnd().split('\n')).toEqual([
        'calvin: Grafana refused GET /api/search with 401 (check the Grafana token or credentials in the environment)',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('never prints a token: plan, apply, failure and --debug output are scanned', async () => {
    const debugConfig = { ...h.config, debug: true };
    const outputs: string[] = [];
    const keep = <T extends { io: { all(): string } }>(r: T): T => {
      outputs.push(r.io.all());
      return r;
    };
    keep(await h.deploy({}, { config: debugConfig, planOnly: true }));
    keep(await h.deploy({}, { config: debugConfig, planOnly: true, json: true }));
    keep(await h.deploy({}, { config: debugConfig }));
    h.kapacitor.failWrite(1);
    keep(await h.deploy({ revision: 3 }, { config: debugConfig }));
    expect(outputs.join('')).toContain('Kapacitor: PATCH'); // the debug trace really ran

    // The CLI, --debug, with the token from a *_FILE and an error path.
    const root = mkdtempSync(path.join(tmpdir(), 'calvin-secret-root-'));
    const tokenFile = path.join(root, 'grafana-token');
    writeFileSync(tokenFile, `${h.token}\n`);
    try {
      for (const args of [
        ['deploy', '--env', 'test', '--target', 'grafana', '--plan'],
        ['deploy', '--env', 'test', '--target', 'grafana', '--yes', '--prune'],
        ['deploy', '--env', 'test', '--target', 'kapacitor', '--plan'],
      ]) {
        const env = {
          ...process.env,
          CONSUL_HTTP_ADDR: '127.0.0.1:18500',
          CONSUL_HTTP_TOKEN: h.token,
          GRAFANA_URL: h.grafana.url,
          GRAFANA_TOKEN_FILE: tokenFile,
          KAPACITOR_URL: 'http://127.0.0.1:1',
          KAPACITOR_TOKEN: h.token,
        };
        const result = await run(
          process.execPath,
          ['--import', 'tsx', 'src/cli/main.ts', '--debug', '--root', root, ...args],
          { cwd: repoRoot, env },
        ).then(
          (r) => ({ code: 0, ...r }),
          (e: { code: number; stdout: string; stderr: string }) => e,
        );
        outputs.push(result.stdout, result.stderr);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    const all = outputs.join('\n');
    expect(all).toContain('Grafana: GET /api/search');
    expect(all).toContain('Kapacitor at http://127.0.0.1:1 is unreachable');
    expect(all).not.toContain(h.token);
    expect(all).not.toContain(h.token.slice(4));
  });
});
