/**
 * Backends are found through the Consul catalog of the environment, by the tags Calvinverse uses,
 * unless the Config names them explicitly (flags, environment, config file).
 */
import type { Config, Endpoint } from '../config.js';
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

/** Endpoints from Config first; the rest from the catalog. Throws CONSUL_UNREACHABLE if Consul is down and something is missing. */
export async function discoverEndpoints(config: Config, wanted: (keyof Endpoints)[] = ['influx', 'elasticsearch', 'grafana', 'chronograf', 'kapacitor']): Promise<Endpoints> {
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
  const consul = createConsulClient(config);
  const byService = new Map<string, CatalogEntry[]>();
  for (const lookup of LOOKUPS.filter((l) => missing.includes(l.key))) {
    let entries = byService.get(lookup.service);
    if (!entries) {
      try {
        entries = (await consul.catalog.service.nodes({ service: lookup.service })) as CatalogEntry[];
      } catch (error) {
        throw consulError(error, config, `the catalog lookup of service "${lookup.service}"`);
      }
      byService.set(lookup.service, entries);
    }
    const entry = entries.find((e) => (e.ServiceTags ?? []).includes(lookup.tag));
    if (entry?.ServicePort) {
      const host = entry.ServiceAddress || entry.Address || '127.0.0.1';
      (found as Record<string, Endpoint>)[lookup.key] = { url: `http://${host.includes(':') ? `[${host}]` : host}:${entry.ServicePort}${lookup.path}` };
    }
  }
  return found;
}
