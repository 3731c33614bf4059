/** calvin serve's operational paths: token-protected reads, Consul registration, and 429 when the backlog is full. */
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServe } from '../../src/serve/server.js';
import { CONSUL } from './diagnose-helpers.js';
import { TOKEN, kapacitorAlert, post, serveConfig, startTestServe, uniqueSuffix } from './serve-helpers.js';

let running: RunningServe | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

describe('calvin serve operations', () => {
  it("keeps a sender's idle connection past Node's default 5 s, so a burst does not open them all again", async () => {
    running = await startTestServe({});
    let connections = 0;
    running.server.on('connection', () => {
      connections += 1;
    });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<number>((resolve, reject) => {
        http
          .get(`${running?.url}/healthz`, { agent }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          })
          .on('error', reject);
      });
    expect(await get()).toBe(200);
    await new Promise((r) => setTimeout(r, 6_000));
    expect(await get()).toBe(200);
    expect(connections).toBe(1);
    agent.destroy();
  }, 20_000);

  it('protects reads with the token when the config says so', async () => {
    running = await startTestServe({ protectReads: true });
    expect((await fetch(`${running.url}/api/v1/alerts`)).status).toBe(401);
    const withToken = await fetch(`${running.url}/api/v1/alerts`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(withToken.status).toBe(200);
    // Liveness stays open for the load balancer and Consul's check.
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });

  it('--register registers serve in Consul with an HTTP check, and deregisters it on stop', async () => {
    running = await startTestServe({ register: true });
    const port = new URL(running.url).port;
    const id = `calvin-serve-${port}`;
    const services = (await (await fetch(`http://${CONSUL}/v1/agent/services`)).json()) as Record<
      string,
      { Service: string; Tags: string[]; Port: number }
    >;
    expect(services[id]).toMatchObject({ Service: 'calvin', Port: Number(port) });
    expect(services[id]?.Tags).toContain('http');
    const checks = (await (await fetch(`http://${CONSUL}/v1/agent/checks`)).json()) as Record<
      string,
      { ServiceID: string; Type?: string }
    >;
    expect(Object.values(checks).some((c) => c.ServiceID === id)).toBe(true);
    await running.stop();
    running = undefined;
    const after = (await (await fetch(`http://${CONSUL}/v1/agent/services`)).json()) as Record<string, unknown>;
    expect(after[id]).toBeUndefined();
  });

  it('answers 429 with Retry-After when more alerts wait to be stored than it holds, and 202 before that', async () => {
    // Elasticsearch unreachable: nothing drains, so the backlog only grows.
    running = await startTestServe({ config: serveConfig('http://127.0.0.1:1'), maxBacklog: 2 });
    const suffix = uniqueSuffix('busy');
    const answers: Response[] = [];
    for (const n of [1, 2, 3]) {
      answers.push(await post(running.url, '/api/v1/alerts/kapacitor', kapacitorAlert({ id: `busy-${n}${suffix}` })));
    }
    expect(answers.map((a) => a.status)).toEqual([202, 202, 429]);
    expect(Number(answers[2]?.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await answers[2]?.json()) as { error: { code: string; message: string; hint: string } };
    expect(body.error.message.length).toBeGreaterThan(0);
    expect(body.error.hint.length).toBeGreaterThan(0);
  });
});
