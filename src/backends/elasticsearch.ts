/**
 * Elasticsearch 8 through @elastic/elasticsearch: searches with aggregations (never pulling every
 * document), bulk indexing, delete-by-query, index and mapping look-ups. I/O only: no decisions.
 */
import type { Client, estypes } from '@elastic/elasticsearch';
import type { Endpoint } from '../config.js';
import { CalvinError } from '../errors.js';
import { redact } from '../redact.js';
import { createElasticClient } from './es-client.js';
import { safeOrigin } from './http.js';

export type ElasticEndpoint = Endpoint & { username?: string; password?: string };

export interface EsCallOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

const clients = new Map<string, Client>();

/**
 * One client per endpoint: its connection pool is reused across calls. The client's own timeout is
 * the ceiling undici enforces on every request (a per-request timeout can only be shorter), so it is
 * set high and each call passes its own `requestTimeout`.
 */
function clientFor(endpoint: ElasticEndpoint): Client {
  const key = JSON.stringify([endpoint.url, endpoint.token ?? '', endpoint.username ?? '', endpoint.password ?? '']);
  let client = clients.get(key);
  if (!client) {
    client = createElasticClient(endpoint, { timeoutMs: 600_000 });
    clients.set(key, client);
  }
  return client;
}

/** Closes the pooled connections (tests and short CLI runs call this before exiting). */
export async function closeElasticClients(): Promise<void> {
  const all = [...clients.values()];
  clients.clear();
  await Promise.all(all.map((c) => c.close()));
}

function transport(options: EsCallOptions): { requestTimeout: number; signal?: AbortSignal; maxRetries: number } {
  return {
    requestTimeout: options.timeoutMs ?? 5_000,
    maxRetries: 0,
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

interface EsClientError {
  name?: string;
  message?: string;
  meta?: { statusCode?: number; body?: unknown };
}

function reasonOf(body: unknown): string {
  const b = body as
    | { error?: { type?: string; reason?: string; root_cause?: { reason?: string }[] } | string }
    | undefined;
  if (!b) return '';
  if (typeof b.error === 'string') return b.error;
  const root = b.error?.root_cause?.[0]?.reason;
  return [b.error?.type, b.error?.reason ?? root].filter(Boolean).join(': ');
}

/** Maps a client failure to CalvinError: unreachable, unauthorized or a server-side error. */
export function elasticError(error: unknown, endpoint: ElasticEndpoint, what: string): CalvinError {
  if (error instanceof CalvinError) return error;
  const e = error as EsClientError;
  const where = safeOrigin(endpoint.url);
  if (
    e.name === 'ConnectionError' ||
    e.name === 'NoLivingConnectionsError' ||
    e.name === 'TimeoutError' ||
    e.name === 'RequestAbortedError'
  ) {
    const why =
      e.name === 'TimeoutError'
        ? 'no answer in time'
        : e.name === 'RequestAbortedError'
          ? 'aborted'
          : redact(e.message ?? 'connection failed');
    return new CalvinError(
      'BACKEND_UNREACHABLE',
      `Elasticsearch at ${where} is unreachable (${why})`,
      'check that Elasticsearch is running and ELASTICSEARCH_URL (or the Consul service documents/http) points at it',
      { cause: error },
    );
  }
  const status = e.meta?.statusCode;
  if (status === 401 || status === 403) {
    return new CalvinError(
      'UNAUTHORIZED',
      `Elasticsearch at ${where} refused ${what} (${status})`,
      'check ELASTICSEARCH_TOKEN or ELASTICSEARCH_USERNAME/ELASTICSEARCH_PASSWORD',
      { cause: error },
    );
  }
  const reason = reasonOf(e.meta?.body) || e.message || 'unknown error';
  return new CalvinError(
    'BACKEND_ERROR',
    redact(`Elasticsearch answered ${status ?? '?'} to ${what}: ${reason.slice(0, 300)}`),
    'run with --debug to see the request',
    { cause: error },
  );
}

const LENIENT_INDICES = { ignore_unavailable: true, allow_no_indices: true } as const;

/** A search (typically `size: 0` with aggregations); a pattern matching no index gives no hits, not an error. */
export async function esSearch<TDocument = unknown, TAggregations = Record<string, estypes.AggregationsAggregate>>(
  endpoint: ElasticEndpoint,
  index: string | string[],
  body: estypes.SearchRequest,
  options: EsCallOptions = {},
): Promise<estypes.SearchResponse<TDocument, TAggregations>> {
  try {
    return await clientFor(endpoint).search<TDocument, TAggregations>(
      { ...LENIENT_INDICES, ...body, index },
      transport(options),
    );
  } catch (error) {
    throw elasticError(error, endpoint, `a search of ${Array.isArray(index) ? index.join(',') : index}`);
  }
}

/** Several searches in one round trip (`_msearch`); each response or its error, in order. */
export async function esMultiSearch(
  endpoint: ElasticEndpoint,
  searches: { index: string | string[]; body: estypes.SearchRequest }[],
  options: EsCallOptions = {},
): Promise<estypes.MsearchResponseItem[]> {
  const lines: estypes.MsearchRequestItem[] = [];
  for (const s of searches) {
    lines.push({ index: s.index, ...LENIENT_INDICES });
    lines.push(s.body as estypes.MsearchMultisearchBody);
  }
  try {
    const res = await clientFor(endpoint).msearch({ searches: lines }, transport(options));
    return res.responses;
  } catch (error) {
    throw elasticError(error, endpoint, 'a multi-search');
  }
}

export async function esCount(
  endpoint: ElasticEndpoint,
  index: string | string[],
  query?: estypes.QueryDslQueryContainer,
  options: EsCallOptions = {},
): Promise<number> {
  try {
    const res = await clientFor(endpoint).count(
      { ...LENIENT_INDICES, index, ...(query ? { query } : {}) },
      transport(options),
    );
    return res.count;
  } catch (error) {
    throw elasticError(error, endpoint, 'a count');
  }
}

export interface BulkDocument {
  index: string;
  doc: Record<string, unknown>;
  id?: string;
}

export interface BulkOptions extends EsCallOptions {
  /** Documents per request (default 5,000). */
  batchSize?: number;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** Refresh the touched indices at the end so the documents are searchable (default true). */
  refresh?: boolean;
}

async function bulkOnce(
  client: Client,
  endpoint: ElasticEndpoint,
  batch: BulkDocument[],
  options: BulkOptions,
): Promise<void> {
  const operations: unknown[] = [];
  for (const d of batch) {
    operations.push({ index: { _index: d.index, ...(d.id ? { _id: d.id } : {}) } });
    operations.push(d.doc);
  }
  let res: estypes.BulkResponse;
  try {
    res = await client.bulk({ operations }, transport({ ...options, timeoutMs: options.timeoutMs ?? 60_000 }));
  } catch (error) {
    throw elasticError(error, endpoint, 'a bulk request');
  }
  if (res.errors) {
    const failed = res.items.find((item) => item.index?.error)?.index?.error;
    throw new CalvinError(
      'BACKEND_ERROR',
      redact(
        `Elasticsearch rejected documents in a bulk request: ${failed?.type ?? ''} ${failed?.reason ?? ''}`.trim(),
      ),
      'check the index mapping (calvin deploy index templates) and the document fields',
    );
  }
}

/** Indexes documents in parallel batches; returns how many were indexed. */
export async function esBulkIndex(
  endpoint: ElasticEndpoint,
  docs: Iterable<BulkDocument>,
  options: BulkOptions = {},
): Promise<number> {
  const client = clientFor(endpoint);
  const batchSize = options.batchSize ?? 5_000;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const inFlight = new Set<Promise<void>>();
  const touched = new Set<string>();
  let batch: BulkDocument[] = [];
  let count = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const request = bulkOnce(client, endpoint, batch, options).finally(() => inFlight.delete(request));
    batch = [];
    inFlight.add(request);
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  };
  for (const d of docs) {
    touched.add(d.index);
    batch.push(d);
    count += 1;
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  await Promise.all(inFlight);
  if ((options.refresh ?? true) && touched.size > 0) await esRefresh(endpoint, [...touched], options);
  return count;
}

export async function esRefresh(
  endpoint: ElasticEndpoint,
  index: string | string[],
  options: EsCallOptions = {},
): Promise<void> {
  try {
    await clientFor(endpoint).indices.refresh(
      { index, ...LENIENT_INDICES },
      transport({ ...options, timeoutMs: options.timeoutMs ?? 30_000 }),
    );
  } catch (error) {
    throw elasticError(error, endpoint, 'a refresh');
  }
}

/**
 * Deletes the matching documents; returns how many were deleted. Uses `_delete_by_query` where the
 * server has it; the integ-test-zip server lacks the reindex module, so there it scrolls the ids
 * and deletes them in bulk.
 */
export async function esDeleteByQuery(
  endpoint: ElasticEndpoint,
  index: string | string[],
  query: estypes.QueryDslQueryContainer,
  options: EsCallOptions & { refresh?: boolean } = {},
): Promise<number> {
  const client = clientFor(endpoint);
  const timeouts = transport({ ...options, timeoutMs: options.timeoutMs ?? 120_000 });
  try {
    const res = await client.deleteByQuery(
      { index, query, conflicts: 'proceed', refresh: options.refresh ?? true, ...LENIENT_INDICES },
      timeouts,
    );
    return res.deleted ?? 0;
  } catch (error) {
    const e = error as EsClientError;
    if (!(e.meta?.statusCode === 400 && /no handler found/i.test(reasonOf(e.meta.body) || e.message || '')))
      throw elasticError(error, endpoint, 'a delete-by-query');
  }
  let deleted = 0;
  let scrollId: string | undefined;
  try {
    let page = await client.search(
      { index, query, size: 5_000, sort: ['_doc'], _source: false, scroll: '2m', ...LENIENT_INDICES },
      timeouts,
    );
    for (;;) {
      scrollId = page._scroll_id;
      const hits = page.hits.hits;
      if (hits.length === 0) break;
      const operations = hits.map((h) => ({ delete: { _index: h._index, _id: h._id ?? '' } }));
      const res = await client.bulk({ operations }, timeouts);
      deleted += res.items.filter((item) => item.delete?.result === 'deleted').length;
      if (!scrollId) break;
      page = await client.scroll({ scroll_id: scrollId, scroll: '2m' }, timeouts);
    }
  } catch (error) {
    throw elasticError(error, endpoint, 'a delete by query (scroll and bulk delete)');
  } finally {
    if (scrollId) await client.clearScroll({ scroll_id: scrollId }, transport(options)).catch(() => undefined);
  }
  if (options.refresh ?? true) await esRefresh(endpoint, index, options);
  return deleted;
}

export async function esIndexExists(
  endpoint: ElasticEndpoint,
  index: string,
  options: EsCallOptions = {},
): Promise<boolean> {
  try {
    return await clientFor(endpoint).indices.exists({ index }, transport(options));
  } catch (error) {
    throw elasticError(error, endpoint, `the existence check of ${index}`);
  }
}

/** Mappings of every index matching the pattern, by index name. */
export async function esGetMapping(
  endpoint: ElasticEndpoint,
  pattern: string,
  options: EsCallOptions = {},
): Promise<estypes.IndicesGetMappingResponse> {
  try {
    return await clientFor(endpoint).indices.getMapping({ index: pattern, ...LENIENT_INDICES }, transport(options));
  } catch (error) {
    throw elasticError(error, endpoint, `the mapping of ${pattern}`);
  }
}

/** Creates an index unless it exists (settings/mappings apply only at creation). */
export async function esEnsureIndex(
  endpoint: ElasticEndpoint,
  index: string,
  body: { settings?: estypes.IndicesIndexSettings; mappings?: estypes.MappingTypeMapping } = {},
  options: EsCallOptions = {},
): Promise<boolean> {
  try {
    await clientFor(endpoint).indices.create(
      { index, ...body },
      transport({ ...options, timeoutMs: options.timeoutMs ?? 30_000 }),
    );
    return true;
  } catch (error) {
    const e = error as EsClientError;
    if (e.meta?.statusCode === 400 && /resource_already_exists_exception/.test(reasonOf(e.meta.body))) return false;
    throw elasticError(error, endpoint, `the creation of index ${index}`);
  }
}

export async function esPutIndexSettings(
  endpoint: ElasticEndpoint,
  index: string | string[],
  settings: estypes.IndicesIndexSettings,
  options: EsCallOptions = {},
): Promise<void> {
  try {
    await clientFor(endpoint).indices.putSettings(
      { index, settings, ...LENIENT_INDICES },
      transport({ ...options, timeoutMs: options.timeoutMs ?? 30_000 }),
    );
  } catch (error) {
    throw elasticError(error, endpoint, 'an index settings update');
  }
}

export async function esDeleteIndex(
  endpoint: ElasticEndpoint,
  index: string | string[],
  options: EsCallOptions = {},
): Promise<void> {
  try {
    await clientFor(endpoint).indices.delete(
      { index, ...LENIENT_INDICES },
      transport({ ...options, timeoutMs: options.timeoutMs ?? 30_000 }),
    );
  } catch (error) {
    throw elasticError(error, endpoint, 'an index deletion');
  }
}

/** Names of the indices matching a pattern. */
export async function esListIndices(
  endpoint: ElasticEndpoint,
  pattern: string,
  options: EsCallOptions = {},
): Promise<string[]> {
  try {
    const res = await clientFor(endpoint).cat.indices(
      { index: pattern, format: 'json', h: 'index', expand_wildcards: 'open' },
      transport(options),
    );
    return res
      .map((r) => r.index ?? '')
      .filter(Boolean)
      .sort();
  } catch (error) {
    const e = error as EsClientError;
    if (e.meta?.statusCode === 404) return [];
    throw elasticError(error, endpoint, `the index list of ${pattern}`);
  }
}

export async function esPutIndexTemplate(
  endpoint: ElasticEndpoint,
  name: string,
  template: Omit<estypes.IndicesPutIndexTemplateRequest, 'name'>,
  options: EsCallOptions = {},
): Promise<void> {
  try {
    await clientFor(endpoint).indices.putIndexTemplate({ name, ...template }, transport(options));
  } catch (error) {
    throw elasticError(error, endpoint, `the index template ${name}`);
  }
}
