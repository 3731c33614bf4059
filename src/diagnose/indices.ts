/**
 * Which indices a diagnosis searches. A cluster keeps tens of apps × weeks of daily indices, and
 * every index a search names costs time, whatever it holds; so the logs' searches go through
 * `narrowIndices`, which touches only the indices that can hold the service's documents:
 * - field caps reads the mappings of the whole pattern once (cheap: no documents are read), and its
 *   answer names every index of the pattern;
 * - the pattern's daily indices of the days the baseline and the window overlap
 *   (`logs-*` → `logs-*2026.12.05,logs-*2026.12.06`), plus any index of the pattern whose name
 *   carries no day, are
 *   probed first: a search that stops at one matching document per index (`terminate_after`) and
 *   names, by an `_index` terms aggregation, the indices that hold any;
 * - the first search and every later one: only the indices the probe found, whatever the pattern
 *   (an `_index` aggregation over every document of the first search cost it 15 % at 1 M documents,
 *   the probe costs 2 ms, and the heavy search then skips the indices of other apps of those days);
 * - the search for former hosts (`esSearchFound`): the indices found too, and the days when none
 *   were (every instance silent: the former hosts' lines are all there is to find).
 * Pure bookkeeping around `DiagnoseBackends`: the searches themselves are unchanged.
 */
import { CalvinError } from '../errors.js';
import { hasFailedShards, isErrorAnswer } from './agg-read.js';
import type { CallOptions, DiagnoseBackends } from './backend-types.js';
import { INDEX_AGG, indexAggregation } from './index-agg.js';
import type { Windows } from './queries.js';

const DAY_MS = 86_400_000;
/** Longest index list sent in a URL; longer lists travel in a multi-search body. */
const MAX_URL_LIST = 3_000;
const DATED = /\d{4}\.\d{2}\.\d{2}$/;
/** A wildcard that matches no index: Elasticsearch answers it with no hits (an empty list would mean all). */
export const NO_INDEX = 'calvin-matches-no-index-*';

/** `YYYY.MM.dd` (UTC) of every day from the baseline's start to the window's end. */
export function daysOverlapped(w: Windows): string[] {
  const from = Date.parse(w.baseline.from);
  const to = Date.parse(w.window.to);
  const days: string[] = [];
  for (let t = Math.floor(from / DAY_MS) * DAY_MS; t <= to; t += DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10).replaceAll('-', '.'));
  }
  return days;
}

/**
 * Parts of an index expression ending in `*` become one part per day; other parts (a concrete index,
 * an alias, an exclusion) stay as they are. `names` (the indices the pattern resolves to) adds the
 * undated ones, which can hold any day.
 */
export function dailyExpression(pattern: string, days: readonly string[], names: readonly string[] = []): string[] {
  const parts = pattern.split(',').map((p) => p.trim());
  const out: string[] = [];
  for (const part of parts) {
    const day = DATED.exec(part)?.[0];
    if (part.endsWith('*') && !part.startsWith('-')) for (const d of days) out.push(`${part}${d}`);
    else if (day === undefined || part.includes('*') || days.includes(day)) out.push(part);
  }
  const undated = names.filter((n) => !DATED.test(n) && parts.some((p) => matches(p, n)));
  const all = [...new Set([...out, ...undated])];
  // Every index named is of another day: the group holds none of the window's documents.
  return all.length > 0 ? all : [NO_INDEX];
}

function matches(pattern: string, name: string): boolean {
  if (pattern.startsWith('-')) return false;
  const source = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*');
  return new RegExp(`^${source}$`).test(name);
}

/** The indices an `_index` terms aggregation found, or undefined when the answer is not whole. */
export function indicesFound(response: unknown): string[] | undefined {
  if (hasFailedShards(response)) return undefined;
  const answer = response as { aggregations?: Record<string, unknown> } | null;
  const scoped = answer?.aggregations?.[INDEX_AGG] as { names?: unknown } | undefined;
  const agg = scoped?.names as { buckets?: { key?: unknown }[]; sum_other_doc_count?: number } | undefined;
  if (!agg || !Array.isArray(agg.buckets) || (agg.sum_other_doc_count ?? 0) > 0) return undefined;
  return agg.buckets.map((b) => String(b.key));
}

/** The probe of a search: its query, stopped at the first matching document of each index. */
export function probeBody(body: Record<string, unknown>): Record<string, unknown> {
  return {
    size: 0,
    track_total_hits: false,
    terminate_after: 1,
    query: body.query ?? { match_all: {} },
    aggs: { [INDEX_AGG]: indexAggregation() },
  };
}

type Elastic = Parameters<DiagnoseBackends['esSearch']>[0];

export interface NarrowedBackends extends DiagnoseBackends {
  /** The index lists sent so far, in order (what the narrowing test counts). */
  readonly sent: readonly string[][];
  /**
   * Searches sent to the indices the probe found (once a probe under way has answered), or over the
   * days when it found none or none was sent; they probe nothing themselves.
   */
  esSearchFound(
    endpoint: Elastic,
    searches: { index: string[]; body: Record<string, unknown> }[],
    call: CallOptions,
  ): Promise<unknown[]>;
}

/** `backends` whose Elasticsearch calls touch only the indices that can hold the service's logs in `windows`. */
export function narrowIndices(backends: DiagnoseBackends, windows: Windows): NarrowedBackends {
  const days = daysOverlapped(windows);
  const sent: string[][] = [];
  let resolved: string[] = [];
  let found: Set<string> | undefined;
  let probing: Promise<void> | undefined;

  const narrowOne = (index: string, daysWhenNone = false): string[] => {
    if (found === undefined || (daysWhenNone && found.size === 0)) return dailyExpression(index, days, resolved);
    const patterns = index.split(',').map((p) => p.trim());
    return [...found].filter((name) => patterns.some((p) => p === name || matches(p, name))).sort();
  };
  /** A list (an index group's concrete names, say) narrowed as a whole: no repeats, and NO_INDEX only alone. */
  const narrow = (indices: string[], daysWhenNone = false): string[] => {
    const kept = [...new Set(indices.flatMap((i) => narrowOne(i, daysWhenNone)))].filter((i) => i !== NO_INDEX);
    // None of them can hold the service's documents: nothing to search there.
    return kept.length > 0 ? kept : [NO_INDEX];
  };
  const note = (responses: unknown[]): void => {
    const lists = responses.map(indicesFound);
    if (lists.every((l) => l !== undefined)) found = new Set(lists.flat());
  };
  /**
   * Before the first search: which of the days' indices hold any of its documents (else: the days,
   * unnarrowed). Searches sent together (the main one and the error sample) wait for the same probe.
   */
  const probe = (
    endpoint: Elastic,
    searches: { index: string[]; body: Record<string, unknown> }[],
    call: CallOptions,
  ) =>
    (probing ??= (async () => {
      const probes = searches
        .map((s) => ({ index: narrow(s.index), body: probeBody(s.body) }))
        .filter((p) => p.index.some((i) => i !== NO_INDEX));
      const [only] = probes;
      // No index of those days can hold the documents: there is nothing to find.
      if (!only) return void (found = new Set());
      if (probes.length === 1) return note([await single(endpoint, only.index, only.body, call)]);
      sent.push(...probes.map((p) => p.index));
      note(await backends.esMultiSearch(endpoint, probes, call));
    })());
  const single = async (endpoint: Elastic, indices: string[], body: Record<string, unknown>, call: CallOptions) => {
    sent.push(indices);
    if (indices.join(',').length <= MAX_URL_LIST) return backends.esSearch(endpoint, indices.join(','), body, call);
    const [response] = await backends.esMultiSearch(endpoint, [{ index: indices, body }], call);
    if (isErrorAnswer(response))
      throw new CalvinError(
        'BACKEND_ERROR',
        `Elasticsearch failed a search: ${JSON.stringify((response as { error: unknown }).error).slice(0, 200)}`,
        'run with --debug',
      );
    return response;
  };

  return {
    ...backends,
    sent,
    async esFieldCaps(endpoint, index, fields, call) {
      // The whole pattern, once: its answer names every index, the undated ones included.
      sent.push([index]);
      const caps = await backends.esFieldCaps(endpoint, index, fields, call);
      const names = (caps as { indices?: unknown } | null)?.indices;
      resolved = Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
      return caps;
    },
    async esSearch(endpoint, index, body, call) {
      await probe(endpoint, [{ index: [index], body }], call);
      return single(endpoint, narrow([index]), body, call);
    },
    async esMultiSearch(endpoint, searches, call) {
      await probe(endpoint, searches, call);
      const narrowed = searches.map((s) => ({ index: narrow(s.index), body: s.body }));
      sent.push(...narrowed.map((s) => s.index));
      return backends.esMultiSearch(endpoint, narrowed, call);
    },
    async esSearchFound(endpoint, searches, call) {
      // Sent beside the first search: its probe's answer first.
      await probing?.catch(() => undefined);
      const narrowed = searches.map((s) => ({ index: narrow(s.index, true), body: s.body }));
      // A group that holds none of the indices found is not asked: its answer is empty.
      const asked = narrowed.filter((s) => s.index.some((i) => i !== NO_INDEX));
      const [only, ...more] = asked;
      let answers: unknown[] = [];
      if (only && more.length === 0) answers = [await single(endpoint, only.index, only.body, call)];
      else if (only) {
        sent.push(...asked.map((s) => s.index));
        answers = await backends.esMultiSearch(endpoint, asked, call);
      }
      return narrowed.map((s) => (asked.includes(s) ? answers[asked.indexOf(s)] : {}));
    },
  };
}
