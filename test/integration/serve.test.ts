/**
 * calvin serve on the real stack: a seeded incident alerted, stored and diagnosed at alert time;
 * resolution through the catalog; error paths; duplicates; an OK closing the incident; every
 * answer checked against the OpenAPI document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeElasticClients, esCount } from '../../src/backends/elasticsearch.js';
import type { RunningServe } from '../../src/serve/server.js';
import { seedScenario } from '../../scripts/seed/index.js';
import { stackConfig } from './diagnose-helpers.js';
import { ES, contractErrors, eventually, kapacitorAlert, post, startTestServe, uniqueSuffix } from './serve-helpers.js';

let serve: RunningServe;
let seeded: { service: string; suspect: string | undefined; nodes: string[] };
const suffix = uniqueSuffix('main');

async function getJson(route: string, concrete = route): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${serve.url}${concrete}`);
  const body = await res.json();
  expect(contractErrors(route, 'get', res.status, body), `${concrete} → ${JSON.stringify(body).slice(0, 300)}`).toEqual(
    [],
  );
  return { status: res.status, body };
}

type View = { alert: Record<string, unknown>; state: string; diagnosis: any };

async function settled(id: string): Promise<View> {
  return eventually<View>(async () => {
    const { body } = await getJson('/api/v1/alerts/{id}', `/api/v1/alerts/${id}`);
    const view = body as { state: string; alert: Record<string, unknown>; diagnosis: unknown };
    return view.state === 'pending' ? undefined : (view as never);
  }, `alert ${id} settled`);
}

beforeAll(async () => {
  const now = Date.now();
  seeded = await seedScenario('nexus-disk-full', { config: stackConfig(), now, isolate: 'serve' });
  serve = await startTestServe({ indexSuffix: suffix, deadlineMs: 15_000 });
}, 120_000);

afterAll(async () => {
  await serve?.stop();
  await closeElasticClients();
});

describe('calvin serve on the real stack', () => {
  it('answers 202 with id and page URL, stores the alert and a snapshot naming the seeded suspect', async () => {
    const res = await post(
      serve.url,
      '/api/v1/alerts/kapacitor',
      kapacitorAlert({ id: 'foreign-disk', tags: { service: seeded.service } }),
    );
    const accepted = (await res.json()) as { id: string; url: string };
    expect(res.status).toBe(202);
    expect(contractErrors('/api/v1/alerts/kapacitor', 'post', 202, accepted)).toEqual([]);
    expect(accepted.url).toBe(`${serve.url}/alerts/${accepted.id}`);
    const view = await settled(accepted.id);
    expect(view.state).toBe('done');
    expect(view.alert.service).toBe(seeded.service);
    expect(view.alert.resolvedVia).toBe('service-tag');
    expect(view.diagnosis.status).toBe('critical');
    expect(view.diagnosis.suspects[0].node).toBe(seeded.suspect);
    const page = await fetch(accepted.url);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain(seeded.suspect);
    expect(html).toContain('<svg');
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  }, 90_000);

  it('resolves an alert with only a host tag and a foreign id through the Consul catalog', async () => {
    const res = await post(
      serve.url,
      '/api/v1/alerts/kapacitor',
      kapacitorAlert({ id: 'nagios:disk', tags: { host: seeded.suspect as string } }),
    );
    expect(res.status).toBe(202);
    const view = await settled(((await res.json()) as { id: string }).id);
    expect(view.alert.service).toBe(seeded.service);
    expect(view.alert.resolvedVia).toBe('host-tag');
  }, 90_000);

  it('stores an alert of an unknown service as unresolved, shown, not dropped', async () => {
    const res = await post(
      serve.url,
      '/api/v1/alerts/kapacitor',
      kapacitorAlert({ id: 'mystery', tags: { service: 'no-such-service', host: 'no-such-node' } }),
    );
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const view = await settled(id);
    expect(view).toMatchObject({ state: 'done', diagnosis: null });
    expect(view.alert).toMatchObject({ service: null, resolvedVia: 'unresolved' });
    const page = await (await fetch(`${serve.url}/alerts/${id}`)).text();
    expect(page).toContain('not resolved');
  }, 60_000);

  it('accepts an Alertmanager v4 webhook', async () => {
    const body = {
      version: '4',
      status: 'firing',
      receiver: 'calvin',
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'DiskFull', instance: `${seeded.suspect}:9100`, severity: 'critical' },
          annotations: { summary: 'disk full' },
          startsAt: new Date().toISOString(),
          fingerprint: `fp${suffix}`,
        },
      ],
    };
    const res = await post(serve.url, '/api/v1/alerts/alertmanager', body);
    expect(res.status).toBe(202);
    const view = await settled(((await res.json()) as { id: string }).id);
    expect(view.alert).toMatchObject({
      source: 'alertmanager',
      level: 'CRITICAL',
      service: seeded.service,
      resolvedVia: 'host-tag',
    });
  }, 60_000);

  it('refuses a missing or wrong token (401), a body over the limit (413) and malformed bodies (400), each in one line', async () => {
    const alert = kapacitorAlert({ id: 'x' });
    const cases: [Response, number][] = [
      [await post(serve.url, '/api/v1/alerts/kapacitor', alert, null), 401],
      [await post(serve.url, '/api/v1/alerts/kapacitor', alert, 'wrong-token'), 401],
      [await post(serve.url, '/api/v1/alerts/kapacitor', { ...alert, message: 'x'.repeat(1_100_000) }), 413],
      [await post(serve.url, '/api/v1/alerts/kapacitor', '{"id": "broken'), 400],
      [await post(serve.url, '/api/v1/alerts/kapacitor', { id: 'no-level', time: new Date().toISOString() }), 400],
      [await post(serve.url, '/api/v1/alerts/alertmanager', { version: '3', alerts: [] }), 400],
    ];
    for (const [res, status] of cases) {
      const body = (await res.json()) as { error: { message: string; hint?: string } };
      expect(res.status).toBe(status);
      expect(contractErrors('/api/v1/alerts/kapacitor', 'post', status, body)).toEqual([]);
      expect(body.error.message).not.toContain('\n');
      expect(body.error.hint).toBeTruthy();
    }
    const schemaError = (await (
      await post(serve.url, '/api/v1/alerts/kapacitor', { id: 'no-level', time: new Date().toISOString() })
    ).json()) as { error: { message: string } };
    expect(schemaError.error.message).toMatch(/level/);
  });

  it('stores the same delivery once, and an OK closes the incident', async () => {
    const time = new Date().toISOString();
    const alert = kapacitorAlert({
      id: `calvin-artefacts-disk-full:host=dup${suffix}`,
      time,
      tags: { host: 'nowhere' },
    });
    const first = (await (await post(serve.url, '/api/v1/alerts/kapacitor', alert)).json()) as { id: string };
    const second = (await (await post(serve.url, '/api/v1/alerts/kapacitor', alert)).json()) as { id: string };
    expect(second.id).toBe(first.id);
    await settled(first.id);
    expect(await esCount(ES, `calvin-alerts${suffix}`, { term: { key: first.id } })).toBe(1);
    const ok = kapacitorAlert({
      ...alert,
      id: alert.id,
      level: 'OK',
      time: new Date(Date.parse(time) + 60_000).toISOString(),
      tags: { host: 'nowhere' },
    });
    const okId = ((await (await post(serve.url, '/api/v1/alerts/kapacitor', ok)).json()) as { id: string }).id;
    await settled(okId);
    const closed = await settled(first.id);
    expect(closed.alert.closedAt).toBe(new Date(ok.time).toISOString());
    expect(closed.alert.service).toBe('artefacts');
    expect(closed.alert.resolvedVia).toBe('alert-id');
  }, 90_000);

  it('serves the read API, health, metrics and the OpenAPI document within the contract', async () => {
    const alerts = await getJson(
      '/api/v1/alerts',
      `/api/v1/alerts?service=${seeded.service}&since=now-1h&level=CRITICAL`,
    );
    expect((alerts.body as { alerts: unknown[] }).alerts.length).toBeGreaterThan(0);
    expect((await getJson('/api/v1/alerts', '/api/v1/alerts?level=LOUD')).status).toBe(400);
    expect((await getJson('/api/v1/alerts/{id}', '/api/v1/alerts/nope')).status).toBe(404);
    const services = (await getJson('/api/v1/services')).body as { services: { service: string; status: string }[] };
    expect(services.services[0]?.status).toBe('critical');
    const fresh = (await getJson('/api/v1/diagnose/{service}', `/api/v1/diagnose/${seeded.service}?since=1h`)).body as {
      service: string;
    };
    expect(fresh.service).toBe(seeded.service);
    expect((await getJson('/api/v1/diagnose/{service}', '/api/v1/diagnose/x?since=soon')).status).toBe(400);
    const runbook = (await getJson('/api/v1/runbooks/{name}', '/api/v1/runbooks/artefacts-disk-full')).body as {
      title: string;
    };
    expect(runbook.title).toBeTruthy();
    expect((await getJson('/api/v1/runbooks/{name}', '/api/v1/runbooks/..%2Fpackage')).status).toBe(404);
    expect((await getJson('/healthz')).status).toBe(200);
    expect((await getJson('/readyz')).status).toBe(200);
    const metrics = await (await fetch(`${serve.url}/metrics`)).text();
    expect(metrics).toMatch(/calvin_serve_alerts_received_total\{source="kapacitor"\} \d+/);
    expect(metrics).toMatch(/calvin_serve_diagnoses_total\{outcome="done"\} \d+/);
    const doc = (await (await fetch(`${serve.url}/api/openapi.json`)).json()) as { openapi: string };
    expect(doc.openapi).toBe('3.1.0');
  }, 60_000);

  it('renders runbooks without raw HTML, and pages escape what backends send', async () => {
    const page = await fetch(`${serve.url}/runbooks/artefacts-disk-full`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<h1>/);
    const hostile = kapacitorAlert({
      id: '<script>alert(1)</script>',
      tags: { service: '<img src=x onerror=alert(1)>' },
    });
    const { id } = (await (await post(serve.url, '/api/v1/alerts/kapacitor', hostile)).json()) as { id: string };
    await settled(id);
    const html = await (await fetch(`${serve.url}/alerts/${id}`)).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  }, 60_000);
});
