/** The one place an Elasticsearch client is made (@elastic/elasticsearch 8). */
import { Client } from '@elastic/elasticsearch';
import type { Endpoint } from '../config.js';
import { traceRequest } from './trace.js';

export function createElasticClient(
  endpoint: Endpoint & { username?: string; password?: string },
  options: { timeoutMs?: number } = {},
): Client {
  const client = new Client({
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
