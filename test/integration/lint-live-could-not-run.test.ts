/**
 * `calvin lint --live` never reports findings for what it could not check: an InfluxDB that is down,
 * answers 500, hangs, or is not found through Consul makes the run "could not run" (a CalvinError,
 * exit 2), never 112 "has no data" errors and never a silent exit 0.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { CalvinError } from '../../src/errors.js';
import { lintPaths } from '../../src/lint/lint.js';
import { gatherLiveFacts } from '../../src/lint/live/gather.js';
import { RULES } from '../../src/lint/rules/index.js';
import { closedPort, STACK, stackConfig } from './stack-helpers.js';

let dir = '';
const servers: Server[] = [];

/** A loopback HTTP server; `answer` undefined means it never answers (a hanging backend). */
async function serve(
  answer?: (url: string) => { status: number; body: unknown },
): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((req, res) => {
    hits += 1;
    if (!answer) return;
    const { status, body } = answer(req.url ?? '/');
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'calvin-lint-live-down-'));
  const targets = ['cpu', 'mem', 'disk'].map((m) => ({
    refId: m,
    rawQuery: true,
    query: `SELECT mean("usage_idle") FROM "system"."autogen"."${m}" WHERE $timeFilter GROUP BY time(1m) fill(null)`,
  }));
  const dashboard = {
    uid: 'live-down',
    title: 'Live down',
    panels: [{ id: 1, type: 'graph', datasource: 'x', targets }],
  };
  await writeFile(path.join(dir, 'dashboard.json'), JSON.stringify(dashboard, null, 2));
});

afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function lintLive(config: Config, timeoutMs?: number): Promise<unknown> {
  return lintPaths({
    paths: [dir],
    root: dir,
    cwd: dir,
    rules: RULES.filter((r) => r.meta.id.startsWith('live-')),
    live: (project) => gatherLiveFacts(project, config, { days: 7, ...(timeoutMs ? { timeoutMs } : {}) }),
  }).then(
    (run) => run.results.flatMap((r) => r.messages.map((m) => m.message)),
    (error: unknown) => error,
  );
}

function withInflux(url: string): Config {
  return { ...stackConfig(), influx: { url }, elasticsearch: STACK.elasticsearch };
}

function expectCouldNotRun(outcome: unknown, detail: RegExp): void {
  expect(outcome).toBeInstanceOf(CalvinError);
  const error = outcome as CalvinError;
  expect(error.exitCode).toBe(2);
  expect(error.oneLine()).toMatch(/^lint --live could not run: /);
  expect(error.oneLine()).toMatch(detail);
}

describe('lint --live when a backend could not be checked', () => {
  it('InfluxDB down: could not run, not "has no data" errors', async () => {
    expectCouldNotRun(await lintLive(withInflux(`http://127.0.0.1:${await closedPort()}`)), /unreachable/);
  });

  it('InfluxDB answers 500: could not run', async () => {
    const influx = await serve(() => ({ status: 500, body: { error: 'internal failure' } }));
    expectCouldNotRun(await lintLive(withInflux(influx.url)), /InfluxDB rejected.*HTTP 500|internal failure/);
  });

  it('InfluxDB hangs: could not run after one timeout, not one per query', async () => {
    const influx = await serve();
    expectCouldNotRun(await lintLive(withInflux(influx.url), 300), /no answer within 300 ms/);
    expect(influx.hits()).toBe(1);
  });

  it('InfluxDB not found through Consul: could not run, not a silent exit 0', async () => {
    const consul = await serve((url) => ({ status: 200, body: url.startsWith('/v1/catalog/service/') ? [] : {} }));
    const config: Config = {
      ...stackConfig({ consulAddr: consul.url.replace('http://', '') }),
      elasticsearch: STACK.elasticsearch,
    };
    expectCouldNotRun(await lintLive(config), /InfluxDB was not found through Consul/);
  });

  it('a database that does not exist is a fact about the data: its measurements have no data', async () => {
    const nodb = `calvin_no_such_db_${process.pid}`;
    const other = await mkdtemp(path.join(os.tmpdir(), 'calvin-lint-live-nodb-'));
    const query = `SELECT mean("v") FROM "${nodb}"."autogen"."m" WHERE $timeFilter GROUP BY time(1m)`;
    const panels = [{ id: 1, type: 'graph', datasource: 'x', targets: [{ refId: 'A', rawQuery: true, query }] }];
    await writeFile(path.join(other, 'd.json'), JSON.stringify({ uid: 'nodb', title: 'No db', panels }));
    const config = withInflux(STACK.influx.url);
    const run = await lintPaths({
      paths: [other],
      root: other,
      cwd: other,
      rules: RULES.filter((r) => r.meta.id === 'live-influx-schema'),
      live: (project) => gatherLiveFacts(project, config, { days: 7 }),
    });
    await rm(other, { recursive: true, force: true });
    expect(run.results.flatMap((r) => r.messages.map((m) => m.message))).toEqual([
      `Measurement "m" has no data in database "${nodb}" in the last 7 days.`,
    ]);
  });
});
