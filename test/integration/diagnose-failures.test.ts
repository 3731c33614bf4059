/**
 * What happens when parts of the environment fail: a backend stopped or hanging gives a partial
 * diagnosis with that source unavailable; Consul unreachable and unknown services stop calvin with
 * one clear line and exit 2.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeElasticClients } from '../../src/backends/elasticsearch.js';
import { diagnose } from '../../src/diagnose/run.js';
import type { Diagnosis } from '../../src/diagnose/types.js';
import { seedScenario } from '../../scripts/seed/index.js';
import { runCli, shippedCatalog, stack, stackConfig } from './diagnose-helpers.js';

let seededAt = 0;

/** Seeds the Nexus incident right before a test: other test files may re-seed it meanwhile. */
async function seedNexus(): Promise<void> {
  seededAt = Date.now();
  await seedScenario('nexus-disk-full', { config: stackConfig(), now: seededAt });
}

afterAll(async () => {
  await closeElasticClients();
});

async function diagnoseNexus(env: NodeJS.ProcessEnv = {}, deadlineMs?: number): Promise<Diagnosis> {
  const { diagnosis } = await diagnose(stackConfig(env), {
    query: 'nexus',
    to: new Date(seededAt),
    catalog: await shippedCatalog(),
    ...(deadlineMs ? { deadlineMs } : {}),
  });
  return diagnosis;
}

describe('a backend that is down', () => {
  it('InfluxDB stopped: metrics unavailable, health and logs still diagnose nexus-02', async () => {
    await seedNexus();
    stack('stop', 'influx');
    let d: Diagnosis;
    try {
      d = await diagnoseNexus();
    } finally {
      stack('start', 'influx');
    }
    expect(d.sources).toEqual({ consul: 'ok', influx: 'unavailable', elasticsearch: 'ok' });
    expect(d.status).toBe('critical');
    expect(d.suspects[0]?.node).toBe('nexus-02');
    expect(d.instances.flatMap((i) => i.anomalies).some((a) => a.source === 'metrics')).toBe(false);
    expect(d.topErrors[0]?.pattern).toMatch(/No space left on device/);
    expect(d.summary).toContain('(metrics unavailable)');
  });

  it('Elasticsearch stopped: logs unavailable, metrics and health still diagnose nexus-02', async () => {
    await seedNexus();
    stack('stop', 'elasticsearch');
    let d: Diagnosis;
    try {
      d = await diagnoseNexus();
    } finally {
      stack('start', 'elasticsearch');
    }
    expect(d.sources).toEqual({ consul: 'ok', influx: 'ok', elasticsearch: 'unavailable' });
    expect(d.status).toBe('critical');
    expect(d.suspects[0]?.node).toBe('nexus-02');
    expect(d.topErrors).toEqual([]);
    expect(d.summary).toContain('(logs unavailable)');
  });
});

describe('a backend that hangs', () => {
  let server: net.Server;
  const sockets = new Set<net.Socket>();
  let port = 0;
  beforeAll(async () => {
    // Accepts connections and never answers.
    server = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('is cut off at the deadline and marked unavailable; the rest comes back', async () => {
    await seedNexus();
    const d = await diagnoseNexus(
      { INFLUX_URL: `http://127.0.0.1:${port}`, ELASTICSEARCH_URL: `http://127.0.0.1:${port}` },
      1_500,
    );
    expect(d.sources).toEqual({ consul: 'ok', influx: 'unavailable', elasticsearch: 'unavailable' });
    expect(d.status).toBe('critical');
    expect(d.suspects[0]?.node).toBe('nexus-02');
    expect(d.durationMs).toBeLessThan(10_000);
  });
});

describe('the CLI', () => {
  it('exits 2 naming CONSUL_HTTP_ADDR when Consul is unreachable', () => {
    const r = runCli(['diagnose', 'nexus'], { CONSUL_HTTP_ADDR: '127.0.0.1:1' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^calvin: Consul at 127\.0\.0\.1:1 is unreachable .*CONSUL_HTTP_ADDR/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 listing the closest names of an unknown service', () => {
    const r = runCli(['diagnose', 'nexsu']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no Consul service, alias or service id "nexsu" .*closest: nexus/);
  });

  it('prints the JSON contract alone on stdout and exits 1 for a critical service', async () => {
    await seedNexus();
    const r = runCli(['diagnose', 'nexus', '--json', '--to', new Date(seededAt).toISOString()]);
    expect(r.status).toBe(1);
    const d = JSON.parse(r.stdout) as Diagnosis;
    expect(d.status).toBe('critical');
    expect(d.suspects[0]?.node).toBe('nexus-02');
  });

  it('exits 3 for a service without instances', () => {
    // `host` is defined (services/host.ts) but nothing registers it in Consul.
    const r = runCli(['diagnose', 'linux', '--format', 'markdown']);
    expect(r.status).toBe(3);
    expect(r.stdout).toContain(': unknown');
  });
});
