/**
 * Replays an alert on the stack's real Kapacitor: the task calvin renders (handlers replaced by one
 * `.log()` file, which changes no level), its own database, points written with their timestamps to
 * Kapacitor's /write, and the state changes read back from the alert log.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AlertDef, ServiceDef } from '../../src/define/types.js';
import { kapacitorTaskId, renderKapacitorTask } from '../../src/render/kapacitor.js';
import { defaultRenderOptions } from '../../src/render/index.js';
import {
  groupTagsOf,
  stateChanges,
  type AlertLevel,
  type SeriesInput,
  type Simulation,
  type StateChange,
} from '../../src/simulate/index.js';

export const KAPACITOR_URL = process.env.CALVIN_TEST_KAPACITOR_URL ?? 'http://127.0.0.1:19092';

let counter = 0;

/** Kapacitor's events carry the group tags; an empty value and a missing tag are the same group. */
export function groupKey(tags: Record<string, string>): string {
  return JSON.stringify(
    Object.entries(tags)
      .filter(([, v]) => v !== '')
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

export async function api(method: string, url: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${KAPACITOR_URL}${url}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

const escapeKey = (s: string): string => s.replace(/[,= ]/g, (c) => `\\${c}`);

function lineProtocol(alert: AlertDef, series: readonly SeriesInput[]): string[] {
  const rows: { t: number; order: number; line: string }[] = [];
  series.forEach((s, order) => {
    const tags = Object.entries(s.tags)
      .filter(([, v]) => v !== '')
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `,${escapeKey(k)}=${escapeKey(v)}`)
      .join('');
    const head = `${escapeKey(alert.query.measurement)}${tags} ${escapeKey(alert.query.field)}=`;
    for (const p of s.points) rows.push({ t: p.t, order, line: `${head}${p.v} ${p.t}` });
  });
  rows.sort((a, b) => a.t - b.t || a.order - b.order);
  return rows.map((r) => r.line);
}

interface NodeStats {
  [node: string]: Record<string, number>;
}

async function nodeStats(id: string): Promise<NodeStats> {
  const task = (await api('GET', `/kapacitor/v1/tasks/${id}`)) as { stats?: { 'node-stats'?: NodeStats } };
  return task.stats?.['node-stats'] ?? {};
}

/** Waits until the stream node has taken every point and no node's counters move any more. */
async function drained(id: string, written: number): Promise<void> {
  let last = '';
  let still = 0;
  for (let i = 0; i < 600; i++) {
    const stats = await nodeStats(id);
    const stream = Object.entries(stats).find(([name]) => name.startsWith('stream'))?.[1];
    const now = JSON.stringify(stats);
    if ((stream?.collected ?? 0) >= written && now === last) still += 1;
    else still = 0;
    if (still >= 3) return;
    last = now;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`task ${id} did not settle: ${last}`);
}

export interface ReplayResult {
  /** State changes per group key (see groupKey), times relative to the origin. */
  changes: Map<string, StateChange[]>;
  script: string;
}

export async function replayOnKapacitor(
  alert: AlertDef,
  services: readonly ServiceDef[],
  series: readonly SeriesInput[],
  origin: number,
): Promise<ReplayResult> {
  counter += 1;
  const unique = `${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
  const logFile = path.join(os.tmpdir(), `calvin-differential-${unique}.log`);
  const db = `calvin_differential_${unique.replace(/-/g, '_')}`;
  const copy: AlertDef = {
    ...alert,
    id: `differential-${unique}`,
    query: { ...alert.query, database: db, retentionPolicy: 'autogen' },
    handlers: [{ type: 'log', path: logFile }],
  };
  const { task, script } = renderKapacitorTask(copy, [...services], defaultRenderOptions());
  const id = kapacitorTaskId(copy);
  await api('POST', '/kapacitor/v1/tasks', { ...task, id, status: 'enabled' });
  try {
    const lines = lineProtocol(alert, series);
    for (let i = 0; i < lines.length; i += 5000) {
      const res = await fetch(`${KAPACITOR_URL}/kapacitor/v1/write?db=${db}&rp=autogen&precision=ms`, {
        method: 'POST',
        body: lines.slice(i, i + 5000).join('\n'),
        signal: AbortSignal.timeout(30_000),
      });
      if (res.status !== 204) throw new Error(`write: ${res.status} ${await res.text()}`);
    }
    await drained(id, lines.length);
    const changes = new Map<string, StateChange[]>();
    const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
    for (const line of text.split('\n').filter(Boolean)) {
      const event = JSON.parse(line) as {
        time: string;
        level: AlertLevel;
        previousLevel: AlertLevel;
        data: { series?: { tags?: Record<string, string> }[] };
      };
      // Selectors (max, min, ...) keep the selected point's other tags: the group is the group-by part.
      const key = groupKey(groupTagsOf(alert, event.data.series?.[0]?.tags ?? {}));
      const list = changes.get(key) ?? [];
      list.push({ at: Date.parse(event.time) - origin, level: event.level, previous: event.previousLevel });
      changes.set(key, list);
    }
    return { changes, script };
  } finally {
    await api('DELETE', `/kapacitor/v1/tasks/${id}`).catch(() => undefined);
    fs.rmSync(logFile, { force: true });
  }
}

/** The simulator's state changes in the same shape (groups without a change left out, as in the log). */
export function simulatedChanges(simulation: Simulation, origin: number): Map<string, StateChange[]> {
  const out = new Map<string, StateChange[]>();
  for (const g of simulation.groups) {
    const changes = stateChanges(g).map((c) => ({ ...c, at: c.at - origin }));
    if (changes.length > 0) out.set(groupKey(g.group), changes);
  }
  return out;
}
