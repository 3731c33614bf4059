/**
 * `npm run bench:status`: `calvin status` over a whole environment of 50 services × 3 instances,
 * planted for the run under a unique token in the test datacenter (Consul nodes with a node and a
 * service check, Telegraf-shaped host metrics over five hours, ECS logs with chatter and, on a few
 * services, an incident), then removed again. Times the library (`environmentStatus`) and the CLI
 * end to end (`node bin/calvin.js status --json`, built dist/), median of 5 warm runs each, prints
 * `node -e 0` (the floor of any Node CLI) and PASS/FAIL against the goal of issue 10: ≤ 3 s.
 * The environment is shared: whatever else is registered in it is part of what status reads, and
 * the figures say how many services and instances that was.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import { closeElasticClients } from '../src/backends/elasticsearch.js';
import { environmentStatus } from '../src/diagnose/status.js';
import { createDiagnoseBackends } from '../src/diagnose/backends.js';
import type { DiagnoseBackends } from '../src/diagnose/backend-types.js';
import { MINUTE } from '../scripts/seed/model.js';
import { generateEnvironment } from '../scripts/seed/incidents.js';
import { plannedFor, plantIncidents, removeIncidents } from '../scripts/seed/plant.js';
import { runToken } from '../scripts/seed/quality-run.js';
import { median, nodeFloor } from './timing.js';

const RUNS = 5;
const SERVICES = 50;
const INSTANCES = 3;
const GOAL_MS = 3_000;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONSUL_ADDR = process.env.CALVIN_STACK_CONSUL_ADDR ?? '127.0.0.1:18500';
const config = loadConfig({ consulAddr: CONSUL_ADDR, color: false, root: repoRoot }, {});

const fmt = (ms: number) => `${Math.round(ms).toLocaleString('en-US')} ms`;
const print = (line: string) => process.stdout.write(`${line}\n`);

function cliRun(): { ms: number; services: number } {
  const t = performance.now();
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin/calvin.js'), 'status', '--json'], {
    cwd: repoRoot,
    env: { ...process.env, CONSUL_HTTP_ADDR: CONSUL_ADDR, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const ms = performance.now() - t;
  if (result.status === 2 || result.status === null)
    throw new Error(`calvin status failed (exit ${result.status}): ${result.stderr}`);
  return { ms, services: (JSON.parse(result.stdout) as { services: unknown[] }).services.length };
}

/** One status through backends that time their calls: which requests it sends, how many, how slow. */
async function profile(): Promise<string> {
  const real = createDiagnoseBackends(config);
  const calls = new Map<string, number[]>();
  const timed = Object.fromEntries(
    Object.entries(real).map(([name, fn]) => [
      name,
      async (...args: unknown[]) => {
        const t = performance.now();
        try {
          return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
        } finally {
          calls.set(name, [...(calls.get(name) ?? []), performance.now() - t]);
        }
      },
    ]),
  ) as unknown as DiagnoseBackends;
  await environmentStatus(config, { backends: timed });
  return [...calls].map(([name, ms]) => `${name} ×${ms.length} (slowest ${fmt(Math.max(...ms))})`).join(', ');
}

const token = runToken();
const now = Math.floor(Date.now() / MINUTE) * MINUTE;
const incidents = generateEnvironment(token, now, SERVICES, INSTANCES);
const planted = plannedFor(incidents, token);
try {
  const t = performance.now();
  process.stderr.write(`planting ${SERVICES} services × ${INSTANCES} instances (token ${token})…\n`);
  await plantIncidents(config, incidents, { token, seed: token, now });
  process.stderr.write(`  planted in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);

  // Warm-up (connections, the JIT), then the measured runs.
  const first = await environmentStatus(config, {});
  const libraryMs: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const s = performance.now();
    await environmentStatus(config, {});
    libraryMs.push(performance.now() - s);
  }
  const instances = first.services.reduce((n, s) => n + s.instances, 0);
  const unhealthy = first.services.filter((s) => s.status === 'critical' || s.status === 'degraded').length;
  const requests = await profile();
  const floor = nodeFloor(RUNS);
  cliRun();
  const cli = Array.from({ length: RUNS }, cliRun);
  const l = median(libraryMs);
  const c = median(cli.map((r) => r.ms));
  print(
    `bench:status  ${first.services.length} services, ${instances} instances in "${first.environment}" ` +
      `(${SERVICES} × ${INSTANCES} planted for the run, ${unhealthy} unhealthy), sources ` +
      `${Object.entries(first.sources)
        .map(([k, v]) => `${k} ${v}`)
        .join(' · ')}`,
  );
  print(`requests of one status: ${requests}`);
  print(`node -e 0 (median of ${RUNS}): ${fmt(floor)}`);
  print(`status, library (median of ${RUNS}): ${fmt(l)}   runs: ${libraryMs.map(fmt).join(', ')}`);
  print(`status, CLI end to end (median of ${RUNS}): ${fmt(c)}   runs: ${cli.map((r) => fmt(r.ms)).join(', ')}`);
  const pass = l <= GOAL_MS && c <= GOAL_MS;
  print(`goal ≤ ${fmt(GOAL_MS)} (library and CLI): ${pass ? 'PASS' : 'FAIL'}`);
  if (!pass) process.exitCode = 1;
} finally {
  await removeIncidents(config, planted, true);
  await closeElasticClients();
}
