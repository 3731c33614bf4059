/**
 * The randomized incident generator behind `bench:quality`: from a seed, incidents nobody tuned the
 * engine for, each with its ground truth. Pure: the same seed and `now` give the same incidents.
 * Every node name carries the run's token, so one run's data can be told from everyone else's.
 */
import { MINUTE, type CheckState, type LogLine, type Sample } from './model.js';
import { randomFor, type Random } from './random.js';

export const INCIDENT_KINDS = [
  'disk',
  'memory',
  'cpu',
  'errors',
  'check',
  'dependency',
  'common',
  'rollout-full',
  'rollout-half-bad',
  'rollout-half-unrelated',
  'restart',
  'healthy',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export const ROLLOUT_KINDS: readonly IncidentKind[] = ['rollout-full', 'rollout-half-bad', 'rollout-half-unrelated'];

/** The diagnosis window the incidents are built for (history = window + 4 windows of baseline). */
export const WINDOW_MS = 30 * MINUTE;
export const HISTORY_MS = 5 * WINDOW_MS;

export type LogMapping = 'keyword' | 'text';

export interface PlantedHost {
  node: string;
  address: string;
  service: string;
  serviceId: string;
  port: number;
  version?: string;
  /** Still registered in Consul (a replaced instance is not). */
  registered: boolean;
  /** First and last instant the host reports metrics and logs. */
  from: number;
  to: number;
  check: CheckState;
  /** Bends the host's sample during the incident. */
  bend?: (t: number, s: Sample) => void;
  /** The incident's log lines on this host (chatter is added when planting). */
  lines: LogLine[];
  /** The service's process on the host (ECS `process.name`) and its pid at a time (a restart changes it). */
  process: string;
  pidAt: (t: number) => number;
}

export interface GroundTruth {
  healthy: boolean;
  /** The first suspect must be one of these nodes (empty: no node requirement). */
  nodes: string[];
  /** ...or, for a bad version, carry this version. */
  version?: string;
  /** ...or, for an unresolvable common cause, name this host. */
  dependency?: string;
  /** The summary must say this (the change the anomaly lines up with: "web-1 restarted at"). */
  summaryIncludes?: string;
}

export interface Incident {
  id: string;
  kind: IncidentKind;
  service: string;
  mapping: LogMapping;
  /** Index of the host's log documents is chosen by mapping; every host of the incident, noise included. */
  hosts: PlantedHost[];
  truth: GroundTruth;
}

const HOSTILE_PARTS = [`we"ird'`, '<b>x</b>', '.*+?()[]{}|^$', 'ünïcødé-☃', 'a b c'];
const WORDS = ['api', 'web', 'auth', 'cache', 'search', 'billing', 'report', 'ingest', 'mail', 'store', 'sched'];
const CHATTER = [
  'GET /api/items/{n} 200 {n} ms',
  'POST /api/jobs 201 {n} ms',
  'cache refreshed: {n} entries',
  'scheduled task cleanup finished in {n} ms',
  'health probe ok',
];
const WARNINGS = ['slow request GET /api/items took {n} ms', 'retrying upstream call (attempt 2)'];
const BURSTS = [
  'Request failed: java.lang.NullPointerException: item {n} has no owner',
  'Unhandled exception in worker {n}: KeyError: session_id',
  'Transaction {n} rolled back: deadlock detected',
  'ERROR processing message {n}: invalid JSON at position {n}',
];
/** What a service that came back wrong logs after its restart. */
const RESTART_ERRORS = [
  'Failed to load configuration from /etc/app/app-{n}.yaml: key "pool.size" missing',
  'Cache warm-up failed after restart: segment {n} corrupt',
];
/** Errors some healthy services log all the time: as many in the baseline as in the window. */
const CHRONIC = [
  'Deprecated API call /v1/legacy/{n} from client; please migrate',
  'Could not refresh optional feature flags (attempt {n}); using cached values',
];
/** Errors a service logs now and then whatever happens: the same rate in the baseline and the window. */
const SPORADIC = 'Timeout while reading from client {n}; request abandoned';

function fill(template: string, r: Random): string {
  return template.replace(/\{n\}/g, () => String(r.int(2, 9999)));
}

function serviceName(r: Random, token: string, n: number): string {
  const base = `${r.pick(WORDS)}-${token}-${n}`;
  return r.next() < 0.1 ? `${base}-${r.pick(HOSTILE_PARTS)}` : base;
}

function nodeName(r: Random, service: string, token: string, k: number): string {
  const base = `${service.replace(/[^a-z0-9-]/g, '').slice(0, 24)}-${r.hex(6)}-${k}`;
  const named = r.next() < 0.1 ? `${r.pick(HOSTILE_PARTS)}-${base}` : base;
  return named.includes(token) ? named : `${named}-${token}`;
}

interface Builder {
  r: Random;
  now: number;
  token: string;
  subnet: number;
  hosts: PlantedHost[];
}

const passing = (node: string): CheckState => ({ status: 'passing', output: `HTTP GET http://${node}/health: 200 OK` });

function addService(
  b: Builder,
  service: string,
  count: number,
  extra: Partial<PlantedHost> = {},
  start = b.now - HISTORY_MS,
): PlantedHost[] {
  const made: PlantedHost[] = [];
  for (let k = 0; k < count; k += 1) {
    const node = nodeName(b.r, service, b.token, b.hosts.length);
    const pid = b.r.int(300, 30_000);
    const host: PlantedHost = {
      node,
      address: `10.${b.subnet}.${Math.floor(b.hosts.length / 250)}.${1 + (b.hosts.length % 250)}`,
      service,
      serviceId: `${service}_${node}`,
      port: 8080,
      registered: true,
      from: start,
      to: b.now,
      check: passing(node),
      lines: [],
      process: service.replace(/[^a-z]/g, '').slice(0, 12) || 'app',
      pidAt: () => pid,
      ...extra,
    };
    b.hosts.push(host);
    made.push(host);
  }
  return made;
}

/** Log lines every `everyMs` (± jitter) from `from` to `to`. */
function burst(r: Random, from: number, to: number, everyMs: number, make: () => Omit<LogLine, 'time'>): LogLine[] {
  const out: LogLine[] = [];
  for (let t = from; t < to; t += everyMs) out.push({ ...make(), time: Math.min(to - 1, t + r.between(0, everyMs)) });
  return out;
}

function errorLine(message: string): Omit<LogLine, 'time'> {
  return { level: 'error', source: 'app', message };
}

/** One bad instance: a resource climbs to its limit from the onset, with the errors it causes. */
function badInstance(b: Builder, host: PlantedHost, kind: IncidentKind, onset: number): void {
  const r = b.r;
  // Past the signal's warning threshold (85-90 %), reached over 1-10 minutes, and at least 2 minutes before
  // the diagnosis: a ground truth must be visible in the data.
  const level = r.between(91, 99.5);
  const rampMs = Math.min(r.between(1, 10) * MINUTE, Math.max(MINUTE, b.now - onset - 2 * MINUTE));
  const ramp = (t: number, from: number) => Math.min(level, from + ((t - onset) / rampMs) * (level - from));
  if (kind === 'disk') {
    host.bend = (t, s) => {
      if (t >= onset) s.diskDataPercent = ramp(t, s.diskDataPercent);
    };
    host.lines = burst(r, onset + rampMs, b.now, r.between(15_000, 60_000), () =>
      errorLine(`Failed to write /srv/data/${r.hex(8)}.tmp: No space left on device`),
    );
  } else if (kind === 'memory') {
    host.bend = (t, s) => {
      if (t >= onset) s.memUsedPercent = ramp(t, s.memUsedPercent);
    };
  } else if (kind === 'cpu') {
    host.bend = (t, s) => {
      if (t >= onset) {
        s.cpuBusy = ramp(t, s.cpuBusy);
        s.load1 = 4 + r.between(0, 4);
      }
    };
  } else if (kind === 'errors') {
    const template = r.pick(BURSTS);
    host.lines = burst(r, onset, b.now, r.between(3_000, 30_000), () => errorLine(fill(template, r)));
  } else if (kind === 'check') {
    host.check = { status: 'critical', output: `HTTP GET http://${host.node}/health: 503 Service Unavailable` };
  }
}

/**
 * A restart only the logs show (no reboot: the host's uptime goes on): the service's process logs under
 * a new pid from the onset, and a new error follows within a minute or two.
 */
function restartedInstance(b: Builder, host: PlantedHost, onset: number): void {
  const r = b.r;
  const before = host.pidAt(onset - 1);
  const after = before + r.int(1, 500);
  host.pidAt = (t) => (t < onset ? before : after);
  const template = r.pick(RESTART_ERRORS);
  host.lines = [
    { time: onset, level: 'info', source: 'app', message: `${host.process} starting (pid ${after})` },
    ...burst(r, onset + r.between(20_000, 90_000), b.now, r.between(3_000, 20_000), () => errorLine(fill(template, r))),
  ];
}

/** Controls that look busy but are healthy: chronic errors at a steady rate, or a rollout of a good version. */
function healthyVariant(b: Builder, service: string, hosts: PlantedHost[], onset: number): void {
  const r = b.r;
  const variant = r.int(0, 2);
  if (variant === 1) {
    const message = r.pick(CHRONIC);
    const every = r.between(60_000, 240_000);
    for (const h of hosts) h.lines = burst(r, h.from, b.now, every, () => errorLine(fill(message, r)));
  } else if (variant === 2) {
    const fresh = hosts.slice(0, Math.ceil(hosts.length / 2));
    for (const h of [...hosts]) h.version = '1.4.2';
    for (const h of fresh) Object.assign(h, { registered: false, to: onset });
    addService(b, service, fresh.length, { version: '1.5.0' }, onset);
  }
}

function generate(kind: IncidentKind, r: Random, id: string, token: string, now: number, subnet: number): Incident {
  const b: Builder = { r, now, token, subnet, hosts: [] };
  const service = serviceName(r, token, subnet);
  const onset = now - r.int(4, 26) * MINUTE;
  const count = r.int(1, 12);
  const truth: GroundTruth = { healthy: false, nodes: [] };
  if (kind === 'rollout-full' || kind === 'rollout-half-bad' || kind === 'rollout-half-unrelated') {
    // Half done: at least two new instances, so that one bad node cannot stand for its whole version.
    const total = Math.max(kind === 'rollout-full' ? 2 : 3, count);
    const fresh = kind === 'rollout-full' ? total : Math.max(2, Math.floor(total / 2));
    const v1 = `1.${r.int(0, 9)}.${r.int(0, 9)}`;
    const next = `2.0.${r.int(0, 9)}`;
    const old = addService(b, service, total, { version: v1 });
    // Replaced instances stop reporting and leave Consul when their successors start.
    for (const h of old.slice(0, fresh)) Object.assign(h, { registered: false, to: onset });
    const made = addService(b, service, fresh, { version: next }, onset);
    if (kind === 'rollout-half-unrelated') {
      const kept = [...old.slice(fresh), ...made];
      const bad = r.pick(kept);
      badInstance(b, bad, 'disk', onset + r.int(1, 3) * MINUTE);
      truth.nodes = [bad.node];
    } else {
      const template = r.pick(BURSTS);
      for (const h of made)
        h.lines = burst(r, onset + MINUTE, now, r.between(4_000, 15_000), () => errorLine(fill(template, r)));
      // A full replacement may be blamed on its new instances or their version; a half-done one on the version.
      truth.version = next;
      if (kind === 'rollout-full') truth.nodes = made.map((h) => h.node);
    }
  } else if (kind === 'dependency' || kind === 'common') {
    const own = addService(b, service, Math.max(2, count));
    const port = r.pick([5432, 5672, 6379, 9200]);
    let target: string;
    if (kind === 'dependency') {
      const dep = `dep-${token}-${subnet}`;
      const deps = addService(b, dep, r.int(1, 3));
      const down = r.pick(deps);
      down.check = { status: 'critical', output: `dial tcp ${down.address}:${port}: connect: connection refused` };
      target = `${r.pick(['', 'amqp.', 'primary.'])}${dep}.service.consul`;
      truth.nodes = [down.node];
    } else {
      target = `db-${token}-${subnet}.example.internal`;
      truth.dependency = target;
    }
    const message = `connection error, will retry: connect to ${target}:${port}: Connection refused`;
    for (const h of own)
      h.lines = burst(r, onset + r.between(0, 20_000), now, r.between(5_000, 20_000), () => errorLine(message));
  } else {
    const hosts = addService(b, service, count);
    if (kind === 'restart') {
      const bad = r.pick(hosts);
      restartedInstance(b, bad, onset);
      truth.nodes = [bad.node];
      truth.summaryIncludes = `${bad.node} restarted at`;
    } else if (kind !== 'healthy') {
      const bad = r.pick(hosts);
      badInstance(b, bad, kind, onset);
      truth.nodes = [bad.node];
    } else {
      truth.healthy = true;
      healthyVariant(b, service, hosts, onset);
    }
  }
  // A noise service next to it (registered, chatty, healthy) that the diagnosis must leave alone.
  addService(b, serviceName(r, token, subnet + 1000), r.int(1, 3));
  return { id, kind, service, mapping: r.next() < 0.5 ? 'keyword' : 'text', hosts: b.hosts, truth };
}

/** `count` incidents from `seed`, kinds in turn (three healthy controls per round), shuffled order kept stable. */
export function generateIncidents(seed: string, count: number, now: number, token: string): Incident[] {
  const rounds: IncidentKind[] = [...INCIDENT_KINDS, 'healthy', 'healthy'];
  return Array.from({ length: count }, (_, i) => {
    const kind = rounds[i % rounds.length] as IncidentKind;
    const id = `${seed}#${i}`;
    return generate(kind, randomFor(id), id, token, now, 1 + (i % 250));
  });
}

/**
 * A whole environment for `bench:status`: `services` services of `instances` instances each, five hours
 * of history, every tenth one with a bad instance (disk, memory, an error burst or a failing check in
 * turn), under the run's token. One "incident" per service, so that planting and removal are the same.
 */
export function generateEnvironment(token: string, now: number, services: number, instances: number): Incident[] {
  const bad: IncidentKind[] = ['disk', 'memory', 'errors', 'check'];
  return Array.from({ length: services }, (_, i) => {
    const id = `status-${token}#${i}`;
    const r = randomFor(id);
    const b: Builder = { r, now, token, subnet: 1 + (i % 250), hosts: [] };
    const service = `st-${token}-${i}`;
    const hosts = addService(b, service, instances, {}, now - 5 * 60 * MINUTE);
    const kind = i % 10 === 0 ? (bad[(i / 10) % bad.length] as IncidentKind) : 'healthy';
    const truth: GroundTruth = { healthy: kind === 'healthy', nodes: [] };
    if (kind !== 'healthy') {
      const host = hosts[0] as PlantedHost;
      badInstance(b, host, kind, now - 15 * MINUTE);
      truth.nodes = [host.node];
    }
    return { id, kind, service, mapping: i % 2 === 0 ? 'keyword' : 'text', hosts, truth };
  });
}

/** Ordinary chatter of one host: info lines, a few warnings, rare sporadic errors, at a steady rate. */
export function* chatter(host: PlantedHost, seed: string): Generator<LogLine> {
  const r = randomFor(`${seed}/${host.node}/chatter`);
  for (let t = host.from; t < host.to; t += r.between(60_000, 150_000)) {
    yield { time: t, level: 'info', source: 'app', message: fill(r.pick(CHATTER), r) };
    if (r.next() < 0.04) yield { time: t + 1_000, level: 'warn', source: 'app', message: fill(r.pick(WARNINGS), r) };
    if (r.next() < 0.01) yield { time: t + 2_000, level: 'error', source: 'app', message: fill(SPORADIC, r) };
  }
}
