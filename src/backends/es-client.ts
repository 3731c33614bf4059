/** The one place an Elasticsearch client is made (@elastic/elasticsearch 8). */
import { Client } from '@elastic/elasticsearch';
import type { Endpoint } from '../config.js';

export function createElasticClient(
  endpoint: Endpoint & { username?: string; password?: string },
  options: { timeoutMs?: number } = {},
): Client {
  return new Client({
    node: endpoint.url,
    requestTimeout: options.timeoutMs ?? 5_000,
    maxRetries: 0,
    ...(endpoint.token
      ? { auth: { bearer: endpoint.token } }
      : endpoint.username && endpoint.password
        ? { auth: { username: endpoint.username, password: endpoint.password } }
        : {}),
  });
}
