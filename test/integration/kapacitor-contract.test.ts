/**
 * One contract suite, two subjects: the stack's real Kapacitor 1.7.6 and the fake in test/fakes. The
 * fake is only trusted for fault injection because it answers this suite exactly as the real engine.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeKapacitor, type FakeKapacitor } from '../fakes/kapacitor.js';
import { KAPACITOR_URL } from './kapacitor-replay.js';

const SCRIPT = `var data = stream
    |from()
        .measurement('cpu')
        .groupBy('host')
    |window()
        .period(1m)
        .every(1m)
        .align()
    |mean('usage_idle')
        .as('value')

data
    |alert()
        .crit(lambda: "value" < 10.0)
        .stateChangesOnly()
`;
const OTHER = SCRIPT.replace('10.0', '5.0');
const DBRPS = [{ db: 'system', rp: 'autogen' }];

interface Subject {
  name: string;
  url: () => string;
}

let fake: FakeKapacitor;
beforeAll(async () => {
  fake = await startFakeKapacitor();
});
afterAll(async () => {
  await fake.close();
});

const subjects: Subject[] = [
  { name: 'real Kapacitor 1.7.6', url: () => KAPACITOR_URL },
  { name: 'fake', url: () => fake.url },
];

describe.each(subjects)('Kapacitor task API contract: $name', (subject) => {
  const prefix = `calvin-contract-${randomBytes(3).toString('hex')}`;
  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> => {
    const res = await fetch(`${subject.url()}${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const task = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    type: 'stream',
    dbrps: DBRPS,
    script: SCRIPT,
    status: 'enabled',
    ...extra,
  });
  afterAll(async () => {
    const list = await call('GET', '/kapacitor/v1/tasks?limit=1000');
    for (const t of list.body.tasks as { id: string }[])
      if (t.id.startsWith(prefix)) await call('DELETE', `/kapacitor/v1/tasks/${t.id}`);
  });

  it('creates a task that runs, with the raw script kept', async () => {
    const created = await call('POST', '/kapacitor/v1/tasks', task(`${prefix}-a`));
    expect(created.status).toBe(200);
    const got = await call('GET', `/kapacitor/v1/tasks/${prefix}-a?script-format=raw`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id: `${prefix}-a`, type: 'stream', dbrps: DBRPS, script: SCRIPT });
    expect(got.body).toMatchObject({ status: 'enabled', executing: true });
  });

  it('refuses a second POST of the same id, an empty dbrp list, a bad type and a bad script with 400', async () => {
    await call('POST', '/kapacitor/v1/tasks', task(`${prefix}-b`));
    expect((await call('POST', '/kapacitor/v1/tasks', task(`${prefix}-b`))).status).toBe(400);
    expect((await call('POST', '/kapacitor/v1/tasks', task(`${prefix}-c`, { dbrps: [] }))).status).toBe(400);
    expect((await call('POST', '/kapacitor/v1/tasks', task(`${prefix}-d`, { type: 'streamy' }))).status).toBe(400);
    const bad = await call('POST', '/kapacitor/v1/tasks', task(`${prefix}-e`, { script: 'var x = stream\n  |from(' }));
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/TICKscript|parse|invalid/i);
    expect((await call('GET', `/kapacitor/v1/tasks/${prefix}-c`)).status).toBe(404);
  });

  it('PATCH swaps the script and a disable/enable cycle runs it; a bad script or empty dbrps change nothing', async () => {
    const id = `${prefix}-f`;
    await call('POST', '/kapacitor/v1/tasks', task(id));
    expect((await call('PATCH', `/kapacitor/v1/tasks/${id}`, { script: 'stream |from(' })).status).toBe(400);
    expect((await call('PATCH', `/kapacitor/v1/tasks/${id}`, { dbrps: [] })).status).toBe(200);
    expect((await call('GET', `/kapacitor/v1/tasks/${id}`)).body).toMatchObject({ dbrps: DBRPS, script: SCRIPT });
    const patched = await call('PATCH', `/kapacitor/v1/tasks/${id}`, { script: OTHER, status: 'disabled' });
    expect(patched.status).toBe(200);
    expect((await call('GET', `/kapacitor/v1/tasks/${id}`)).body).toMatchObject({
      status: 'disabled',
      executing: false,
    });
    expect((await call('PATCH', `/kapacitor/v1/tasks/${id}`, { status: 'enabled' })).status).toBe(200);
    const got = await call('GET', `/kapacitor/v1/tasks/${id}?script-format=raw`);
    expect(got.body).toMatchObject({ status: 'enabled', executing: true, script: OTHER });
  });

  it('answers 404 to a missing task, except DELETE, which is 204', async () => {
    expect((await call('GET', `/kapacitor/v1/tasks/${prefix}-missing`)).status).toBe(404);
    expect((await call('PATCH', `/kapacitor/v1/tasks/${prefix}-missing`, { status: 'enabled' })).status).toBe(404);
    expect((await call('DELETE', `/kapacitor/v1/tasks/${prefix}-missing`)).status).toBe(204);
  });

  it('pages the task list with offset and limit', async () => {
    for (const n of ['p1', 'p2', 'p3']) await call('POST', '/kapacitor/v1/tasks', task(`${prefix}-${n}`));
    const all = await call('GET', '/kapacitor/v1/tasks?limit=1000');
    const ids = (all.body.tasks as { id: string }[]).map((t) => t.id).filter((id) => id.startsWith(`${prefix}-p`));
    expect(ids).toEqual([`${prefix}-p1`, `${prefix}-p2`, `${prefix}-p3`]);
    const page = await call('GET', '/kapacitor/v1/tasks?offset=1&limit=1');
    expect(page.body.tasks).toHaveLength(1);
  });
});
