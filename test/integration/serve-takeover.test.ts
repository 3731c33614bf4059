/**
 * Two `calvin serve` processes against the real stack: the replica that claimed a diagnosis is killed
 * (SIGKILL) while the diagnosis runs, its lease runs out, and the other replica takes the claim over
 * and finishes it. Replica A reads InfluxDB through a socket that never answers, so its diagnosis is
 * surely still running when it is killed.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeElasticClients } from '../../src/backends/elasticsearch.js';
import type { StoredDiagnosis } from '../../src/serve/types.js';
import { ES, eventually, kapacitorAlert, post, uniqueSuffix } from './serve-helpers.js';
import { type ServeProcess, spawnServe } from './serve-process.js';

const suffix = uniqueSuffix('takeover');
const silent = net.createServer(() => undefined); // accepts, never answers
let a: ServeProcess | undefined;
let b: ServeProcess | undefined;

async function claims(): Promise<StoredDiagnosis[]> {
  const res = await fetch(`${ES.url}/calvin-diagnoses${suffix}/_search?size=10`);
  if (!res.ok) return [];
  return ((await res.json()) as { hits: { hits: { _source: StoredDiagnosis }[] } }).hits.hits.map((h) => h._source);
}

beforeAll(async () => {
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  for (const p of [a, b]) if (p && p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  silent.close();
  await closeElasticClients();
});

describe('a replica that dies mid-diagnosis', () => {
  it('loses its claim when the lease runs out; the other replica takes it over and the alert ends done', async () => {
    const port = (silent.address() as net.AddressInfo).port;
    const lease = ['--index-suffix', suffix, '--claim-lease', '2s'];
    a = await spawnServe(lease, { INFLUX_URL: `http://127.0.0.1:${port}` });
    b = await spawnServe(lease, { INFLUX_URL: 'http://127.0.0.1:18086' });
    const [urlA, urlB] = await Promise.all([a.url(), b.url()]);
    const pidA = a.child.pid;

    // Only A gets the alert; `consul` is a service of every Consul, so the alert is diagnosable.
    const answer = await post(
      urlA,
      '/api/v1/alerts/kapacitor',
      kapacitorAlert({ id: `takeover${suffix}`, tags: { service: 'consul' } }),
    );
    expect(answer.status).toBe(202);
    const { id } = (await answer.json()) as { id: string };
    const claimed = await eventually(async () => {
      const [claim] = await claims();
      return claim?.claimedBy.endsWith(`:${pidA}`) ? claim : undefined;
    }, 'the claim of replica A');
    expect(claimed.state).toBe('pending');
    a.child.kill('SIGKILL');
    expect(await a.exited).toBeNull();

    const finished = await eventually(async () => {
      const [claim] = await claims();
      return claim && claim.state !== 'pending' ? claim : undefined;
    }, 'the diagnosis finished by replica B');
    expect(finished).toMatchObject({ state: 'done', takeovers: 1 });
    expect(finished.claimedBy.endsWith(`:${b.child.pid}`)).toBe(true);
    expect((await (await fetch(`${urlB}/api/v1/alerts/${id}`)).json()) as { state: string }).toMatchObject({
      state: 'done',
    });
    expect(b.events.some((e) => e.event === 'claim-takeover' && e.id === claimed.id)).toBe(true);
    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
  }, 120_000);
});
