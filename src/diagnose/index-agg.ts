/** The `_index` aggregation with which a diagnosis's first search names the indices later searches need. */

/** The aggregation added to the first search; taken out of its answer again. */
export const INDEX_AGG = 'calvin_indices';
const MAX_INDICES = 2_000;

/**
 * The first search's `_index` aggregation. `scope` keeps it to the service's own documents when the
 * search's query reaches wider (the hosts that logged as the service before): later searches count
 * the instances' messages, and must not search every index a former host ever wrote to.
 */
export function indexAggregation(scope: Record<string, unknown> = { match_all: {} }): Record<string, unknown> {
  return { filter: scope, aggs: { names: { terms: { field: '_index', size: MAX_INDICES } } } };
}
