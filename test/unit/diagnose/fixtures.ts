/** Collected data for analysis tests: deterministic noise, incidents injected on purpose. */
import type { Collected, HostLogStats, MessageGroup, SignalSeries } from '../../../src/diagnose/collected.js';
import type { LogFields } from '../../../src/diagnose/queries.js';
import { hostSignals } from '../../../src/diagnose/signals.js';

export const WINDOW = { from: '2026-11-23T10:00:00Z', to: '2026-11-23T11:00:00Z' };
export const BASELINE = { from: '2026-11-23T06:00:00Z', to: '2026-11-23T10:00:00Z' };
const MINUTE = 60_000;

/** The ECS log fields as field caps finds them on a dynamic mapping, every one mapped; a test overrides the ones it is about. */
export function logFields(overrides: Partial<LogFields> = {}): LogFields {
  return {
    host: 'host.name',
    level: 'log.level',
    message: 'message.keyword',
    service: 'service.name',
    process: 'process.name',
    errorType: 'error.type',
    pid: 'process.pid',
    ...overrides,
  };
}

/** Deterministic pseudo-random noise in [-1, 1). */
export function noise(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) / 0x1_0000_0000) * 2 - 1;
  };
}

/** Baseline every 5 min, window every minute; `shape(minuteInWindow)` overrides window values. */
export function series(
  signal: string,
  host: string,
  level: number,
  jitter: number,
  seed: number,
  shape?: (minute: number, normal: number) => number,
  split?: string,
): SignalSeries {
  const r = noise(seed);
  const points: SignalSeries['points'] = [];
  for (let t = Date.parse(BASELINE.from); t < Date.parse(BASELINE.to); t += 5 * MINUTE)
    points.push({ time: new Date(t).toISOString(), value: level + r() * jitter });
  for (let m = 0; m < 60; m += 1) {
    const normal = level + r() * jitter;
    points.push({
      time: new Date(Date.parse(WINDOW.from) + m * MINUTE).toISOString(),
      value: shape ? shape(m, normal) : normal,
    });
  }
  return { signal, host, ...(split !== undefined ? { split } : {}), points };
}

export function uptime(host: string, restartsAt: number[]): SignalSeries {
  const points: SignalSeries['points'] = [];
  let up = 50_000;
  for (let t = Date.parse(BASELINE.from); t < Date.parse(BASELINE.to); t += 5 * MINUTE) {
    up += 300;
    points.push({ time: new Date(t).toISOString(), value: up });
  }
  for (let m = 0; m < 60; m += 1) {
    up = restartsAt.includes(m) ? 30 : up + 60;
    points.push({ time: new Date(Date.parse(WINDOW.from) + m * MINUTE).toISOString(), value: up });
  }
  return { signal: 'system.uptime', host, points };
}

export function hostLogs(
  host: string,
  windowErrors: number,
  baselineErrors: number,
  errorFromMinute = 0,
): HostLogStats {
  const buckets = Array.from({ length: 60 }, (_, m) => ({
    time: new Date(Date.parse(WINDOW.from) + m * MINUTE).toISOString(),
    total: 100,
    errors: m >= errorFromMinute ? Math.round(windowErrors / (60 - errorFromMinute)) : 0,
  }));
  return {
    host,
    window: { total: 6000, errors: windowErrors },
    baseline: { total: 24000, errors: baselineErrors },
    buckets,
  };
}

export function group(
  message: string,
  hosts: [string, number][],
  first = '2026-11-23T10:42:00.000Z',
  last = '2026-11-23T10:59:30.000Z',
  extra: Partial<MessageGroup> = {},
): MessageGroup {
  return {
    message,
    count: hosts.reduce((n, [, c]) => n + c, 0),
    hosts: hosts.map(([name, count]) => ({ name, count })),
    first,
    last,
    errorTypes: [],
    services: [],
    processes: [],
    ...extra,
  };
}

/** Every generic host signal of every node, with normal noise. */
export function normalMetrics(nodes: string[], seedBase = 1): SignalSeries[] {
  const out: SignalSeries[] = [];
  nodes.forEach((node, i) => {
    const seed = seedBase * 100 + i * 10;
    out.push(series('cpu.used_percent', node, 78, 6, seed + 1)); // stored as usage_idle (inverted by analysis)
    out.push(series('mem.used_percent', node, 55, 3, seed + 2));
    out.push(series('disk.used_percent', node, 40, 0.5, seed + 3, undefined, '/'));
    out.push(series('system.load1', node, 1.2, 0.4, seed + 4));
    out.push(uptime(node, []));
  });
  return out;
}

export function collected(overrides: Partial<Collected> & { nodes?: string[] } = {}): Collected {
  const nodes = overrides.nodes ?? ['nexus-01', 'nexus-02', 'nexus-03'];
  const base: Collected = {
    service: 'artefacts',
    query: 'nexus',
    environment: 'test',
    window: WINDOW,
    baseline: BASELINE,
    bucketMs: MINUTE,
    instances: nodes.map((node, i) => ({
      node,
      address: `10.0.0.${i + 1}`,
      serviceId: `nexus_${node}`,
      checks: [
        { name: 'Serf Health Status', status: 'passing', output: 'Agent alive and reachable' },
        { name: 'Nexus HTTP', status: 'passing', output: 'HTTP GET http://localhost:8081: 200 OK' },
      ],
    })),
    knownServices: ['artefacts', 'builds', 'consul', 'logs', 'queue'],
    signals: hostSignals('system'),
    metrics: normalMetrics(nodes),
    logs: { hosts: nodes.map((n) => hostLogs(n, 2, 8)), windowErrors: [], baselineErrors: [] },
    serviceRunbooks: [{ title: 'Nexus operations', url: 'https://runbooks.example/nexus' }],
    alertRunbooks: [
      {
        alert: 'ArtefactsDiskFull',
        title: 'Nexus disk full',
        url: 'https://runbooks.example/artefacts-disk-full',
        measurement: 'disk',
        field: 'used_percent',
      },
      {
        alert: 'ArtefactsHighCpu',
        title: 'Nexus CPU',
        url: 'https://runbooks.example/artefacts-cpu',
        measurement: 'cpu',
        field: 'usage_idle',
      },
    ],
    knownIssues: [],
    sources: { consul: 'ok', influx: 'ok', elasticsearch: 'ok' },
    sourceErrors: {},
  };
  const { nodes: _nodes, ...rest } = overrides;
  void _nodes;
  return { ...base, ...rest };
}

/** The Nexus disk-full incident: nexus-02's /srv climbs from 61% to 99% from 10:42, with errors. */
export function diskFull(): Collected {
  const c = collected();
  c.metrics.push(series('disk.used_percent', 'nexus-01', 60, 0.3, 7, undefined, '/srv'));
  c.metrics.push(
    series(
      'disk.used_percent',
      'nexus-02',
      61,
      0.3,
      8,
      (m, normal) => (m < 42 ? normal : Math.min(99, 61 + (m - 41) * 4)),
      '/srv',
    ),
  );
  c.metrics.push(series('disk.used_percent', 'nexus-03', 59, 0.3, 9, undefined, '/srv'));
  c.logs.hosts = [hostLogs('nexus-01', 2, 8), hostLogs('nexus-02', 1204, 8, 42), hostLogs('nexus-03', 3, 8)];
  c.logs.windowErrors = [
    group(
      'java.io.IOException: No space left on device',
      [['nexus-02', 700]],
      '2026-11-23T10:42:10.000Z',
      '2026-11-23T10:59:50.000Z',
      { errorTypes: ['java.io.IOException'], services: ['nexus'] },
    ),
    group(
      'Failed to write blob /srv/nexus/blobs/default/content/vol-12/chap-33/0f3c2a9e-5d4b-4c1e-9a7b-2f1e3d4c5b6a.bytes: No space left on device',
      [['nexus-02', 504]],
      '2026-11-23T10:42:30.000Z',
      '2026-11-23T10:59:40.000Z',
      { services: ['nexus'] },
    ),
    group(
      'Scheduled task 42 took 1500 ms',
      [
        ['nexus-01', 2],
        ['nexus-03', 3],
      ],
      '2026-11-23T10:05:00.000Z',
      '2026-11-23T10:50:00.000Z',
    ),
  ];
  c.logs.baselineErrors = [
    group('Scheduled task 17 took 900 ms', [['nexus-01', 8]], '2026-11-23T07:00:00.000Z', '2026-11-23T09:00:00.000Z'),
  ];
  c.knownIssues = [
    {
      id: 'disk-full',
      title: 'A volume is full',
      runbook: 'https://runbooks.example/disk-full',
      pattern: 'No space left on device',
    },
  ];
  return c;
}
