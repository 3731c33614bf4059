/**
 * The three Elasticsearch reads of a diagnosis (search, multi-search, field capabilities) over
 * `node:http` (http.ts), sharing the keep-alive pool of the InfluxDB and Consul requests.
 * Why not @elastic/elasticsearch here: importing it costs 120–250 ms on a 2-core machine (its own
 * undici, apache-arrow, OpenTelemetry), a fifth of a CLI diagnosis, for three plain JSON requests.
 * Everything else (bulk, templates, deletes, mappings) keeps the official client (elasticsearch.ts).
 * Same request parameters and the same errors as the client path.
 */
import type { estypes } from '@elastic/elasticsearch';
import { CalvinError } from '../errors.js';
import { redact } from '../redact.js';
import type { ElasticEndpoint, EsCallOptions } from './elasticsearch.js';
import { credentialHeaders, httpRequest, safeOrigin, type HttpResponse } from './http.js';

const LENIENT = 'ignore_unavailable=true&allow_no_indices=true';
const UNREACHABLE_HINT =
  'check that Elasticsearch is running and ELASTICSEARCH_URL (or the Consul service documents/http) points at it';

function reasonOf(body: unknown): string {
  const b = body as { error?: { type?: string; reason?: string } | string } | undefined;
  if (!b || typeof b !== 'object') return typeof body === 'string' ? body : '';
  if (typeof b.error === 'string') return b.error;
  return [b.error?.type, b.error?.reason].filter(Boolean).join(': ');
}

/** Each index expression encoded, the commas between them kept. */
const indexPath = (index: string | string[]): string =>
  (Array.isArray(index) ? index : [index])
    .flatMap((part) => part.split(','))
    .map(encodeURIComponent)
    .join(',');

async function call<T>(
  endpoint: ElasticEndpoint,
  what: string,
  request: { path: string; body: string; contentType: string },
  options: EsCallOptions,
): Promise<T> {
  const where = safeOrigin(endpoint.url);
  let response: HttpResponse<unknown>;
  try {
    response = await httpRequest({
      method: 'POST',
      url: `${endpoint.url.replace(/\/+$/, '')}${request.path}`,
      headers: { ...credentialHeaders(endpoint, 'Bearer'), 'content-type': request.contentType },
      body: request.body,
      backend: 'Elasticsearch',
      hint: UNREACHABLE_HINT,
      timeoutMs: options.timeoutMs ?? 5_000,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof CalvinError && error.code === 'BACKEND_UNREACHABLE' && options.signal?.aborted)
      throw new CalvinError('BACKEND_UNREACHABLE', `Elasticsearch at ${where} is unreachable (aborted)`, error.hint);
    throw error;
  }
  if (response.status >= 200 && response.status < 300) return response.body as T;
  if (response.status === 401 || response.status === 403)
    throw new CalvinError(
      'UNAUTHORIZED',
      `Elasticsearch at ${where} refused ${what} (${response.status})`,
      'check ELASTICSEARCH_TOKEN or ELASTICSEARCH_USERNAME/ELASTICSEARCH_PASSWORD',
    );
  const reason = reasonOf(response.body) || 'unknown error';
  throw new CalvinError(
    'BACKEND_ERROR',
    redact(`Elasticsearch answered ${response.status} to ${what}: ${reason.slice(0, 300)}`),
    'run with --debug to see the request',
  );
}

/** A search; a pattern matching no index gives no hits, not an error. */
export function esHttpSearch(
  endpoint: ElasticEndpoint,
  index: string | string[],
  body: estypes.SearchRequest,
  options: EsCallOptions = {},
): Promise<estypes.SearchResponse> {
  const list = Array.isArray(index) ? index.join(',') : index;
  return call(
    endpoint,
    `a search of ${list}`,
    { path: `/${indexPath(index)}/_search?${LENIENT}`, body: JSON.stringify(body), contentType: 'application/json' },
    options,
  );
}

/** Several searches in one round trip (`_msearch`); each response or its error, in order. */
export async function esHttpMultiSearch(
  endpoint: ElasticEndpoint,
  searches: { index: string | string[]; body: estypes.SearchRequest }[],
  options: EsCallOptions = {},
): Promise<estypes.MsearchResponseItem[]> {
  const lines = searches.flatMap((s) => [
    JSON.stringify({ index: s.index, ignore_unavailable: true, allow_no_indices: true }),
    JSON.stringify(s.body),
  ]);
  const response = await call<estypes.MsearchResponse>(
    endpoint,
    'a multi-search',
    { path: '/_msearch', body: `${lines.join('\n')}\n`, contentType: 'application/x-ndjson' },
    options,
  );
  return response.responses;
}

/** `_field_caps`: which of the given fields exist and can be aggregated (keyword vs text + .keyword). */
export function esHttpFieldCaps(
  endpoint: ElasticEndpoint,
  index: string | string[],
  fields: string[],
  options: EsCallOptions = {},
): Promise<estypes.FieldCapsResponse> {
  // include_unmapped: an index without `message.keyword` must say so, or it is taken to have it.
  const query = `${LENIENT}&include_unmapped=true&fields=${fields.map(encodeURIComponent).join(',')}`;
  return call(
    endpoint,
    'a field capabilities look-up',
    { path: `/${indexPath(index)}/_field_caps?${query}`, body: '{}', contentType: 'application/json' },
    options,
  );
}
