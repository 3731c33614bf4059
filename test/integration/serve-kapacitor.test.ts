/**
 * The loop, joint by joint: the TICKscript calvin generates for a shipped alert (its `calvin()` handler
 * included) runs on a real Kapacitor 1.7.6, fires on written points, and its POST reaches a running
 * calvin serve, which stores the alert and its diagnosis. The token only ever sits in kapacitor.conf,
 * in the `[[httppost]]` endpoint "calvin", as the stack writes it. This Kapacitor is a process of the
 * test's own (the stack's binary and config writer), so its endpoint can point at this test's serve.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kapacitorBin } from '../../scripts/stack/kapacitor-build.mjs';
import { httppostEndpoint, kapacitorConf } from '../../scripts/stack/kapacitor-conf.mjs';
import { closeElasticClients, esCount } from '../../src/backends/elasticsearch.js';
import { defaultRenderOptions, renderKapacitorTask, serveRenderOptions } from '../../src/render/index.js';
import type { RunningServe } from '../../src/serve/server.js';
import { closedPort } from './stack-helpers.js';
import { shippedCatalog } from './diagnose-helpers.js';
import { ES, TOKEN, eventually, startTestServe, uniqueSuffix } from './serve-helpers.js';

const suffix = uniqueSuffix('kapacitor');
let serve: RunningServe;
let kapacitor: ChildProcess;
let kapacitorUrl: string;
let dir: string;

async function kapacitorApi(method: string, route: string, body?: unknown): Promise<Response> {
  return fetch(`${kapacitorUrl}${route}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
}

beforeAll(async () => {
  expect(existsSync(kapacitorBin), `${kapacitorBin}: run npm run stack -- up once`).toBe(true);
  serve = await startTestServe({ indexSuffix: suffix, deadlineMs: 10_000 });
  dir = await mkdtemp(path.join(os.tmpdir(), 'calvin-kapacitor-e2e-'));
  const port = await closedPort();
  kapacitorUrl = `http://127.0.0.1:${port}`;
  const conf = path.join(dir, 'kapacitor.conf');
  const endpoint = httppostEndpoint('calvin', `${serve.url}/api/v1/alerts/kapacitor`, TOKEN);
  const text = kapacitorConf({ dataDir: dir, port, influxUrl: 'http://127.0.0.1:18086', extra: endpoint });
  await writeFile(conf, text, { mode: 0o600 });
  kapacitor = spawn(kapacitorBin, ['-config', conf], { stdio: 'ignore' });
  await eventually(async () => {
    const res = await fetch(`${kapacitorUrl}/kapacitor/v1/ping`).catch(() => undefined);
    return res?.status === 204 ? true : undefined;
  }, 'the test Kapacitor answering');
}, 120_000);

afterAll(async () => {
  kapacitor?.kill('SIGKILL');
  await serve?.stop();
  await closeElasticClients();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('Kapacitor → calvin serve, with the script calvin generates', () => {
  it('a shipped alert fires on written points and serve stores it and diagnoses it', async () => {
    const catalog = await shippedCatalog();
    const alert = catalog.alerts.find((a) => a.id === 'artefacts-disk-full');
    expect(alert?.handlers.some((h) => h.type === 'calvin')).toBe(true);
    const { task, script } = renderKapacitorTask(
      alert!,
      catalog.services,
      defaultRenderOptions(serveRenderOptions(serve.url)),
    );
    expect(script).toContain(`.post('${serve.url}/api/v1/alerts/kapacitor')`);
    expect(script).toContain(".endpoint('calvin')");
    expect(script).not.toContain(TOKEN);
    const defined = await kapacitorApi('POST', '/kapacitor/v1/tasks', { ...task, status: 'enabled' });
    expect(defined.status, await defined.text()).toBe(200);
    const state = (await (await kapacitorApi('GET', `/kapacitor/v1/tasks/${task.id}`)).json()) as {
      executing: boolean;
      error: string;
    };
    expect(state).toMatchObject({ executing: true, error: '' });

    // The Nexus blob store fills up by one percent a minute for 40 minutes, ending now.
    const host = `nexus-e2e${suffix}`;
    const end = Math.floor(Date.now() / 60_000) * 60_000;
    const lines = Array.from({ length: 41 }, (_, i) => {
      const t = end - (40 - i) * 60_000;
      return `disk,category=artefacts-storage,environment=test,host=${host},path=/srv/nexus used_percent=${60 + i} ${t}`;
    });
    const written = await fetch(`${kapacitorUrl}/kapacitor/v1/write?db=system&rp=autogen&precision=ms`, {
      method: 'POST',
      body: lines.join('\n'),
    });
    expect(written.status).toBe(204);

    // WARNING, then CRITICAL: both posted by Kapacitor with the endpoint's token, stored once each.
    const stored = await eventually(async () => {
      const since = new Date(end - 3_600_000).toISOString();
      const res = await fetch(`${serve.url}/api/v1/alerts?service=artefacts&since=${since}`);
      if (!res.ok) return undefined; // the indices are made with the first stored alert
      const list = ((await res.json()) as { alerts: { alertId: string; level: string; key: string }[] }).alerts;
      const ours = list.filter((a) => a.alertId.includes(host));
      return ours.some((a) => a.level === 'CRITICAL') ? ours : undefined;
    }, 'the CRITICAL alert stored by serve');
    expect(stored.map((a) => a.level).sort()).toEqual(['CRITICAL', 'WARNING']);
    const critical = stored.find((a) => a.level === 'CRITICAL')!;
    const view = await eventually(async () => {
      const res = await fetch(`${serve.url}/api/v1/alerts/${critical.key}`);
      const body = (await res.json()) as { state: string; alert: Record<string, unknown> };
      return body.state === 'pending' ? undefined : body;
    }, 'the diagnosis of the alert');
    expect(view.state).toBe('done');
    expect(view.alert).toMatchObject({ source: 'kapacitor', service: 'artefacts', resolvedVia: 'alert-id' });
    expect(String(view.alert.message)).toContain(`runbook: ${serve.url}/runbooks/artefacts-disk-full`);
    expect(await esCount(ES, `calvin-alerts${suffix}`)).toBe(2);
  }, 180_000);
});
