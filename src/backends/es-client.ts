/**
 * The one place an Elasticsearch client is made (@elastic/elasticsearch 8). The package is ~450 files
 * and costs 150–500 ms to import, so it is loaded (synchronously: it is CommonJS) the first time a
 * client is made, never by merely importing calvin or a command that does not talk to Elasticsearch.
 */
import { createRequire } from 'node:module';
import type { Client } from '@elastic/elasticsearch';
import type { Endpoint } from '../config.js';
import { traceRequest } from './trace.js';

type ElasticModule = typeof import('@elastic/elasticsearch');
let elastic: ElasticModule | undefined;

function elasticModule(): ElasticModule {
  elastic ??= createRequire(import.meta.url)('@elastic/elasticsearch') as ElasticModule;
  return elastic;
}

/** Loads the client now: a long-running server pays for it at start, not in its first burst of requests. */
export function preloadElasticClient(): void {
  elasticModule();
}

export function createElasticClient(
  endpoint: Endpoint & { username?: string; password?: string },
  options: { timeoutMs?: number } = {},
): Client {
  const { Client: ElasticClient } = elasticModule();
  const client = new ElasticClient({
    node: endpoint.url,
    requestTimeout: options.timeoutMs ?? 5_000,
    maxRetries: 0,
    ...(endpoint.token
      ? { auth: { bearer: endpoint.token } }
      : endpoint.username && endpoint.password
        ? { auth: { username: endpoint.username, password: endpoint.password } }
        : {}),
  });
  client.diagnostic.on('request', (_error, event) => {
    const params = event?.meta.request.params;
    if (params) traceRequest('Elasticsearch', params.method, `${endpoint.url.replace(/\/+$/, '')}${params.path}`);
  });
  return client;
}
