/**
 * `npm run bench:serve`: alert intake of calvin serve on the local stack. calvin serve runs as its own
 * process (`node bin/calvin.js serve`, the way it is deployed; logs to a file) with its own indices;
 * this process only sends: two bursts of 1,000 Kapacitor alerts, each over 50 services of its own,
 * 20 in flight. The first burst meets a freshly started serve (cold: V8 has optimised none of its
 * code yet); the second comes once the first is stored and diagnosed. Prints, for the second, the 202
 * latency (p50, p99), alerts accepted per second, the time until all are stored in Elasticsearch, and
 * serve's RSS (/proc/<pid>/status VmRSS) after both; and the first burst's figures beside them. A bare
 * express app answering 202, in a process of its own too, takes the same two bursts.
 * Goals, on the second burst: p99 ≤ 50 ms, ≥ 500 alerts/s; RSS ≤ 200 MB.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, open, readFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeElasticClients, esCount, esDeleteIndex } from '../src/backends/elasticsearch.js';

const ALERTS = 1000;
const IN_FLIGHT = 20;
const TOKEN = 'bench-serve-token';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const es = { url: process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:19200' };
const suffix = `-bench-${Date.now().toString(36)}`;
// CALVIN_BENCH_PROFILE=<dir>: serve writes a V8 CPU profile there (open it in Chrome's DevTools).
const profileDir = process.env.CALVIN_BENCH_PROFILE;
const profileArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];

/** Starts a process that prints a JSON line `{"event":"listening","url":...}`; resolves with the URL. */
function listening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.once('exit', (code) => reject(new Error(`exited with ${code} before listening`)));
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      const match = /"event":"listening","url":"([^"]+)"/.exec(buffer);
      if (match) resolve(match[1] as string);
      if (buffer.length > 65_536) buffer = buffer.slice(-1024);
    });
  });
}

/** A loopback port free right now (bound, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** serve logs to a file, as the stack's serve does (a pipe to this busy process would hold its writes back). */
async function startServe(): Promise<{ child: ChildProcess; url: string }> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'calvin-bench-serve-'));
  const log = await open(path.join(work, 'serve.log'), 'a');
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      ...profileArgs,
      path.join(root, 'bin/calvin.js'),
      'serve',
      '--port',
      String(port),
      '--spool',
      path.join(work, 'spool'),
      '--index-suffix',
      suffix,
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        CONSUL_HTTP_ADDR: process.env.CONSUL_HTTP_ADDR ?? '127.0.0.1:18500',
        ELASTICSEARCH_URL: es.url,
        INFLUX_URL: process.env.INFLUX_URL ?? 'http://127.0.0.1:18086',
        CALVIN_SERVE_TOKEN: TOKEN,
        NO_COLOR: '1',
      },
      stdio: ['ignore', log.fd, 'inherit'],
    },
  );
  await log.close();
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`calvin serve exited with ${child.exitCode}; see ${work}/serve.log`);
    if ((await fetch(`${url}/healthz`).catch(() => undefined))?.ok) return { child, url };
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The peer: a bare express app that parses the JSON and answers 202, in its own process too. */
async function startBareExpress(): Promise<{ child: ChildProcess; url: string }> {
  const program = `
    const express = require('express');
    const app = express();
    app.post('/x', express.json(), (_req, res) => { res.status(202).json({ ok: true }); });
    const server = app.listen(0, '127.0.0.1', () =>
      console.log(JSON.stringify({ event: 'listening', url: 'http://127.0.0.1:' + server.address().port + '/x' })));`;
  const child = spawn(process.execPath, ['-e', program], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  return { child, url: await listening(child) };
}

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

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) / 1024;
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const base = Date.now();
/** One burst's alerts: its own ids and 50 services of its own, so that no burst rides on another's diagnoses. */
const burstBodies = (round: number): string[] =>
  Array.from({ length: ALERTS }, (_, i) =>
    JSON.stringify({
      id: `bench-${round}-${i}`,
      message: `CRITICAL: bench alert ${i}`,
      time: new Date(base + round * 600_000 + i).toISOString(),
      duration: 0,
      level: 'CRITICAL',
      previousLevel: 'OK',
      data: {
        series: [
          { name: 'cpu', tags: { service: `bench-service-${round}-${i % 50}`, host: `bench-node-${round}-${i % 50}` } },
        ],
      },
    }),
  );
const [firstBodies, secondBodies] = [burstBodies(1), burstBodies(2)];

const peerProcess = await startBareExpress();
const peerFirst = await burst(peerProcess.url, firstBodies);
const peer = await burst(peerProcess.url, secondBodies);
await stop(peerProcess.child);

/** Until `count` alerts are stored; the time it took from `since`. */
async function storedAfter(count: number, since: number): Promise<{ stored: number; ms: number }> {
  let stored = 0;
  for (;;) {
    stored = await esCount(es, `calvin-alerts${suffix}`).catch(() => 0);
    if (stored >= count || performance.now() - since > 120_000) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { stored, ms: performance.now() - since };
}

/** Until serve's queue is empty and its diagnosis count has not moved for a second. */
async function diagnosesSettled(url: string): Promise<void> {
  let last = '';
  for (let quiet = 0; quiet < 10; ) {
    const text = await (await fetch(`${url}/metrics`)).text();
    const now = [...text.matchAll(/^calvin_serve_diagnoses_total\{[^}]*\} (\d+)/gm)].map((m) => m[1]).join(',');
    const queued = /^calvin_serve_diagnosis_queue (\d+)/m.exec(text)?.[1];
    quiet = now === last && queued === '0' ? quiet + 1 : 0;
    last = now;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const serve = await startServe();
const serveUrl = serve.url;
const intakeUrl = `${serveUrl}/api/v1/alerts/kapacitor`;
const rssIdle = await rssMb(serve.child.pid as number);
// The first burst meets a serve that has never taken an alert (its code not yet optimised by V8):
// printed as the cold figure. The goals are read on the second burst, once the first one's alerts
// are stored and its diagnoses done, as a serve that has been up a while meets a burst.
let since = performance.now();
const first = await burst(intakeUrl, firstBodies);
const firstStored = await storedAfter(ALERTS - first.non202, since);
await diagnosesSettled(serveUrl);
since = performance.now();
const { latencies, ms: acceptedMs, non202 } = await burst(intakeUrl, secondBodies);
const second = await storedAfter(2 * ALERTS - first.non202 - non202, since);
const rssAfter = await rssMb(serve.child.pid as number);
await stop(serve.child);
await esDeleteIndex(es, `calvin-alerts${suffix}`).catch(() => undefined);
await esDeleteIndex(es, `calvin-diagnoses${suffix}`).catch(() => undefined);
await closeElasticClients();

const pct = (list: number[], p: number) => list[Math.min(list.length - 1, Math.ceil((p / 100) * list.length) - 1)] ?? 0;
const ms = (v: number): string => `${v.toFixed(1)} ms`;
const rate = ALERTS / (acceptedMs / 1000);
const peerRate = ALERTS / (peer.ms / 1000);
const rows: [string, string, string][] = [
  ['202 latency p50', ms(pct(latencies, 50)), `bare express ${ms(pct(peer.latencies, 50))}`],
  ['202 latency p99', ms(pct(latencies, 99)), `goal ≤ 50 ms; bare express ${ms(pct(peer.latencies, 99))}`],
  [
    'alerts accepted per second',
    rate.toFixed(0),
    `goal ≥ 500; bare express ${peerRate.toFixed(0)}/s, ratio ${(rate / peerRate).toFixed(2)}`,
  ],
  ['all stored in Elasticsearch after', `${second.ms.toFixed(0)} ms`, `${second.stored} of ${2 * ALERTS} stored`],
  [
    'serve RSS after both bursts',
    `${rssAfter.toFixed(0)} MB`,
    `goal ≤ 200 MB; ${rssIdle.toFixed(0)} MB before the first`,
  ],
  ['answers other than 202', String(non202), ''],
  [
    'first burst (cold): p50 / p99',
    `${ms(pct(first.latencies, 50))} / ${ms(pct(first.latencies, 99))}`,
    `bare express ${ms(pct(peerFirst.latencies, 50))} / ${ms(pct(peerFirst.latencies, 99))} (no goal)`,
  ],
  [
    'first burst (cold): per second',
    (ALERTS / (first.ms / 1000)).toFixed(0),
    `stored after ${firstStored.ms.toFixed(0)} ms; bare express ${(ALERTS / (peerFirst.ms / 1000)).toFixed(0)}/s; ${first.non202} other than 202`,
  ],
];
const load = os.loadavg().map((l) => l.toFixed(1));
console.log(
  `calvin serve intake: two bursts of ${ALERTS} Kapacitor alerts, each over 50 services of its own, ${IN_FLIGHT} in flight`,
);
console.log(
  'goals on the second burst (serve up and warm, the first burst stored and diagnosed); the first burst is the cold start',
);
console.log(`serve and the bare express peer each in a process of their own; this process only sends`);
console.log(`machine: ${os.cpus().length} CPUs, load average ${load.join(' / ')} (1/5/15 min; figures scale with it)`);
for (const [what, value, note] of rows) console.log(`  ${what.padEnd(36)} ${value.padStart(10)}  ${note}`);
