/**
 * Backend discovery inside the diagnosis budget: against a fake Consul whose catalog look-ups are
 * slow, the look-ups run at once, stop at the budget or on abort, and diagnose still answers in time.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverEndpoints } from '../../../src/backends/discover.js';
import { loadConfig, type Config } from '../../../src/config.js';
import { diagnose } from '../../../src/diagnose/run.js';

let delayMs = 0;
let inFlight = 0;
let maxInFlight = 0;
let server: http.Server;
let config: Config;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const send = (body: unknown): void => {
      if (res.destroyed) return;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (path === '/v1/agent/self') return send({ Config: { Datacenter: 'dc1' } });
    if (path === '/v1/catalog/services') return send({ svc: [], metrics: ['http'], documents: ['http'] });
    if (path === '/v1/health/service/svc')
      return send([
        {
          Node: { Node: 'n1', Address: '10.0.0.1' },
          Service: { ID: 'svc1', Service: 'svc', Tags: [], Port: 1 },
          Checks: [],
        },
      ]);
    if (path.startsWith('/v1/catalog/service/')) {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const timer = setTimeout(() => {
        inFlight -= 1;
        send([{ Address: '127.0.0.1', ServiceAddress: '127.0.0.1', ServicePort: 9, ServiceTags: ['http'] }]);
      }, delayMs);
      res.on('close', () => {
        if (!res.writableEnded) {
          clearTimeout(timer);
          inFlight -= 1;
        }
      });
      return undefined;
    }
    return send({});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  config = loadConfig({ consulAddr: `127.0.0.1:${(server.address() as AddressInfo).port}`, color: false }, {});
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const elapsed = async <T>(work: () => Promise<T>): Promise<{ ms: number; result: T | Error }> => {
  const start = Date.now();
  const result = await work().catch((error: unknown) => error as Error);
  return { ms: Date.now() - start, result };
};

describe('discoverEndpoints', () => {
  it('looks up the Consul services at once, not one after the other', async () => {
    delayMs = 400;
    maxInFlight = 0;
    const { ms, result } = await elapsed(() => discoverEndpoints(config, ['influx', 'elasticsearch']));
    expect(result).toEqual({ influx: { url: 'http://127.0.0.1:9' }, elasticsearch: { url: 'http://127.0.0.1:9' } });
    expect(maxInFlight).toBe(2);
    expect(ms).toBeLessThan(750);
  });

  it('stops at its time budget with a Consul error', async () => {
    delayMs = 3_000;
    const { ms, result } = await elapsed(() =>
      discoverEndpoints(config, ['influx', 'elasticsearch'], { timeoutMs: 300 }),
    );
    expect(result).toMatchObject({ code: 'CONSUL_UNREACHABLE' });
    expect(ms).toBeLessThan(1_500);
  });

  it('stops when its caller aborts', async () => {
    delayMs = 3_000;
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 100);
    const { ms, result } = await elapsed(() =>
      discoverEndpoints(config, ['influx', 'elasticsearch'], { timeoutMs: 10_000, signal: abort.signal }),
    );
    expect(result).toMatchObject({ code: 'CONSUL_UNREACHABLE' });
    expect(ms).toBeLessThan(1_000);
  });
});

describe('diagnose with a slow Consul catalog', () => {
  it('keeps its --deadline: metrics and logs unavailable, health still reported', async () => {
    delayMs = 3_000;
    const { ms, result } = await elapsed(() => diagnose(config, { query: 'svc', deadlineMs: 1_000 }));
    if (result instanceof Error) throw result;
    expect(ms).toBeLessThan(1_800);
    expect(result.diagnosis.sources).toEqual({ consul: 'ok', influx: 'unavailable', elasticsearch: 'unavailable' });
    expect(result.diagnosis.instances.map((i) => i.node)).toEqual(['n1']);
    expect(result.sourceErrors.influx).toMatch(/discovery/);
  });
});
