/** Shared set-up of the deploy integration tests: the three fakes, real Consul + Elasticsearch, captured output. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Consul from 'consul';
import { loadConfig, type Config } from '../../src/config.js';
import { runDeploy, runRollback, type DeployIo, type DeployRunOptions } from '../../src/deploy/run.js';
import { DEPLOY_TARGETS } from '../../src/deploy/types.js';
import type { Artifact } from '../../src/render/types.js';
import { fixtureArtifacts, type FixtureOptions } from '../fixtures/deploy/artifacts.js';
import { startFakeChronograf, type FakeChronograf } from './chronograf.js';
import { startFakeGrafana, type FakeGrafana } from './grafana.js';
import { startFakeKapacitor, type FakeKapacitor } from './kapacitor.js';
import type { FakeServer } from './server.js';

export const CONSUL = 'http://127.0.0.1:18500';
export const ES = 'http://127.0.0.1:19200';
export const ENV = 'test';
export const INFLUX = 'http://127.0.0.1:18086';

/** Test-only InfluxQL (a fixed statement shape on a generated database name). */
export async function influxQuery(
  q: string,
  db = '',
): Promise<{ results: { series?: { columns: string[]; values: unknown[][] }[] }[] }> {
  const res = await fetch(`${INFLUX}/query?${new URLSearchParams({ q, db }).toString()}`, { method: 'POST' });
  return (await res.json()) as { results: { series?: { columns: string[]; values: unknown[][] }[] }[] };
}

/**
 * calvin owns a Grafana dashboard only when it has the `calvin` tag AND a `calvin-` uid (as the
 * renderer's grafanaUid makes them); the shared fixtures name dashboards `<prefix>-<n>`, so the
 * harness gives them the uid a rendered definition would have: `calvin-<prefix>-<n>`.
 */
export function withCalvinUids(artifacts: Artifact[]): Artifact[] {
  return artifacts.map((a) => {
    if (a.type !== 'grafana-dashboard') return a;
    const body = structuredClone(a.body) as { dashboard: { uid: string } };
    body.dashboard.uid = `calvin-${body.dashboard.uid}`.slice(0, 40);
    return { ...a, name: body.dashboard.uid, body, content: `${JSON.stringify(body, null, 2)}\n` };
  });
}

export interface Captured extends DeployIo {
  out: string[];
  err: string[];
  all(): string;
}

export function capture(onErr?: (text: string) => void): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    interactive: false,
    stdout: (t) => void out.push(t),
    stderr: (t) => {
      err.push(t);
      onErr?.(t);
    },
    all: () => [...out, ...err].join(''),
  };
}

export interface Harness {
  prefix: string;
  kvRoot: string;
  grafana: FakeGrafana;
  chronograf: FakeChronograf;
  kapacitor: FakeKapacitor;
  consul: InstanceType<typeof Consul>;
  config: Config;
  backupRoot: string;
  token: string;
  markerDb: string;
  /** uid of fixture dashboard `n` ("one", "two"). */
  uid(n: string): string;
  deploy(
    fixture?: Omit<FixtureOptions, 'prefix'>,
    overrides?: Partial<DeployRunOptions>,
  ): ReturnType<typeof runDeploy> & Promise<{ io: Captured } & Awaited<ReturnType<typeof runDeploy>>>;
  rollback(to?: string, environment?: string): Promise<{ io: Captured; exitCode: number }>;
  fakeWrites(): number;
  esTemplate(name: string, kind?: 'index' | 'component'): Promise<Record<string, unknown> | undefined>;
  close(): Promise<void>;
}

export async function harness(): Promise<Harness> {
  const prefix = `calvintest-deploy-${randomBytes(3).toString('hex')}`;
  const kvRoot = `${prefix}/`;
  const token = `tok-${randomBytes(12).toString('hex')}`;
  const grafana = await startFakeGrafana({ token });
  const chronograf = await startFakeChronograf({ token });
  const kapacitor = await startFakeKapacitor({ token });
  const backupRoot = mkdtempSync(path.join(tmpdir(), 'calvin-deploy-'));
  const config: Config = {
    ...loadConfig({ root: backupRoot }, { CONSUL_HTTP_ADDR: '127.0.0.1:18500' }),
    grafana: { url: grafana.url, token },
    chronograf: { url: chronograf.url, token },
    kapacitor: { url: kapacitor.url, token },
    elasticsearch: { url: ES },
    influx: { url: INFLUX },
    productionEnvironments: ['production'],
  };
  const markerDb = `calvintest_deploy_${prefix.slice(-6)}`;
  config.databases = { ...config.databases, services: markerDb };
  await influxQuery(`CREATE DATABASE "${markerDb}"`);
  const consul = new Consul({ host: '127.0.0.1', port: 18500 });
  const scope = { kvRoot, esNamePrefix: prefix, backupRoot, lockPollMs: 100, commit: 'abc123', who: 'tester' } as const;
  const h: Harness = {
    prefix,
    kvRoot,
    grafana,
    chronograf,
    kapacitor,
    consul,
    config,
    backupRoot,
    token,
    markerDb,
    uid: (n) => `calvin-${prefix}-${n}`.slice(0, 40),
    deploy: (async (fixture: Omit<FixtureOptions, 'prefix'> = {}, overrides: Partial<DeployRunOptions> = {}) => {
      const io = (overrides.io as Captured | undefined) ?? capture();
      const result = await runDeploy({
        config,
        environment: ENV,
        artifacts: withCalvinUids(fixtureArtifacts({ prefix, ...fixture })),
        targets: [...DEPLOY_TARGETS],
        explicitTargets: true,
        planOnly: false,
        json: false,
        yes: true,
        prune: false,
        wait: true,
        ...scope,
        endpoints: {
          grafana: config.grafana!,
          chronograf: config.chronograf!,
          kapacitor: config.kapacitor!,
          elasticsearch: { url: ES },
          influx: { url: INFLUX },
        },
        ...overrides,
        io,
      });
      return { ...result, io };
    }) as Harness['deploy'],
    async rollback(to, environment = ENV) {
      const io = capture();
      const { exitCode } = await runRollback({
        config,
        environment,
        ...(to ? { to } : {}),
        yes: true,
        wait: true,
        json: false,
        io,
        ...scope,
        endpoints: {
          grafana: config.grafana!,
          chronograf: config.chronograf!,
          kapacitor: config.kapacitor!,
          elasticsearch: { url: ES },
          influx: { url: INFLUX },
        },
      });
      return { io, exitCode };
    },
    fakeWrites: () => grafana.writes() + chronograf.writes() + kapacitor.writes(),
    async esTemplate(name, kind = 'index') {
      const res = await fetch(`${ES}/_${kind}_template/${name}`);
      if (res.status === 404) return undefined;
      const body = (await res.json()) as Record<string, { name: string; [k: string]: unknown }[]>;
      const list = body[`${kind}_templates`] ?? [];
      return list[0]?.[`${kind}_template`] as Record<string, unknown> | undefined;
    },
    async close() {
      await Promise.all([grafana.close(), chronograf.close(), kapacitor.close()]);
      await consul.kv.del({ key: kvRoot, recurse: true }).catch(() => undefined);
      // Cleanup must not mask the test's own result when a shared backend is briefly down.
      for (const kind of ['index', 'component'] as const) {
        try {
          const res = await fetch(`${ES}/_${kind}_template`);
          const body = (await res.json()) as Record<string, { name: string }[]>;
          for (const t of body[`${kind}_templates`] ?? []) {
            if (t.name.startsWith(prefix)) await fetch(`${ES}/_${kind}_template/${t.name}`, { method: 'DELETE' });
          }
        } catch {
          // left for the next run's prefix-scoped cleanup; names are unique per run
        }
      }
      await influxQuery(`DROP DATABASE "${markerDb}"`).catch(() => undefined);
      rmSync(backupRoot, { recursive: true, force: true });
    },
  };
  return h;
}

/** Destroys the deploy lock's session just before the fake's next write, and counts the writes that follow. */
export function loseLockOnNextWrite(
  fake: FakeServer,
  key: string,
  dc: string,
): { lost(): boolean; writesAfter(): number } {
  let lost = false;
  let writesAfter = 0;
  fake.beforeWrite(async () => {
    if (lost) {
      writesAfter += 1;
      return;
    }
    const item = (await (await fetch(`${CONSUL}/v1/kv/${key}?dc=${dc}`)).json()) as { Session: string }[];
    await fetch(`${CONSUL}/v1/session/destroy/${item[0]!.Session}?dc=${dc}`, { method: 'PUT' });
    lost = true;
  });
  return { lost: () => lost, writesAfter: () => writesAfter };
}
