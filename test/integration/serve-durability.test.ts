/**
 * calvin serve under load and failure on the real stack: a burst of 1,000 alerts over 50 services,
 * two replicas given the same alerts, and Elasticsearch unreachable during intake then back after
 * a restart of serve (simulated by pointing serve at a closed port, then at the real one).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { deregisterNode, registerExternal } from '../../src/backends/consul.js';
import { closeElasticClients, esCount } from '../../src/backends/elasticsearch.js';
import { closedPort } from './stack-helpers.js';
import { stackConfig } from './diagnose-helpers.js';
import {
  ES,
  eventually,
  kapacitorAlert,
  post,
  serveConfig,
  startTestServe,
  tempSpool,
  uniqueSuffix,
} from './serve-helpers.js';

/** Claims are written without a refresh (as serve does): make them searchable before counting. */
async function refreshedCount(index: string): Promise<number> {
  await fetch(`${ES.url}/${index}/_refresh`, { method: 'POST' });
  return esCount(ES, index);
}

const nodes: string[] = [];

afterAll(async () => {
  await Promise.all(nodes.map((n) => deregisterNode(stackConfig(), n).catch(() => undefined)));
  await closeElasticClients();
});

async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

describe('calvin serve: bursts, replicas, Elasticsearch away', () => {
  it('stores a burst of 1,000 alerts over 50 services exactly once, with at most one diagnosis per (service, window) and no 5xx', async () => {
    const run = Date.now().toString(36);
    const services = Array.from({ length: 50 }, (_, i) => `serve-burst-${run}-${String(i).padStart(2, '0')}`);
    await Promise.all(
      services.map((name) => {
        nodes.push(name);
        return registerExternal(stackConfig(), {
          node: name,
          address: '10.9.0.1',
          service: { id: name, name },
          checks: [{ checkId: `${name}-check`, name: 'up', status: 'passing', serviceId: name }],
        });
      }),
    );
    const suffix = uniqueSuffix('burst');
    const serve = await startTestServe({ indexSuffix: suffix, concurrency: 4, deadlineMs: 3_000 });
    const base = Date.now();
    const alerts = Array.from({ length: 1000 }, (_, i) =>
      kapacitorAlert({
        id: `burst-${i}`,
        time: new Date(base + (i % 20)).toISOString(),
        tags: { service: services[i % 50] as string },
      }),
    );
    const statuses: number[] = [];
    const ids = new Set<string>();
    await inParallel(alerts, 25, async (alert) => {
      const res = await post(serve.url, '/api/v1/alerts/kapacitor', alert);
      statuses.push(res.status);
      ids.add(((await res.json()) as { id: string }).id);
    });
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every((s) => s === 202)).toBe(true);
    expect(ids.size).toBe(1000);
    await eventually(async () => (serve.runtime.processor.pending === 0 ? true : undefined), 'burst stored');
    await serve.stop();
    expect(await esCount(ES, `calvin-alerts${suffix}`)).toBe(1000);
    const windows = new Set(
      alerts.map((a) => `${a.data.series[0]?.tags.service}@${Math.floor(Date.parse(a.time) / 120_000)}`),
    );
    const diagnoses = await refreshedCount(`calvin-diagnoses${suffix}`);
    expect(diagnoses).toBeGreaterThan(0);
    expect(diagnoses).toBeLessThanOrEqual(windows.size);
  }, 300_000);

  it('two replicas given the same alerts store each once and make one diagnosis per alert window', async () => {
    const suffix = uniqueSuffix('replicas');
    const [a, b] = await Promise.all([
      startTestServe({ indexSuffix: suffix, replica: 'a', deadlineMs: 3_000 }),
      startTestServe({ indexSuffix: suffix, replica: 'b', deadlineMs: 3_000 }),
    ]);
    const alerts = ['nexus-01', 'nexus-02', 'nexus-03'].map((host) =>
      kapacitorAlert({ id: `calvin-artefacts-disk-full:host=${host}`, tags: { host } }),
    );
    for (const alert of alerts) {
      const [ra, rb] = await Promise.all([
        post(a.url, '/api/v1/alerts/kapacitor', alert),
        post(b.url, '/api/v1/alerts/kapacitor', alert),
      ]);
      expect([ra.status, rb.status]).toEqual([202, 202]);
    }
    await eventually(
      async () => (a.runtime.processor.pending + b.runtime.processor.pending === 0 ? true : undefined),
      'both drained',
    );
    await Promise.all([a.stop(), b.stop()]);
    expect(await esCount(ES, `calvin-alerts${suffix}`)).toBe(3);
    // The three alerts share one (service, window): one diagnosis, made by one replica.
    const claims = await refreshedCount(`calvin-diagnoses${suffix}`);
    expect(claims).toBeLessThanOrEqual(2);
    const made = async (r: typeof a) =>
      (await r.runtime.metrics.diagnoses.get()).values.reduce((s, v) => s + v.value, 0);
    expect((await made(a)) + (await made(b))).toBe(claims);
  }, 120_000);

  it('keeps alerts in the spool while Elasticsearch is unreachable and stores them after a restart of serve', async () => {
    const suffix = uniqueSuffix('spool');
    const spoolDir = await tempSpool();
    const away = await startTestServe({
      indexSuffix: suffix,
      spoolDir,
      config: serveConfig(`http://127.0.0.1:${await closedPort()}`),
    });
    const keys: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await post(
        away.url,
        '/api/v1/alerts/kapacitor',
        kapacitorAlert({ id: `spooled-${i}`, tags: { service: 'artefacts' } }),
      );
      expect(res.status).toBe(202);
      keys.push(((await res.json()) as { id: string }).id);
    }
    const pending = (await (await fetch(`${away.url}/api/v1/alerts/${keys[0]}`)).json()) as { state: string };
    expect(pending.state).toBe('pending');
    expect((await fetch(`${away.url}/readyz`)).status).toBe(503);
    await away.stop();
    const back = await startTestServe({ indexSuffix: suffix, spoolDir, deadlineMs: 3_000 });
    await eventually(async () => (back.runtime.processor.pending === 0 ? true : undefined), 'spool drained');
    await back.stop();
    expect(await esCount(ES, `calvin-alerts${suffix}`, { terms: { key: keys } })).toBe(5);
  }, 120_000);
});
