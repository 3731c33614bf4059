/**
 * What calvin serve asks Consul beyond diagnose: the services on a node (to resolve an alert's
 * `host` tag), each service's worst check (the overview), and its own registration with an HTTP
 * check (`--register`). I/O only.
 */
import type { Config } from '../config.js';
import { consulError, createConsulClient, dcOption } from './consul-client.js';
import type { ConsulCallOptions } from './consul.js';
import { httpJson } from './http.js';

/** Names of the services registered on a node (`/v1/catalog/node/<node>`); none for an unknown node. */
export async function nodeServiceNames(
  config: Config,
  node: string,
  options: ConsulCallOptions = {},
): Promise<string[]> {
  const consul = createConsulClient(config, options);
  try {
    const raw = (await consul.catalog.node.services({ node, ...dcOption(config) })) as {
      Services?: Record<string, { Service?: string }> | null;
    } | null;
    return [...new Set(Object.values(raw?.Services ?? {}).map((s) => s.Service ?? ''))].filter(Boolean);
  } catch (error) {
    throw consulError(error, config, `the services of node "${node}"`);
  }
}

export type HealthStatus = 'passing' | 'warning' | 'critical';

/** Every check of the datacenter folded per service: the worst status and how many instances. */
export async function serviceHealth(
  config: Config,
  options: ConsulCallOptions = {},
): Promise<{ service: string; status: HealthStatus; instances: number }[]> {
  const consul = createConsulClient(config, options);
  let checks: { ServiceName?: string; ServiceID?: string; Node?: string; Status?: string }[];
  let services: Record<string, unknown>;
  try {
    [checks, services] = await Promise.all([
      consul.health.state({ state: 'any', ...dcOption(config) }) as Promise<typeof checks>,
      consul.catalog.service.list({ ...dcOption(config) }) as Promise<Record<string, unknown>>,
    ]);
  } catch (error) {
    throw consulError(error, config, 'the health of every service');
  }
  const rank = { passing: 0, warning: 1, critical: 2 } as const;
  const out = new Map<string, { status: HealthStatus; ids: Set<string> }>();
  for (const name of Object.keys(services)) out.set(name, { status: 'passing', ids: new Set() });
  for (const c of checks) {
    const entry = c.ServiceName ? out.get(c.ServiceName) : undefined;
    if (!entry) continue;
    entry.ids.add(`${c.Node}/${c.ServiceID}`);
    const status: HealthStatus = c.Status === 'passing' ? 'passing' : c.Status === 'warning' ? 'warning' : 'critical';
    if (rank[status] > rank[entry.status]) entry.status = status;
  }
  return [...out].map(([service, e]) => ({ service, status: e.status, instances: e.ids.size }));
}

/** `PUT /v1/agent/service/register` of serve itself with an HTTP check on /healthz. */
export async function registerServe(
  config: Config,
  registration: { id: string; name: string; address: string; port: number; checkUrl: string },
): Promise<void> {
  await httpJson({
    method: 'PUT',
    url: `${config.consul.url}/v1/agent/service/register`,
    headers: config.consul.token ? { 'x-consul-token': config.consul.token } : {},
    body: {
      ID: registration.id,
      Name: registration.name,
      Address: registration.address,
      Port: registration.port,
      Tags: ['http', 'calvin'],
      Check: { HTTP: registration.checkUrl, Interval: '10s', Timeout: '2s', DeregisterCriticalServiceAfter: '10m' },
    },
    backend: 'Consul',
    hint: 'set CONSUL_HTTP_ADDR to the local Consul agent serve registers with',
  });
}

export async function deregisterServe(config: Config, id: string): Promise<void> {
  await httpJson({
    method: 'PUT',
    url: `${config.consul.url}/v1/agent/service/deregister/${encodeURIComponent(id)}`,
    headers: config.consul.token ? { 'x-consul-token': config.consul.token } : {},
    backend: 'Consul',
    hint: 'check CONSUL_HTTP_ADDR',
  });
}
