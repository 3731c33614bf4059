/**
 * Which indices a diagnosis searches. A cluster keeps tens of apps × weeks of daily indices, and
 * every index a search names costs time, whatever it holds; so the logs' searches go through
 * `narrowIndices`, which touches only the indices that can hold the service's documents:
 * - field caps reads the mappings of the whole pattern once (cheap: no documents are read), and its
 *   answer names every index of the pattern;
 * - the first search: the pattern's daily indices of the days the baseline and the window overlap
 *   (`logs-*` → `logs-*2026.12.05,logs-*2026.12.06`), plus any index of the pattern whose name
 *   carries no day;
 * - every later search: only the indices the first search found documents in (an `_index` terms
 *   aggregation added to it), whatever the pattern.
 * Pure bookkeeping around `DiagnoseBackends`: the searches themselves are unchanged.
 */
import { CalvinError } from '../errors.js';
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
  const aggregations = (response as { aggregations?: Record<string, unknown> } | null)?.aggregations;
  const scoped = aggregations?.[INDEX_AGG] as { names?: unknown } | undefined;
  const agg = scoped?.names as { buckets?: { key?: unknown }[]; sum_other_doc_count?: number } | undefined;
  if (!agg || !Array.isArray(agg.buckets) || (agg.sum_other_doc_count ?? 0) > 0) return undefined;
  if (aggregations) delete aggregations[INDEX_AGG];
  return agg.buckets.map((b) => String(b.key));
}

/** A body that chose its own scope (`indexAggregation`) keeps it. */
function withIndexAgg(body: Record<string, unknown>): Record<string, unknown> {
  const aggs = (body.aggs ?? {}) as Record<string, unknown>;
  if (INDEX_AGG in aggs) return body;
  return { ...body, aggs: { ...aggs, [INDEX_AGG]: indexAggregation() } };
}

type Elastic = Parameters<DiagnoseBackends['esSearch']>[0];

export interface NarrowedBackends extends DiagnoseBackends {
  /** The index lists sent so far, in order (what the narrowing test counts). */
  readonly sent: readonly string[][];
}

/** `backends` whose Elasticsearch calls touch only the indices that can hold the service's logs in `windows`. */
export function narrowIndices(backends: DiagnoseBackends, windows: Windows): NarrowedBackends {
  const days = daysOverlapped(windows);
  const sent: string[][] = [];
  let resolved: string[] = [];
  let found: Set<string> | undefined;
  let first = true;

  const narrowOne = (index: string): string[] => {
    if (found === undefined) return dailyExpression(index, days, resolved);
    const patterns = index.split(',').map((p) => p.trim());
    return [...found].filter((name) => patterns.some((p) => p === name || matches(p, name))).sort();
  };
  /** A list (an index group's concrete names, say) narrowed as a whole: no repeats, and NO_INDEX only alone. */
  const narrow = (...indices: string[]): string[] => {
    const kept = [...new Set(indices.flatMap(narrowOne))].filter((i) => i !== NO_INDEX);
    // None of them can hold the service's documents: nothing to search there.
    return kept.length > 0 ? kept : [NO_INDEX];
  };
  const note = (responses: unknown[]): void => {
    const lists = responses.map(indicesFound);
    if (lists.every((l) => l !== undefined)) found = new Set(lists.flat());
  };
  const single = async (endpoint: Elastic, indices: string[], body: Record<string, unknown>, call: CallOptions) => {
    sent.push(indices);
    if (indices.join(',').length <= MAX_URL_LIST) return backends.esSearch(endpoint, indices.join(','), body, call);
    const [response] = await backends.esMultiSearch(endpoint, [{ index: indices, body }], call);
    if (typeof response === 'object' && response !== null && 'error' in response)
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
      const withAgg = first;
      first = false;
      const response = await single(endpoint, narrow(index), withAgg ? withIndexAgg(body) : body, call);
      if (withAgg) note([response]);
      return response;
    },
    async esMultiSearch(endpoint, searches, call) {
      const withAgg = first;
      first = false;
      const narrowed = searches.map((s) => ({
        index: narrow(...s.index),
        body: withAgg ? withIndexAgg(s.body) : s.body,
      }));
      sent.push(...narrowed.map((s) => s.index));
      const responses = await backends.esMultiSearch(endpoint, narrowed, call);
      if (withAgg) note(responses);
      return responses;
    },
  };
}
