// Small helpers for the stack script: progress on stderr, child processes, HTTP probes, waiting.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export function progress(message) {
  process.stderr.write(`stack: ${message}\n`);
}

export class StackError extends Error {}

/** Runs a command to completion; rejects with its output tail when it fails. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.on('error', (error) => reject(new StackError(`cannot run ${command}: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else
        reject(
          new StackError(
            `${command} ${args.join(' ')} failed (exit ${code}):\n${output.split('\n').slice(-15).join('\n')}`,
          ),
        );
    });
  });
}

/** fetch with a short timeout; returns undefined when nothing answers. */
export async function probe(url, init = {}, timeoutMs = 2_000) {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch {
    return undefined;
  }
}

export async function fetchJson(url, init = {}, timeoutMs = 10_000) {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  if (!res.ok) throw new StackError(`${init.method ?? 'GET'} ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls check() until it returns truthy; on timeout names the log file to read. */
export async function waitUntil(what, check, { timeoutMs, logFile, isAlive }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (isAlive && !isAlive()) throw new StackError(`${what} exited while starting; see ${logFile}`);
    if (Date.now() > deadline)
      throw new StackError(`${what} was not healthy within ${Math.round(timeoutMs / 1000)} s; see ${logFile}`);
    await sleep(250);
  }
}

export function ensureDir(dir) {
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Writes a file only if its content changed (keeps a second `up` from touching anything). */
export function writeIfChanged(file, content, mode = 0o644) {
  try {
    if (fs.readFileSync(file, 'utf8') === content) return false;
  } catch {
    /* absent */
  }
  const temp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(temp, content, { mode });
  fs.renameSync(temp, file);
  return true;
}
