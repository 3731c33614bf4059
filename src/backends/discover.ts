/**
 * Backends are found through the Consul catalog of the environment, by the tags Calvinverse uses,
 * unless the Config names them explicitly (flags, environment, config file).
 */
import type { Config, Endpoint } from '../config.js';
import { EventEmitter } from 'node:events';
import { CalvinError } from '../errors.js';
import { consulError, createConsulClient } from './consul-client.js';

export interface Endpoints {
  influx?: Endpoint & { username?: string; password?: string };
  elasticsearch?: Endpoint & { username?: string; password?: string };
  grafana?: Endpoint;
  chronograf?: Endpoint;
  kapacitor?: Endpoint;
}

interface CatalogEntry {
  Address?: string;
  ServiceAddress?: string;
  ServicePort?: number;
  ServiceTags?: string[];
}

const LOOKUPS: { key: keyof Endpoints; service: string; tag: string; path: string }[] = [
  { key: 'influx', service: 'metrics', tag: 'http', path: '' },
  { key: 'elasticsearch', service: 'documents', tag: 'http', path: '' },
  { key: 'grafana', service: 'metrics', tag: 'dashboard', path: '' },
  { key: 'chronograf', service: 'metrics', tag: 'admin', path: '' },
  { key: 'kapacitor', service: 'metrics', tag: 'monitoring', path: '' },
];

export interface DiscoverOptions {
  /** Budget of the whole discovery (every catalog look-up runs at once, each bounded by it). */
  timeoutMs?: number;
  /** Abandons the look-ups (the caller's deadline). */
  signal?: AbortSignal;
}

/**
 * Endpoints from Config first; the rest from the catalog, one look-up per Consul service, all in
 * parallel and bounded by `options`. Throws CONSUL_UNREACHABLE if Consul is down (or too slow) and
 * something is missing.
 */
export async function discoverEndpoints(
  config: Config,
  wanted: (keyof Endpoints)[] = ['influx', 'elasticsearch', 'grafana', 'chronograf', 'kapacitor'],
  options: DiscoverOptions = {},
): Promise<Endpoints> {
  const found: Endpoints = {};
  const missing = wanted.filter((key) => {
    const configured = config[key];
    if (configured) {
      (found as Record<string, unknown>)[key] = configured;
      return false;
    }
    return true;
  });
  if (missing.length === 0) return found;
  const consul = createConsulClient(
    config,
    options.timeoutMs !== undefined ? { timeoutMs: Math.max(1, options.timeoutMs) } : {},
  );
  const lookups = LOOKUPS.filter((l) => missing.includes(l.key));
  const services = [...new Set(lookups.map((l) => l.service))];
  // papi (under the consul package) cancels a request when its ctx emits 'cancel'.
  const ctx = new EventEmitter();
  const cancel = (): void => {
    ctx.emit('cancel');
  };
  options.signal?.addEventListener('abort', cancel, { once: true });
  try {
    const aborted = new Promise<never>((_resolve, reject) => {
      const fail = (): void =>
        reject(
          new CalvinError(
            'CONSUL_UNREACHABLE',
            'Consul catalog look-up abandoned at the deadline',
            'raise --deadline, or set INFLUX_URL / ELASTICSEARCH_URL to skip discovery',
          ),
        );
      if (options.signal?.aborted) fail();
      options.signal?.addEventListener('abort', fail, { once: true });
    });
    aborted.catch(() => undefined);
    const entries = await Promise.race([
      Promise.all(
        services.map(async (service) => {
          try {
            // `ctx` is honoured by the package but missing from its typings (hence not a literal here).
            const request = { service, ctx };
            return [service, (await consul.catalog.service.nodes(request)) as CatalogEntry[]] as const;
          } catch (error) {
            throw consulError(error, config, `the catalog lookup of service "${service}"`);
          }
        }),
      ),
      aborted,
    ]);
    const byService = new Map<string, CatalogEntry[]>(entries);
    for (const lookup of lookups) {
      const entry = (byService.get(lookup.service) ?? []).find((e) => (e.ServiceTags ?? []).includes(lookup.tag));
      if (entry?.ServicePort) {
        const host = entry.ServiceAddress || entry.Address || '127.0.0.1';
        (found as Record<string, Endpoint>)[lookup.key] = {
          url: `http://${host.includes(':') ? `[${host}]` : host}:${entry.ServicePort}${lookup.path}`,
        };
      }
    }
    return found;
  } finally {
    options.signal?.removeEventListener('abort', cancel);
    cancel();
  }
}
