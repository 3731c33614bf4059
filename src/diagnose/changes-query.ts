/**
 * The changes the logs show, answered by aggregations only, so their cost is bounded by hosts ×
 * processes, never by the number of documents:
 * - in the log search diagnose sends anyway (no request of their own): under the window's per-host
 *   terms, and under the baseline's for the last
 *   `RESTART_LEAD_MS` before the window (a restart just before the window explains what follows):
 *   per process its newest pids with their first and last lines (a new pid of a long-running
 *   process is a restart), and the newest start-up lines (the service's start markers), with the
 *   host's first line of that range;
 * - `formerSearchBody`, a search of its own sent beside it: the hosts that logged the service's
 *   `service.name` without being one of its instances now.
 * Pure; the analysis is log-restarts.ts and changes.ts.
 */
import { type Agg, buckets, dateOf, key, num, obj } from './agg-read.js';
import type { CollectedLogs, FormerLogHost, ProcessPids, StartLine } from './collected.js';

/** The fields these aggregations read (a subset of queries.ts `LogFields`). */
interface ChangeFields {
  host: string;
  message: string | null;
  service: string | null;
  process: string | null;
  pid: string | null;
}

/** How long before the window restarts are looked for: as long as a change may precede the onset it explains. */
export const RESTART_LEAD_MS = 10 * 60_000;

type Ranges = { window: { from: string; to: string }; baseline: { from: string } };

/** `ms` before the window's start, but not before the baseline's. */
function beforeWindow(w: Ranges, ms: number): string {
  return new Date(Math.max(Date.parse(w.baseline.from), Date.parse(w.window.from) - ms)).toISOString();
}

/** The range just before the window whose restarts count, within the baseline. */
export function restartLeadRange(w: Ranges): { from: string; to: string } {
  return { from: beforeWindow(w, RESTART_LEAD_MS), to: w.window.from };
}

/** Start of the time former hosts are looked for: the window's length before the window, within the baseline. */
export function formerFrom(w: Ranges): string {
  return beforeWindow(w, Date.parse(w.window.to) - Date.parse(w.window.from));
}

/** Processes per host, newest pids per process, start lines per host, former hosts: all bounded. */
const PROCESSES = 5;
const PIDS = 4;
const STARTS = 3;
const FORMER = 100;

const min = { min: { field: '@timestamp' } };
const max = { max: { field: '@timestamp' } };

/** `^text` must start the message; any other marker may stand anywhere in it. */
function markerText(marker: string): string {
  return marker.startsWith('^') ? marker.slice(1) : marker;
}

export function matchesMarker(message: string, marker: string): boolean {
  const text = markerText(marker);
  return marker.startsWith('^') ? message.trimStart().startsWith(text) : message.includes(text);
}

/**
 * Lines carrying one of the markers: phrases on a text `message` (the keyword message of dynamic
 * mappings has a text parent too), a case-sensitive wildcard when `message` is a keyword only.
 */
function markerQuery(fields: ChangeFields, markers: string[]): Record<string, unknown> {
  const keywordOnly = fields.message === 'message';
  const should = markers.map((m) =>
    keywordOnly
      ? { wildcard: { message: { value: `*${markerText(m).replace(/[*?\\]/g, '\\$&')}*` } } }
      : { match_phrase: { message: markerText(m) } },
  );
  return { bool: { should, minimum_should_match: 1 } };
}

/**
 * Sub-aggregations of the window's per-host terms: pids per process (of `processNames` only, when
 * given), start-up lines (empty when unmapped).
 */
export function hostChangeAggs(
  fields: ChangeFields,
  startMarkers: string[],
  processNames: readonly string[] = [],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (fields.process && fields.pid)
    out.processes = {
      // The service's own processes when its definition names them: a restart of cron or telegraf is
      // not the service's, and their pids are most of what the aggregation would otherwise read.
      terms: {
        field: fields.process,
        size: PROCESSES,
        ...(processNames.length > 0 ? { include: [...processNames] } : {}),
      },
      aggs: {
        pids: {
          terms: { field: fields.pid, size: PIDS, order: { first: 'desc' } },
          aggs: { first: min, last: max },
        },
      },
    };
  const markers = startMarkers.filter((m) => markerText(m).trim() !== '');
  if (markers.length > 0) {
    out.first = min;
    out.starts = {
      filter: markerQuery(fields, markers),
      aggs: {
        latest: {
          top_hits: {
            size: STARTS,
            sort: [{ '@timestamp': { order: 'desc', unmapped_type: 'date' } }],
            _source: { includes: ['message', '@timestamp'] },
          },
        },
      },
    };
  }
  return out;
}

/**
 * The search for the hosts that logged the service's `service.name` from `from` on without being one
 * of its instances now (null: nothing to ask): a host that went quiet before the window's length
 * before the window is no change of it. Sent beside the main log search, not inside it: as an OR
 * branch of that search's query it made Elasticsearch test every document against both (a quarter of
 * the search's time at 1 M documents), where on its own it reads the service's name and nothing else.
 */
export function formerSearchBody(
  nodes: string[],
  fields: ChangeFields,
  serviceNames: string[],
  from: string,
): Record<string, unknown> | null {
  if (!fields.service || serviceNames.length === 0 || nodes.length === 0) return null;
  const since = { range: { '@timestamp': { gte: from, format: 'strict_date_optional_time' } } };
  return {
    size: 0,
    track_total_hits: false,
    query: {
      bool: {
        filter: [{ terms: { [fields.service]: serviceNames } }, since],
        must_not: [{ terms: { [fields.host]: nodes } }],
      },
    },
    aggs: {
      former: {
        terms: { field: fields.host, size: FORMER, order: { last: 'desc' } },
        aggs: { first: min, last: max },
      },
    },
  };
}

/** The former hosts `formerSearchBody` found. */
export function formerFromSearch(response: unknown): FormerLogHost[] {
  return buckets(obj(obj(response).aggregations).former).flatMap((b): FormerLogHost[] => {
    const first = dateOf(b.first);
    const last = dateOf(b.last);
    return key(b) && first && last ? [{ host: key(b), first, last }] : [];
  });
}

type Changes = Pick<CollectedLogs, 'processes' | 'starts'>;

/** What `hostChangeAggs` answered (in the window's host buckets and the baseline's lead), as collected shapes. */
export function changesFromSearch(aggs: Record<string, unknown>, markers: string[]): Changes {
  const out: Changes = {};
  // The window's host buckets, and the baseline's range just before the window (`lead`).
  const hosts = [
    ...buckets(obj(aggs.window).hosts),
    ...buckets(obj(aggs.baseline).hosts).map((h): Agg => ({ ...obj(h.lead), key: h.key })),
  ];
  if (hosts.some((h) => 'processes' in h || 'starts' in h)) {
    const processes: ProcessPids[] = [];
    const starts: StartLine[] = [];
    for (const h of hosts) {
      const host = key(h);
      const hostFirst = dateOf(h.first);
      for (const p of buckets(h.processes)) {
        const pids = buckets(p.pids).map((b) => ({
          pid: key(b),
          first: dateOf(b.first),
          last: dateOf(b.last),
          count: num(b.doc_count),
        }));
        processes.push({ host, process: key(p), pids, more: num(obj(p.pids).sum_other_doc_count) > 0 });
      }
      const hits = obj(obj(obj(obj(h.starts).latest).hits)).hits;
      for (const hit of Array.isArray(hits) ? hits : []) {
        const source = obj(obj(hit)._source);
        const message = typeof source.message === 'string' ? source.message : '';
        const time = typeof source['@timestamp'] === 'string' ? source['@timestamp'] : '';
        // Phrases match words in any order of tokens around them: only a line that really carries a marker counts.
        if (Number.isNaN(Date.parse(time)) || !markers.some((m) => matchesMarker(message, m))) continue;
        starts.push({ host, time: new Date(time).toISOString(), message, hostFirst });
      }
    }
    out.processes = processes;
    out.starts = starts;
  }
  return out;
}

/** Changes of several index groups as one list each (the analysis groups by host and process). */
export function mergeChanges(parts: Changes[]): Changes {
  const out: Changes = {};
  for (const field of ['processes', 'starts'] as const) {
    if (parts.some((p) => p[field] !== undefined))
      (out as Record<string, unknown[]>)[field] = parts.flatMap((p) => (p[field] ?? []) as unknown[]);
  }
  return out;
}
