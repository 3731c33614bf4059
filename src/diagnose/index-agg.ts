/** The `_index` aggregation with which a diagnosis's first search names the indices later searches need. */

/** The aggregation added to the first search; taken out of its answer again. */
export const INDEX_AGG = 'calvin_indices';
const MAX_INDICES = 2_000;

/** The first search's `_index` aggregation: the indices that hold the service's documents of the windows. */
export function indexAggregation(): Record<string, unknown> {
  return { filter: { match_all: {} }, aggs: { names: { terms: { field: '_index', size: MAX_INDICES } } } };
}
