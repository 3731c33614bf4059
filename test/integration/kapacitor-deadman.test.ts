/**
 * Deadman on the real Kapacitor: it is driven by a wall-clock ticker (the stats node counts the points
 * that arrived since its last tick), so it cannot be replayed from history. This short real-time check
 * shows the behaviour docs/engines.md describes for the simulator: a group that goes silent for one
 * interval turns CRITICAL, and turns OK when points arrive again. Waits poll for the alert log; nothing
 * here measures time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertDef } from '../../src/define/types.js';
import { kapacitorTaskId, renderKapacitorTask } from '../../src/render/kapacitor.js';
import { defaultRenderOptions } from '../../src/render/index.js';
import { api, KAPACITOR_URL } from './kapacitor-replay.js';

const unique = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
const logFile = path.join(os.tmpdir(), `calvin-deadman-${unique}.log`);
const db = `calvin_deadman_${unique.replace(/-/g, '_')}`;
const alert: AlertDef = {
  kind: 'alert',
  id: `deadman-${unique}`,
  name: 'Deadman',
  service: 'host',
  owner: 'o',
  severity: 'page',
  description: 'd',
  query: {
    database: db,
    retentionPolicy: 'autogen',
    measurement: 'cpu',
    field: 'usage_idle',
    fn: 'count',
    where: [],
    groupBy: ['host'],
    period: '2s',
    every: '2s',
  },
  condition: { type: 'deadman', threshold: 0, interval: '2s' },
  message: '{{ .Level }}',
  runbook: { title: 't', markdown: 'm', url: 'https://runbooks.example.invalid/x' },
  handlers: [{ type: 'log', path: logFile }],
  tests: [],
};
const id = kapacitorTaskId(alert);

async function write(host: string): Promise<void> {
  const res = await fetch(`${KAPACITOR_URL}/kapacitor/v1/write?db=${db}&rp=autogen&precision=ms`, {
    method: 'POST',
    body: `cpu,host=${host},environment=test usage_idle=50 ${Date.now()}`,
  });
  expect(res.status).toBe(204);
}

function levels(): string[] {
  if (!fs.existsSync(logFile)) return [];
  return fs
    .readFileSync(logFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { level: string }).level);
}

async function until(what: string, check: () => boolean, feed?: () => Promise<void>): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (check()) return;
    await feed?.();
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not happen; alert log: ${levels().join(', ')}`);
}

beforeAll(async () => {
  const { task } = renderKapacitorTask(alert, [], defaultRenderOptions());
  await api('POST', '/kapacitor/v1/tasks', { ...task, id, status: 'enabled' });
});
afterAll(async () => {
  await api('DELETE', `/kapacitor/v1/tasks/${id}`).catch(() => undefined);
  fs.rmSync(logFile, { force: true });
});

describe('deadman on real Kapacitor (wall clock)', () => {
  it('a silent group turns CRITICAL, and OK again once points arrive', async () => {
    await write('quiet-01');
    await until('CRITICAL after silence', () => levels().includes('CRITICAL'));
    await until(
      'OK after points arrive',
      () => levels().at(-1) === 'OK',
      () => write('quiet-01'),
    );
    expect(levels().slice(0, 2)).toEqual(['CRITICAL', 'OK']);
  }, 60_000);
});
