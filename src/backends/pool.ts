/**
 * One connection pool per scheme for every backend calvin talks to over Node's http/https. Without it
 * each client keeps its sockets open for good, and a long-lived process (tests, benchmarks, library
 * users) reaches Consul's limit of 200 connections per client address (`limits.http_max_conns_per_client`),
 * after which every new connection is reset. Idle sockets close after 4 s and never keep a CLI alive.
 */
import http from 'node:http';
import https from 'node:https';

const POOL_OPTIONS = { keepAlive: true, maxSockets: 32, maxFreeSockets: 8, timeout: 4_000 };
const httpPool = new http.Agent(POOL_OPTIONS);
const httpsPool = new https.Agent(POOL_OPTIONS);

export function poolFor(url: URL): http.Agent {
  return url.protocol === 'https:' ? httpsPool : httpPool;
}
