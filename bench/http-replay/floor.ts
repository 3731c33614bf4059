/**
 * The floor of any Node CLI that sends diagnose's requests: one CLI diagnosis is recorded
 * (record.mjs), then its requests are replayed with node:http alone (replay.mjs), in a new process and
 * in the warm bench process. What the new process pays over the warm one is Node's start and cold
 * HTTP code, which no CLI avoids; what the CLI pays over the new process is calvin's own.
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { type ReplayRequest, replay } from './replay.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The preload that records a process's requests into the file named by CALVIN_BENCH_RECORD. */
export const RECORDER = path.join(here, 'record.mjs');
const REPLAYER = path.join(here, 'replay.mjs');

interface Recorded {
  method: string;
  url: string;
  body: string | null;
  /** performance.now() when the request was sent and when its answer ended (0: never). */
  start: number;
  end: number;
}

const originOf = (url: string): string => new URL(url).origin;

/**
 * A request waits for those answered before it was sent, of its own backend or of Consul (whose
 * answers name the backends and instances). Waits across two other backends are left out: diagnose
 * has none, and a missing wait could only make the floor lower, never higher, than the CLI's own.
 */
export function planOf(recorded: Recorded[], consulOrigin: string): ReplayRequest[] {
  // A request the CLI dropped unanswered (superseded, or cut off at the deadline) gave it nothing to wait for.
  const sent = recorded.filter((r) => r.end > 0).sort((a, b) => a.start - b.start);
  return sent.map((request, j) => ({
    method: request.method,
    url: request.url,
    body: request.body,
    after: sent.slice(0, j).flatMap((earlier, i) => {
      const answered = earlier.end <= request.start;
      const gates = originOf(earlier.url) === originOf(request.url) || originOf(earlier.url) === consulOrigin;
      return answered && gates ? [i] : [];
    }),
  }));
}

/** Reads what record.mjs wrote, and writes the replay plan beside it; returns the plan's path and size. */
export async function writePlan(
  recordFile: string,
  consulOrigin: string,
): Promise<{ file: string; plan: ReplayRequest[] }> {
  const recorded = JSON.parse(await readFile(recordFile, 'utf8')) as Recorded[];
  if (recorded.length === 0) throw new Error('the recorded CLI run sent no request');
  const plan = planOf(recorded, consulOrigin);
  const file = `${recordFile}.plan.json`;
  await writeFile(file, JSON.stringify(plan));
  return { file, plan };
}

/** Wall time of `node replay.mjs plan shiftMs`: a new process sending the plan's requests. */
export function replayInNewProcess(planFile: string, shiftMs: number): number {
  const t = performance.now();
  const result = spawnSync(process.execPath, [REPLAYER, planFile, String(shiftMs)], { encoding: 'utf8' });
  const ms = performance.now() - t;
  if (result.status !== 0) throw new Error(`the replay failed (exit ${String(result.status)}): ${result.stderr}`);
  return ms;
}

const agent = new http.Agent({ keepAlive: true });

/** Wall time of the same replay in this (warm) process, over kept-alive connections. */
export async function replayWarm(plan: ReplayRequest[], shiftMs: number): Promise<number> {
  const t = performance.now();
  await replay(plan, agent, shiftMs);
  return performance.now() - t;
}

export function closeReplayAgent(): void {
  agent.destroy();
}
