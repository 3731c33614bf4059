/**
 * Backend answers → collected shapes. Pure, and defensive: every field of an answer may be missing
 * or of the wrong type, and every string in it is hostile (kept as data, escaped only by reports).
 */
import type { HostLogStats, MessageGroup, SignalSeries } from './collected.js';
import { isErrorLevel, isWarningLevel, type LogFields, type SignalQuery } from './queries.js';

export interface InfluxSeries {
  name?: string;
  tags?: Record<string, string>;
  columns?: string[];
  values?: unknown[][];
}

function toIso(time: unknown): string | null {
  if (typeof time === 'number' && Number.isFinite(time)) return new Date(time).toISOString();
  if (typeof time === 'string' && !Number.isNaN(Date.parse(time))) return new Date(time).toISOString();
  return null;
}

/** Series of one signal's window and baseline answers, merged per host (and split tag). */
export function seriesFromInflux(signal: string, splitBy: string | undefined, answers: InfluxSeries[][], nodes: ReadonlySet<string>): SignalSeries[] {
  const byKey = new Map<string, SignalSeries>();
  for (const answer of answers) {
    for (const s of answer) {
      const host = s.tags?.host;
      if (typeof host !== 'string' || !nodes.has(host)) continue;
      const split = splitBy ? s.tags?.[splitBy] : undefined;
      const key = `${host}\u0000${split ?? ''}`;
      let series = byKey.get(key);
      if (!series) {
        series = { signal, host, ...(split !== undefined ? { split } : {}), points: [] };
        byKey.set(key, series);
      }
      const timeIndex = Math.max(0, (s.columns ?? []).indexOf('time'));
      const valueIndex = timeIndex === 0 ? 1 : 0;
      for (const row of s.values ?? []) {
        const time = toIso(row[timeIndex]);
        const raw = row[valueIndex];
        if (time === null) continue;
        series.points.push({ time, value: typeof raw === 'number' && Number.isFinite(raw) ? raw : null });
      }
    }
  }
  for (const s of byKey.values()) s.points.sort((a, b) => a.time.localeCompare(b.time));
  return [...byKey.values()].sort((a, b) => a.host.localeCompare(b.host) || (a.split ?? '').localeCompare(b.split ?? ''));
}

export function splitOf(queries: SignalQuery[]): Map<string, SignalQuery[]> {
  const bySignal = new Map<string, SignalQuery[]>();
  for (const q of queries) bySignal.set(q.signal, [...(bySignal.get(q.signal) ?? []), q]);
  return bySignal;
}

type Agg = Record<string, unknown>;

function obj(value: unknown): Agg {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Agg) : {};
}

function buckets(value: unknown): Agg[] {
  const b = obj(value).buckets;
  return Array.isArray(b) ? b.map(obj) : [];
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function key(bucket: Agg): string {
  const k = bucket.key;
  return typeof k === 'string' ? k : typeof k === 'number' || typeof k === 'boolean' ? String(k) : '';
}

function levelCounts(hostBucket: Agg): { total: number; errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const b of buckets(hostBucket.levels)) {
    if (isErrorLevel(key(b))) errors += num(b.doc_count);
    else if (isWarningLevel(key(b))) warnings += num(b.doc_count);
  }
  return { total: num(hostBucket.doc_count), errors, warnings };
}

function dateOf(agg: unknown): string {
  const o = obj(agg);
  if (typeof o.value_as_string === 'string' && !Number.isNaN(Date.parse(o.value_as_string))) return new Date(o.value_as_string).toISOString();
  return typeof o.value === 'number' ? new Date(o.value).toISOString() : '';
}

function messageGroups(errorsAgg: unknown, fields: LogFields): MessageGroup[] {
  const e = obj(errorsAgg);
  if (fields.message) {
    return buckets(e.messages).map((b) => ({
      message: key(b),
      count: num(b.doc_count),
      hosts: buckets(b.hosts).map((h) => ({ name: key(h), count: num(h.doc_count) })),
      first: dateOf(b.first),
      last: dateOf(b.last),
      errorTypes: buckets(b.types).map(key),
      services: buckets(b.services).map(key),
      processes: buckets(b.processes).map(key),
    }));
  }
  // No aggregatable message field: group the bounded sample and scale its counts to the total.
  const hits = obj(obj(e.sample).hits).hits;
  const docs = (Array.isArray(hits) ? hits : []).map((h) => obj(obj(h)._source));
  const total = num(e.doc_count);
  const scale = docs.length > 0 ? total / docs.length : 0;
  const groups = new Map<string, MessageGroup>();
  for (const d of docs) {
    const message = typeof d.message === 'string' ? d.message : '';
    const time = typeof d['@timestamp'] === 'string' ? new Date(d['@timestamp']).toISOString() : '';
    const host = stringAt(d, ['host', 'name']);
    let g = groups.get(message);
    if (!g) {
      g = { message, count: 0, hosts: [], first: time, last: time, errorTypes: [], services: [], processes: [] };
      groups.set(message, g);
    }
    g.count += scale;
    const h = g.hosts.find((x) => x.name === host);
    if (h) h.count += scale;
    else if (host) g.hosts.push({ name: host, count: scale });
    if (time && (g.first === '' || time < g.first)) g.first = time;
    if (time > g.last) g.last = time;
    for (const [list, path] of [[g.errorTypes, ['error', 'type']], [g.services, ['service', 'name']], [g.processes, ['process', 'name']]] as const) {
      const v = stringAt(d, path);
      if (v && !list.includes(v)) list.push(v);
    }
  }
  return [...groups.values()].map((g) => ({ ...g, count: Math.round(g.count), hosts: g.hosts.map((h) => ({ name: h.name, count: Math.round(h.count) })) }));
}

/** ECS fields arrive nested (`host: {name}`) or dotted (`"host.name"`). */
function stringAt(doc: Agg, path: readonly string[]): string {
  const dotted = doc[path.join('.')];
  if (typeof dotted === 'string') return dotted;
  let cur: unknown = doc;
  for (const p of path) cur = obj(cur)[p];
  return typeof cur === 'string' ? cur : '';
}

export function logsFromSearch(response: unknown, fields: LogFields, nodes: ReadonlySet<string>): { hosts: HostLogStats[]; windowErrors: MessageGroup[]; baselineErrors: MessageGroup[] } {
  const aggs = obj(obj(response).aggregations);
  const win = obj(aggs.window);
  const base = obj(aggs.baseline);
  const baselineByHost = new Map(buckets(obj(base.hosts)).map((b) => [key(b), levelCounts(b)]));
  const hosts: HostLogStats[] = [];
  for (const b of buckets(win.hosts)) {
    const host = key(b);
    if (!nodes.has(host)) continue;
    hosts.push({
      host,
      window: levelCounts(b),
      baseline: baselineByHost.get(host) ?? { total: 0, errors: 0, warnings: 0 },
      buckets: buckets(b.histogram).map((h) => ({
        time: typeof h.key_as_string === 'string' ? new Date(h.key_as_string).toISOString() : new Date(num(h.key)).toISOString(),
        total: num(h.doc_count),
        errors: num(obj(h.errors).doc_count),
      })),
    });
  }
  for (const [host, counts] of baselineByHost) {
    if (nodes.has(host) && !hosts.some((h) => h.host === host)) hosts.push({ host, window: { total: 0, errors: 0, warnings: 0 }, baseline: counts, buckets: [] });
  }
  hosts.sort((a, b) => a.host.localeCompare(b.host));
  return { hosts, windowErrors: messageGroups(win.errors, fields), baselineErrors: messageGroups(base.errors, fields) };
}

/** Picks the aggregatable variant of each ECS field from a `_field_caps` answer. */
export function fieldsFromCaps(caps: unknown, candidates: Record<keyof LogFields, string>): LogFields {
  const f = obj(obj(caps).fields);
  const pick = (name: string): string | null => {
    for (const candidate of [name, `${name}.keyword`]) {
      const types = obj(f[candidate]);
      if (Object.values(types).some((t) => obj(t).aggregatable === true)) return candidate;
    }
    return null;
  };
  return {
    host: pick(candidates.host) ?? `${candidates.host}.keyword`,
    level: pick(candidates.level) ?? `${candidates.level}.keyword`,
    message: pick(candidates.message),
    service: pick(candidates.service),
    process: pick(candidates.process),
    errorType: pick(candidates.errorType),
  };
}
