#!/usr/bin/env node
// The local real stack: Consul (datacenters test and production), InfluxDB, Elasticsearch and Kapacitor on
// loopback, installed under .stack/ (Kapacitor is built once per machine into ~/.cache/calvin).
// Usage: node scripts/stack.mjs up|down|status|reset|stop <c...>|start <c...>|seed <scenario>|all [--scale N]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { byName, components } from './stack/components.mjs';
import { startServe, stopServe } from './stack/serve.mjs';
import { dirs, repoRoot } from './stack/paths.mjs';
import { forgetPid, isAlive, ownedPid, recordPid, startDaemon, stopPid } from './stack/procs.mjs';
import { afterStart } from './stack/setup.mjs';
import { ensureDir, progress, run, StackError, waitUntil } from './stack/util.mjs';

const USAGE = `usage: node scripts/stack.mjs <command>
  up                      install (cached) and start Consul (test, production), InfluxDB, Elasticsearch,
                          Kapacitor; wait until healthy
  down                    stop the processes this stack started (recorded pids only)
  status                  print each component's state
  reset                   down, delete all data, up
  stop <component...>     stop consul | consul-production | influx | elasticsearch | kapacitor | serve
  serve                   start calvin serve on http://127.0.0.1:18080 (bin/calvin.js, built dist/)
  start <component...>    start them again (and wait until healthy)
  seed <scenario>|all [--scale N]   write a scenario (see docs/stack.md); 'list' prints the names`;

async function startComponent(c) {
  let pid = ownedPid(c.name, c.marker);
  if (pid !== undefined && c.configStale?.()) {
    // e.g. Kapacitor started before its [[httppost]] endpoint for calvin serve existed: restart it once.
    progress(`${c.name} (pid ${pid}) runs with an older config; restarting it`);
    await stopPid(pid);
    forgetPid(c.name);
    pid = undefined;
  }
  if (pid !== undefined) {
    if (await c.healthy()) return { name: c.name, started: false };
    progress(`${c.name} (pid ${pid}) is running; waiting until healthy`);
  } else {
    if (await c.healthy()) {
      throw new StackError(
        `${c.name} answers at ${c.url} but was not started by this stack (no recorded pid); stop that process or run 'node scripts/stack.mjs down'`,
      );
    }
    await c.install();
    const launch = await c.launch();
    progress(`starting ${c.name} (log: ${path.relative(process.cwd(), c.logFile)})`);
    if (launch.daemonPidFile) {
      try {
        await run(launch.command, launch.args, {
          env: { ...process.env, ...launch.env },
          cwd: launch.cwd,
          uid: launch.uid,
          gid: launch.gid,
        });
      } catch (error) {
        throw new StackError(`${c.name} failed to start: ${error.message}\nsee ${c.logFile}`);
      }
      const serverPid = Number(fs.readFileSync(launch.daemonPidFile, 'utf8').trim());
      recordPid(c.name, serverPid);
    } else {
      startDaemon(c.name, launch.command, launch.args, { logFile: c.logFile, env: launch.env, cwd: launch.cwd });
    }
  }
  const started = ownedPid(c.name, c.marker) ?? -1;
  await waitUntil(c.name, () => c.healthy(), {
    timeoutMs: c.startTimeoutMs,
    logFile: c.logFile,
    isAlive: () => isAlive(started),
  });
  return { name: c.name, started: true };
}

async function up(selected = components) {
  const t0 = Date.now();
  ensureDir(dirs.root);
  const results = await Promise.allSettled(selected.map((c) => startComponent(c)));
  const failures = results.filter((r) => r.status === 'rejected').map((r) => r.reason.message);
  if (failures.length) throw new StackError(failures.join('\n'));
  await afterStart();
  const startedAny = results.some((r) => r.value.started);
  progress(
    `${startedAny ? 'up' : 'already up'} in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${selected.map((c) => `${c.name} ${c.url.replace('http://', '')}`).join(', ')}`,
  );
}

async function down(selected = components) {
  if (selected.length === components.length) await stopServe();
  await Promise.all(
    selected.map(async (c) => {
      const pid = ownedPid(c.name, c.marker);
      if (pid === undefined) {
        forgetPid(c.name);
        return;
      }
      progress(`stopping ${c.name} (pid ${pid})`);
      await stopPid(pid);
      forgetPid(c.name);
    }),
  );
}

async function status() {
  let allUp = true;
  for (const c of components) {
    const pid = ownedPid(c.name, c.marker);
    const healthy = await c.healthy();
    const state =
      pid !== undefined
        ? healthy
          ? 'running, healthy'
          : 'running, NOT healthy'
        : healthy
          ? 'answering, but not started by this stack'
          : 'stopped';
    if (!(pid !== undefined && healthy)) allUp = false;
    process.stdout.write(
      `${c.name.padEnd(14)} ${state.padEnd(40)} ${c.url}${pid !== undefined ? `  pid ${pid}` : ''}\n`,
    );
  }
  return allUp;
}

async function reset() {
  await down();
  progress('deleting data');
  fs.rmSync(dirs.data, { recursive: true, force: true });
  await up();
}

function pick(names) {
  if (names.length === 0)
    throw new StackError('name at least one component: consul, consul-production, influx, elasticsearch, kapacitor');
  return names.map((n) => {
    const c = byName[n];
    if (!c)
      throw new StackError(
        `unknown component "${n}": use consul, consul-production, influx, elasticsearch or kapacitor`,
      );
    return c;
  });
}

function seed(args) {
  const cli = path.join(repoRoot, 'scripts', 'seed', 'cli.ts');
  const result = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { stdio: 'inherit', cwd: repoRoot });
  return result.status ?? 1;
}

/** Mutating commands run under one lock so concurrent `up`s (several test runs) do not race. */
function relockIfNeeded(command, args) {
  if (process.env.CALVIN_STACK_LOCKED || !['up', 'down', 'reset', 'stop', 'start'].includes(command)) return undefined;
  ensureDir(dirs.root);
  const result = spawnSync(
    'flock',
    [path.join(dirs.root, 'stack.lock'), process.execPath, fileURLToPath(import.meta.url), command, ...args],
    {
      stdio: 'inherit',
      env: { ...process.env, CALVIN_STACK_LOCKED: '1' },
    },
  );
  if (result.error) return undefined; // no flock: run unlocked
  return result.status ?? 1;
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const relocked = relockIfNeeded(command, args);
  if (relocked !== undefined) return relocked;
  switch (command) {
    case 'up':
      await up();
      return 0;
    case 'down':
      await down();
      return 0;
    case 'status':
      return (await status()) ? 0 : 1;
    case 'reset':
      await reset();
      return 0;
    case 'stop':
      if (args.includes('serve')) await stopServe();
      if (args.some((a) => a !== 'serve')) await down(pick(args.filter((a) => a !== 'serve')));
      return 0;
    case 'serve':
      await startServe();
      return 0;
    case 'start':
      await up(pick(args));
      return 0;
    case 'seed':
      return seed(args);
    default:
      process.stderr.write(`${USAGE}\n`);
      return command === undefined || command === '--help' || command === 'help' ? 0 : 2;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`stack: ${error instanceof StackError ? error.message : error.stack}\n`);
    process.exitCode = 2;
  },
);
