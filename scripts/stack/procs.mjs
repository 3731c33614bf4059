// Recorded pids: the stack only ever signals a process whose pid it wrote AND whose command line
// still names the program it started (pids get reused).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { dirs } from './paths.mjs';
import { ensureDir, sleep } from './util.mjs';

const pidFile = (name) => path.join(dirs.run, `${name}.pid`);

export function readPid(name) {
  try {
    const pid = Number(fs.readFileSync(pidFile(name), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function recordPid(name, pid) {
  ensureDir(dirs.run);
  fs.writeFileSync(pidFile(name), `${pid}\n`);
}

export function forgetPid(name) {
  fs.rmSync(pidFile(name), { force: true });
}

function cmdline(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return undefined;
  }
}

function isZombie(pid) {
  try {
    return /^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return true;
  }
}

/** The recorded pid if that process is alive and still runs `marker` (a path in its command line). */
export function ownedPid(name, marker) {
  const pid = readPid(name);
  if (pid === undefined) return undefined;
  const line = cmdline(pid);
  if (!line?.includes(marker) || isZombie(pid)) return undefined;
  return pid;
}

/** Starts a detached daemon with output appended to logFile and records its pid. */
export function startDaemon(name, command, args, { logFile, env, cwd, uid, gid }) {
  ensureDir(path.dirname(logFile));
  const out = fs.openSync(logFile, 'a');
  const child = spawn(command, args, {
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...process.env, ...env },
    cwd,
    ...(uid !== undefined ? { uid, gid } : {}),
  });
  fs.closeSync(out);
  child.unref();
  recordPid(name, child.pid);
  return child.pid;
}

/** SIGTERM, wait up to graceMs, then SIGKILL; only for a pid that ownedPid vouched for. */
export async function stopPid(pid, graceMs = 20_000) {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!fs.existsSync(`/proc/${pid}`) || isZombie(pid)) return;
    await sleep(100);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    /* gone */
  }
}

export function isAlive(pid) {
  return fs.existsSync(`/proc/${pid}`) && !isZombie(pid);
}
