/**
 * The follow-up of a first search whose message samples were not whole, when it counted few error
 * lines: those lines are fetched (queries.ts `errorLinesBody`) and counted here, per message, exactly.
 * The other follow-up counts templates with `regexp` queries, and a regexp reads the message field's
 * whole term dictionary, which grows with every distinct message the indices hold (70 ms at 1 M
 * documents for 130 error lines, against 6 ms to fetch them). Pure.
 */
import { hasFailedShards, isErrorAnswer, obj, textAt } from './agg-read.js';
import type { MessageGroup } from './collected.js';
import type { Windows } from './queries.js';

/** At most this many error lines (window and baseline) are fetched rather than counted by templates. */
export const FETCH_MAX_LINES = 2_000;
/** Room for lines written since the first search (late, for times before the window's end). */
const LATE_LINES = 500;
/** As many hosts, and ECS values of each field, as the first search's aggregations keep per message. */
const HOSTS = 100;
const VALUES = 3;

/** The size of the fetch for the error lines the first search counted, or null when they are too many. */
export function errorLinesFetchSize(counted: { window: number; baseline: number }): number | null {
  const lines = counted.window + counted.baseline;
  return lines <= FETCH_MAX_LINES ? lines + LATE_LINES : null;
}

export interface ErrorLines {
  window: MessageGroup[];
  baseline: MessageGroup[];
}

interface Tally {
  count: number;
  hosts: Map<string, number>;
  first: string;
  last: string;
  errorTypes: Map<string, number>;
  services: Map<string, number>;
  processes: Map<string, number>;
}

const add = (counts: Map<string, number>, value: string): void => {
  if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
};

/** Most frequent first, then by name: the order of a terms aggregation. */
const termsOrder = (a: [string, number], b: [string, number]): number =>
  b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

function top(counts: Map<string, number>, size: number): [string, number][] {
  return [...counts].sort(termsOrder).slice(0, size);
}

function groups(tallies: Map<string, Tally>): MessageGroup[] {
  const ordered = [...tallies].sort(([am, at], [bm, bt]) => termsOrder([am, at.count], [bm, bt.count]));
  return ordered.map(([message, t]) => ({
    message,
    count: t.count,
    hosts: top(t.hosts, HOSTS).map(([name, count]) => ({ name, count })),
    first: t.first,
    last: t.last,
    errorTypes: top(t.errorTypes, VALUES).map(([v]) => v),
    services: top(t.services, VALUES).map(([v]) => v),
    processes: top(t.processes, VALUES).map(([v]) => v),
  }));
}

/**
 * The fetched lines as message groups of the window and of the baseline; null when an answer may
 * have left lines out (as many as asked, a failed shard, an error), and the counts would not be exact.
 */
export function errorLinesFromSearch(responses: unknown[], size: number, w: Windows): ErrorLines | null {
  const windowFrom = Date.parse(w.window.from);
  const tallies = { window: new Map<string, Tally>(), baseline: new Map<string, Tally>() };
  for (const response of responses) {
    const answer = obj(response);
    const hits = obj(answer.hits).hits;
    if (isErrorAnswer(answer) || hasFailedShards(answer) || !Array.isArray(hits)) return null;
    if (hits.length >= size) return null;
    for (const hit of hits) {
      const source = obj(obj(hit)._source);
      const at = Date.parse(textAt(source, '@timestamp'));
      if (Number.isNaN(at)) continue;
      const time = new Date(at).toISOString();
      const message = textAt(source, 'message');
      const part = at >= windowFrom ? tallies.window : tallies.baseline;
      let t = part.get(message);
      if (!t) {
        t = {
          count: 0,
          hosts: new Map(),
          first: time,
          last: time,
          errorTypes: new Map(),
          services: new Map(),
          processes: new Map(),
        };
        part.set(message, t);
      }
      t.count += 1;
      add(t.hosts, textAt(source, 'host.name'));
      if (time < t.first) t.first = time;
      if (time > t.last) t.last = time;
      add(t.errorTypes, textAt(source, 'error.type'));
      add(t.services, textAt(source, 'service.name'));
      add(t.processes, textAt(source, 'process.name'));
    }
  }
  return { window: groups(tallies.window), baseline: groups(tallies.baseline) };
}
