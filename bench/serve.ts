/**
 * `npm run bench:serve`: alert intake of calvin serve on the local stack. 1,000 Kapacitor alerts over
 * 50 services posted over HTTP (20 in flight), serve in-process with its own indices. Prints the 202
 * latency (p50, p99), alerts accepted per second, the time until all are stored in Elasticsearch,
 * and the process RSS after the burst. Goals: p99 ≤ 50 ms, ≥ 500 alerts/s, RSS ≤ 200 MB.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import express from 'express';
import { closeElasticClients, esCount, esDeleteIndex } from '../src/backends/elasticsearch.js';
import { loadConfig } from '../src/config.js';
import { loadCatalog } from '../src/load/index.js';
import { startServe } from '../src/serve/server.js';

const ALERTS = 1000;
const IN_FLIGHT = 20;
const TOKEN = 'bench-serve-token';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const es = { url: process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:19200' };
const config = {
  ...loadConfig({ root, color: false }, { CONSUL_HTTP_ADDR: process.env.CONSUL_HTTP_ADDR ?? '127.0.0.1:18500' }),
  elasticsearch: es,
  influx: { url: process.env.INFLUX_URL ?? 'http://127.0.0.1:18086' },
};
const suffix = `-bench-${Date.now().toString(36)}`;
const serve = await startServe(config, await loadCatalog(root), {
  host: '127.0.0.1',
  port: 0,
  token: TOKEN,
  protectReads: false,
  processMetrics: false,
  log: () => undefined,
  indexSuffix: suffix,
  spoolDir: await mkdtemp(path.join(os.tmpdir(), 'calvin-bench-spool-')),
  deadlineMs: 5_000,
});

/** POSTs every body, IN_FLIGHT at a time; returns sorted latencies, wall time and non-202 answers. */
async function burst(url: string, bodies: string[]): Promise<{ latencies: number[]; ms: number; non202: number }> {
  const latencies: number[] = [];
  let non202 = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++] as string;
        const t0 = performance.now();
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
          body,
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.status !== 202) non202 += 1;
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), ms: performance.now() - started, non202 };
}

/** The peer: a bare express app that parses the JSON and answers 202, on this machine in this run. */
async function bareExpress(bodies: string[]) {
  const app = express();
  app.post('/x', express.json(), (_req, res) => {
    res.status(202).json({ ok: true });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  const result = await burst(`http://127.0.0.1:${port}/x`, bodies);
  server.close();
  return result;
}

const base = Date.now();
const bodies = Array.from({ length: ALERTS }, (_, i) =>
  JSON.stringify({
    id: `bench-${i}`,
    message: `CRITICAL: bench alert ${i}`,
    time: new Date(base + i).toISOString(),
    duration: 0,
    level: 'CRITICAL',
    previousLevel: 'OK',
    data: { series: [{ name: 'cpu', tags: { service: `bench-service-${i % 50}`, host: `bench-node-${i % 50}` } }] },
  }),
);
const peer = await bareExpress(bodies);
const started = performance.now();
const { latencies, ms: acceptedMs, non202 } = await burst(`${serve.url}/api/v1/alerts/kapacitor`, bodies);
while (serve.runtime.processor.pending > 0) await new Promise((r) => setTimeout(r, 50));
const storedMs = performance.now() - started;
const rssMb = process.memoryUsage().rss / 1024 / 1024;
await serve.stop();
const stored = await esCount(es, `calvin-alerts${suffix}`);
await esDeleteIndex(es, `calvin-alerts${suffix}`).catch(() => undefined);
await esDeleteIndex(es, `calvin-diagnoses${suffix}`).catch(() => undefined);
await closeElasticClients();

const pct = (list: number[], p: number) => list[Math.min(list.length - 1, Math.ceil((p / 100) * list.length) - 1)] ?? 0;
const rate = ALERTS / (acceptedMs / 1000);
const peerRate = ALERTS / (peer.ms / 1000);
const rows: [string, string, string][] = [
  ['202 latency p50', `${pct(latencies, 50).toFixed(1)} ms`, `bare express ${pct(peer.latencies, 50).toFixed(1)} ms`],
  [
    '202 latency p99',
    `${pct(latencies, 99).toFixed(1)} ms`,
    `goal ≤ 50 ms; bare express ${pct(peer.latencies, 99).toFixed(1)} ms`,
  ],
  [
    'alerts accepted per second',
    rate.toFixed(0),
    `goal ≥ 500; bare express ${peerRate.toFixed(0)}/s, ratio ${(rate / peerRate).toFixed(2)}`,
  ],
  ['all stored in Elasticsearch after', `${storedMs.toFixed(0)} ms`, `${stored} of ${ALERTS} stored`],
  ['RSS after the burst', `${rssMb.toFixed(0)} MB`, 'goal ≤ 200 MB'],
  ['answers other than 202', String(non202), ''],
];
const load = os.loadavg()[0] ?? 0;
console.log(`calvin serve intake: ${ALERTS} Kapacitor alerts over 50 services, ${IN_FLIGHT} in flight`);
console.log(`machine: ${os.cpus().length} CPUs, load average ${load.toFixed(1)} (figures scale with it)`);
for (const [what, value, note] of rows) console.log(`  ${what.padEnd(36)} ${value.padStart(10)}  ${note}`);
