/**
 * Backend answers → collected shapes. Pure, and defensive: every field of an answer may be missing
 * or of the wrong type, and every string in it is hostile (kept as data, escaped only by reports).
 */
import type { CollectedLogs, HostLogStats, MessageGroup, SignalSeries } from './collected.js';
import type { LogFields, SignalQuery } from './queries.js';
import { buckets, dateOf, key, num, obj, textAt, type Agg } from './agg-read.js';
import { changesFromSearch, mergeChanges } from './changes-query.js';
import { isoOfMs } from './iso-time.js';

export interface InfluxSeries {
  name?: string;
  tags?: Record<string, string>;
  columns?: string[];
  values?: unknown[][];
}

function toIso(time: unknown): string | null {
  if (typeof time === 'number' && Number.isFinite(time)) return isoOfMs(time);
  if (typeof time === 'string' && !Number.isNaN(Date.parse(time))) return new Date(time).toISOString();
  return null;
}

/** Series of one signal's window and baseline answers, merged per host (and split tag). */
export function seriesFromInflux(
  signal: string,
  splitBy: string | undefined,
  answers: InfluxSeries[][],
  nodes: ReadonlySet<string>,
): SignalSeries[] {
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
  return [...byKey.values()].sort(
    (a, b) => a.host.localeCompare(b.host) || (a.split ?? '').localeCompare(b.split ?? ''),
  );
}

export function splitOf(queries: SignalQuery[]): Map<string, SignalQuery[]> {
  const bySignal = new Map<string, SignalQuery[]>();
  for (const q of queries) bySignal.set(q.signal, [...(bySignal.get(q.signal) ?? []), q]);
  return bySignal;
}

/** Lines and errors of a host bucket: errors counted by a filter, or the histogram's errors summed. */
function lineCounts(hostBucket: Agg): { total: number; errors: number } {
  const errors =
    'errors' in hostBucket
      ? num(obj(hostBucket.errors).doc_count)
      : buckets(hostBucket.histogram).reduce((n, b) => n + num(obj(b.errors).doc_count), 0);
  return { total: num(hostBucket.doc_count), errors };
}

/** Count, hosts, first/last and ECS context of one message bucket (a terms or a filters bucket). */
function groupStats(b: Record<string, unknown>): Omit<MessageGroup, 'message'> {
  return {
    count: num(b.doc_count),
    hosts: buckets(b.hosts).map((h) => ({ name: key(h), count: num(h.doc_count) })),
    first: dateOf(b.first),
    last: dateOf(b.last),
    errorTypes: buckets(b.types).map(key),
    services: buckets(b.services).map(key),
    processes: buckets(b.processes).map(key),
  };
}

function messageGroups(errorsAgg: unknown, fields: LogFields): MessageGroup[] {
  const e = obj(errorsAgg);
  if (fields.message) {
    return buckets(e.messages).map((b) => ({ message: key(b), ...groupStats(b) }));
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
    const host = textAt(d, 'host.name');
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
    for (const [list, path] of [
      [g.errorTypes, 'error.type'],
      [g.services, 'service.name'],
      [g.processes, 'process.name'],
    ] as const) {
      const v = textAt(d, path);
      if (v && !list.includes(v)) list.push(v);
    }
  }
  return [...groups.values()].map((g) => ({
    ...g,
    count: Math.round(g.count),
    hosts: g.hosts.map((h) => ({ name: h.name, count: Math.round(h.count) })),
  }));
}

/** What the main log search and its error sample tell: the collected shapes, whether the samples were whole. */
export interface SearchedLogs extends CollectedLogs {
  /** True when the window's (baseline's) distinct error messages all fit in the answer. */
  complete: { window: boolean; baseline: boolean };
  /** How many error lines the window and the baseline hold. */
  errorLines: { window: number; baseline: number };
}

/** Whether an errors aggregation holds every message: terms with nothing left over, or every hit. */
function wholeSample(errorsAgg: unknown): boolean {
  const e = obj(errorsAgg);
  if ('messages' in e) return num(obj(e.messages).sum_other_doc_count) === 0;
  const hits = obj(obj(e.sample).hits).hits;
  return (Array.isArray(hits) ? hits.length : 0) >= num(e.doc_count);
}

function filterCounts(agg: unknown): Record<string, number> {
  const b = obj(obj(agg).buckets);
  return Object.fromEntries(Object.entries(b).map(([k, v]) => [k, num(obj(v).doc_count)]));
}

/** The main log search's answer and the error sample's (queries.ts `logSearchBody`, `errorSampleBody`). */
export function logsFromSearch(
  response: unknown,
  errorsResponse: unknown,
  fields: LogFields,
  nodes: ReadonlySet<string>,
  startMarkers: string[] = [],
): SearchedLogs {
  const aggs = obj(obj(response).aggregations);
  const win = obj(aggs.window);
  const base = obj(aggs.baseline);
  const errorAggs = obj(obj(errorsResponse).aggregations);
  // The error sample's range buckets read as the errors aggregations of the window and the baseline.
  const winErrors = obj(errorAggs.window);
  const baseErrors = obj(errorAggs.baseline);
  const baselineByHost = new Map(buckets(obj(base.hosts)).map((b) => [key(b), lineCounts(b)]));
  const hosts: HostLogStats[] = [];
  for (const b of buckets(win.hosts)) {
    const host = key(b);
    if (!nodes.has(host)) continue;
    hosts.push({
      host,
      window: lineCounts(b),
      baseline: baselineByHost.get(host) ?? { total: 0, errors: 0 },
      buckets: buckets(b.histogram).map((h) => ({
        time:
          typeof h.key_as_string === 'string'
            ? new Date(h.key_as_string).toISOString()
            : new Date(num(h.key)).toISOString(),
        total: num(h.doc_count),
        errors: num(obj(h.errors).doc_count),
      })),
    });
  }
  for (const [host, counts] of baselineByHost) {
    if (nodes.has(host) && !hosts.some((h) => h.host === host))
      hosts.push({ host, window: { total: 0, errors: 0 }, baseline: counts, buckets: [] });
  }
  hosts.sort((a, b) => a.host.localeCompare(b.host));
  const known = obj(winErrors.known);
  return {
    hosts,
    windowErrors: messageGroups(winErrors, fields),
    baselineErrors: messageGroups(baseErrors, fields),
    ...('buckets' in known ? { knownIssueCounts: filterCounts(known) } : {}),
    ...changesFromSearch(aggs, startMarkers),
    complete: { window: wholeSample(winErrors), baseline: wholeSample(baseErrors) },
    errorLines: { window: num(winErrors.doc_count), baseline: num(baseErrors.doc_count) },
  };
}

/** Exact counts of a template follow-up (queries.ts `templateCountBody`), keyed as asked. */
export interface TemplateCounts {
  window: Map<string, Omit<MessageGroup, 'message'>>;
  baseline: Map<string, number>;
  /** Window errors no template counted: their sample (empty when not asked for). */
  rest: MessageGroup[];
  restComplete: boolean;
  /** Known issues' counts, when asked for. */
  known?: Record<string, number>;
}

export function templateCountsFromSearch(response: unknown, fields: LogFields): TemplateCounts {
  const aggs = obj(obj(response).aggregations);
  const win = obj(aggs.window);
  const window = new Map<string, Omit<MessageGroup, 'message'>>();
  for (const [k, v] of Object.entries(obj(obj(win.templates).buckets))) {
    window.set(k, groupStats(obj(v)));
  }
  const baseline = new Map(Object.entries(filterCounts(obj(aggs.baseline).templates)));
  const rest = 'rest' in win ? messageGroups(win.rest, fields) : [];
  return {
    window,
    baseline,
    rest,
    restComplete: !('rest' in win) || wholeSample(win.rest),
    ...('known' in win ? { known: filterCounts(win.known) } : {}),
  };
}

/** One group of indices that map the ECS fields alike, with the fields to aggregate on there. */
export interface IndexGroup {
  /** Index names, or undefined for "every index of the pattern" (the cluster maps them alike). */
  indices: string[] | undefined;
  fields: LogFields;
}

/**
 * Picks the aggregatable variant of each ECS field (`host.name` as keyword, or the `.keyword`
 * sub-field of a text field) from a `_field_caps` answer. Indices that map a field differently
 * (legacy indices from before an index template) form groups of their own, searched separately.
 */
export function fieldGroupsFromCaps(caps: unknown, candidates: Record<keyof LogFields, string>): IndexGroup[] {
  const c = obj(caps);
  const f = obj(c.fields);
  const allIndices = Array.isArray(c.indices) ? c.indices.filter((i): i is string => typeof i === 'string') : [];
  /** Indices where `name` is aggregatable: every index (undefined) or a list. */
  const aggregatableIn = (name: string): Set<string> | 'all' | null => {
    const types = Object.values(obj(f[name])).map(obj);
    const good = types.filter((t) => t.aggregatable === true);
    if (good.length === 0) return null;
    if (types.length === 1) return 'all';
    return new Set(
      good.flatMap((t) =>
        Array.isArray(t.indices) ? t.indices.filter((i): i is string => typeof i === 'string') : [],
      ),
    );
  };
  const keys = Object.keys(candidates) as (keyof LogFields)[];
  const plain = Object.fromEntries(keys.map((k) => [k, aggregatableIn(candidates[k])])) as Record<
    keyof LogFields,
    Set<string> | 'all' | null
  >;
  const sub = Object.fromEntries(keys.map((k) => [k, aggregatableIn(`${candidates[k]}.keyword`)])) as Record<
    keyof LogFields,
    Set<string> | 'all' | null
  >;
  const choose = (k: keyof LogFields, index: string | undefined): string | null => {
    const has = (where: Set<string> | 'all' | null): boolean =>
      where === 'all' || (where !== null && index !== undefined && where.has(index));
    if (has(plain[k])) return candidates[k];
    if (has(sub[k])) return `${candidates[k]}.keyword`;
    return null;
  };
  const mixed = keys.some((k) => plain[k] instanceof Set || sub[k] instanceof Set);
  const finish = (chosen: Record<keyof LogFields, string | null>): LogFields => ({
    ...chosen,
    host: chosen.host ?? `${candidates.host}.keyword`,
    level: chosen.level ?? `${candidates.level}.keyword`,
  });
  if (!mixed || allIndices.length === 0) {
    const chosen = Object.fromEntries(
      keys.map((k) => [k, plain[k] ? candidates[k] : sub[k] ? `${candidates[k]}.keyword` : null]),
    ) as Record<keyof LogFields, string | null>;
    return [{ indices: undefined, fields: finish(chosen) }];
  }
  const groups = new Map<string, IndexGroup>();
  for (const index of allIndices) {
    // An index without a host field holds no document of any instance: nothing to search there.
    if (choose('host', index) === null) continue;
    const fields = finish(
      Object.fromEntries(keys.map((k) => [k, choose(k, index)])) as Record<keyof LogFields, string | null>,
    );
    const key = JSON.stringify(fields);
    const group = groups.get(key) ?? { indices: [], fields };
    group.indices?.push(index);
    groups.set(key, group);
  }
  if (groups.size === 0) return [{ indices: undefined, fields: finish(nothingChosen(keys)) }];
  return [...groups.values()];
}

function nothingChosen(keys: (keyof LogFields)[]): Record<keyof LogFields, string | null> {
  return Object.fromEntries(keys.map((k) => [k, null])) as Record<keyof LogFields, string | null>;
}

/** The fields of a cluster whose indices all map alike (the common case). */
export function fieldsFromCaps(caps: unknown, candidates: Record<keyof LogFields, string>): LogFields {
  return (fieldGroupsFromCaps(caps, candidates)[0] as IndexGroup).fields;
}

/** Logs of several index groups as one: counts summed per host, bucket and message. */
export function mergeLogs(parts: SearchedLogs[]): SearchedLogs {
  if (parts.length === 1) return parts[0] as SearchedLogs;
  const hosts = new Map<string, HostLogStats>();
  for (const part of parts) {
    for (const h of part.hosts) {
      const into = hosts.get(h.host);
      if (!into) {
        hosts.set(h.host, {
          host: h.host,
          window: { ...h.window },
          baseline: { ...h.baseline },
          buckets: h.buckets.map((b) => ({ ...b })),
        });
        continue;
      }
      for (const k of ['total', 'errors'] as const) {
        into.window[k] += h.window[k];
        into.baseline[k] += h.baseline[k];
      }
      for (const b of h.buckets) {
        const same = into.buckets.find((x) => x.time === b.time);
        if (same) {
          same.total += b.total;
          same.errors += b.errors;
        } else into.buckets.push({ ...b });
      }
      into.buckets.sort((a, b) => a.time.localeCompare(b.time));
    }
  }
  // A signature counted in every group is counted exactly; one left out of a group is not.
  const counted = parts.every((p) => p.knownIssueCounts)
    ? Object.keys(parts[0]?.knownIssueCounts ?? {}).filter((k) =>
        parts.every((p) => p.knownIssueCounts?.[k] !== undefined),
      )
    : [];
  return {
    hosts: [...hosts.values()].sort((a, b) => a.host.localeCompare(b.host)),
    windowErrors: mergeMessageGroups(parts.map((p) => p.windowErrors)),
    baselineErrors: mergeMessageGroups(parts.map((p) => p.baselineErrors)),
    ...(counted.length > 0
      ? {
          knownIssueCounts: Object.fromEntries(
            counted.map((k) => [k, parts.reduce((n, p) => n + (p.knownIssueCounts?.[k] ?? 0), 0)]),
          ),
        }
      : {}),
    ...mergeChanges(parts),
    complete: { window: parts.every((p) => p.complete.window), baseline: parts.every((p) => p.complete.baseline) },
    errorLines: {
      window: parts.reduce((n, p) => n + p.errorLines.window, 0),
      baseline: parts.reduce((n, p) => n + p.errorLines.baseline, 0),
    },
  };
}

/** Message groups of several answers as one: counts summed per message (and host). */
export function mergeMessageGroups(lists: MessageGroup[][]): MessageGroup[] {
  const byMessage = new Map<string, MessageGroup>();
  for (const g of lists.flat()) {
    const into = byMessage.get(g.message);
    if (!into) {
      byMessage.set(g.message, {
        ...g,
        hosts: g.hosts.map((h) => ({ ...h })),
        errorTypes: [...g.errorTypes],
        services: [...g.services],
        processes: [...g.processes],
      });
      continue;
    }
    into.count += g.count;
    for (const h of g.hosts) {
      const same = into.hosts.find((x) => x.name === h.name);
      if (same) same.count += h.count;
      else into.hosts.push({ ...h });
    }
    if (g.first && (!into.first || g.first < into.first)) into.first = g.first;
    if (g.last > into.last) into.last = g.last;
    for (const [list, more] of [
      [into.errorTypes, g.errorTypes],
      [into.services, g.services],
      [into.processes, g.processes],
    ] as const)
      for (const v of more) if (!list.includes(v)) list.push(v);
  }
  return [...byMessage.values()].sort((a, b) => b.count - a.count);
}
