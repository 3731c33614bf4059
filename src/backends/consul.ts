/**
 * Consul catalog and health, read through the `consul` package; catalog registration of external
 * nodes (used by the stack's scenario seeds) through the HTTP API, because the package drops check
 * outputs. I/O only: no decisions here.
 */
import type { Config } from '../config.js';
import { CalvinError } from '../errors.js';
import { consulError, createConsulClient, dcOption } from './consul-client.js';
import { httpJson } from './http.js';

export interface ConsulCallOptions {
  timeoutMs?: number;
}

export type ConsulCheckStatus = 'passing' | 'warning' | 'critical' | 'maintenance';

export interface ConsulCheck {
  checkId: string;
  name: string;
  status: ConsulCheckStatus;
  output: string;
  /** Empty for node-level checks (e.g. serfHealth). */
  serviceId: string;
}

export interface ServiceInstance {
  node: string;
  /** The service address if it has one, else the node address. */
  address: string;
  nodeAddress: string;
  nodeMeta: Record<string, string>;
  serviceId: string;
  serviceName: string;
  serviceTags: string[];
  servicePort: number;
  /** The service's `Meta` (Calvinverse-style environments carry `version` there). */
  serviceMeta: Record<string, string>;
  checks: ConsulCheck[];
}

interface RawHealthEntry {
  Node?: { Node?: string; Address?: string; Meta?: Record<string, string> | null };
  Service?: {
    ID?: string;
    Service?: string;
    Tags?: string[] | null;
    Address?: string;
    Port?: number;
    Meta?: Record<string, string> | null;
  };
  Checks?: { CheckID?: string; Name?: string; Status?: string; Output?: string; ServiceID?: string }[] | null;
}

function checkStatus(raw: string | undefined): ConsulCheckStatus {
  return raw === 'passing' || raw === 'warning' || raw === 'maintenance' ? raw : 'critical';
}

/** Every service of the datacenter with its tags. */
export async function listServices(config: Config, options: ConsulCallOptions = {}): Promise<Record<string, string[]>> {
  const consul = createConsulClient(config, options);
  try {
    const raw = (await consul.catalog.service.list({ ...dcOption(config) })) as Record<string, string[] | null>;
    return Object.fromEntries(Object.entries(raw).map(([name, tags]) => [name, tags ?? []]));
  } catch (error) {
    throw consulError(error, config, 'the service list');
  }
}

/** All instances of a service with their node- and service-level checks (`/v1/health/service/<name>`). */
export async function serviceInstances(
  config: Config,
  service: string,
  options: ConsulCallOptions = {},
): Promise<ServiceInstance[]> {
  const consul = createConsulClient(config, options);
  let entries: RawHealthEntry[];
  try {
    entries = (await consul.health.service({ service, ...dcOption(config) })) as RawHealthEntry[];
  } catch (error) {
    throw consulError(error, config, `the health of service "${service}"`);
  }
  // A proxy or a broken agent can answer 200 with something else than the list Consul documents.
  if (!Array.isArray(entries))
    throw new CalvinError(
      'BACKEND_ERROR',
      `Consul answered something other than a list of instances for service ${JSON.stringify(service)}`,
      'check that CONSUL_HTTP_ADDR points at a Consul agent, not a proxy or another server',
    );
  return entries.map((entry) => {
    const nodeAddress = entry.Node?.Address ?? '';
    return {
      node: entry.Node?.Node ?? '',
      address: entry.Service?.Address || nodeAddress,
      nodeAddress,
      nodeMeta: entry.Node?.Meta ?? {},
      serviceId: entry.Service?.ID ?? '',
      serviceName: entry.Service?.Service ?? service,
      serviceTags: entry.Service?.Tags ?? [],
      servicePort: entry.Service?.Port ?? 0,
      serviceMeta: entry.Service?.Meta ?? {},
      checks: (entry.Checks ?? []).map((c) => ({
        checkId: c.CheckID ?? '',
        name: c.Name ?? c.CheckID ?? '',
        status: checkStatus(c.Status),
        output: c.Output ?? '',
        serviceId: c.ServiceID ?? '',
      })),
    };
  });
}

/** The datacenter of the agent calvin talks to (the environment when --env is not given). */
export async function localDatacenter(config: Config, options: ConsulCallOptions = {}): Promise<string> {
  const consul = createConsulClient(config, options);
  try {
    const self = (await consul.agent.self()) as { Config?: { Datacenter?: string } };
    return self.Config?.Datacenter ?? '';
  } catch (error) {
    throw consulError(error, config, 'the agent self-description');
  }
}

export async function listDatacenters(config: Config, options: ConsulCallOptions = {}): Promise<string[]> {
  const consul = createConsulClient(config, options);
  try {
    return (await consul.catalog.datacenters()) as string[];
  } catch (error) {
    throw consulError(error, config, 'the datacenter list');
  }
}

export interface ExternalCheck {
  checkId: string;
  name: string;
  status: 'passing' | 'warning' | 'critical';
  output?: string;
  notes?: string;
  /** Omit for a node-level check. */
  serviceId?: string;
}

export interface ExternalRegistration {
  node: string;
  address: string;
  nodeMeta?: Record<string, string>;
  service?: {
    id: string;
    name: string;
    tags?: string[];
    port?: number;
    address?: string;
    meta?: Record<string, string>;
  };
  checks?: ExternalCheck[];
}

function consulHeaders(config: Config): Record<string, string> {
  return config.consul.token ? { 'x-consul-token': config.consul.token } : {};
}

function consulUrl(config: Config, path: string): string {
  const url = new URL(`${config.consul.url}/v1${path}`);
  if (config.consul.datacenter) url.searchParams.set('dc', config.consul.datacenter);
  return url.toString();
}

const CONSUL_HINT = 'set CONSUL_HTTP_ADDR to a reachable Consul agent, e.g. CONSUL_HTTP_ADDR=127.0.0.1:8500';

/** `PUT /v1/catalog/register`: an external node, its service instance and its checks (with outputs). */
export async function registerExternal(
  config: Config,
  registration: ExternalRegistration,
  options: ConsulCallOptions = {},
): Promise<void> {
  const body = {
    Node: registration.node,
    Address: registration.address,
    NodeMeta: { 'external-node': 'true', ...registration.nodeMeta },
    ...(registration.service
      ? {
          Service: {
            ID: registration.service.id,
            Service: registration.service.name,
            Tags: registration.service.tags ?? [],
            Port: registration.service.port ?? 0,
            Address: registration.service.address ?? registration.address,
            Meta: registration.service.meta ?? {},
          },
        }
      : {}),
    Checks: (registration.checks ?? []).map((c) => ({
      Node: registration.node,
      CheckID: c.checkId,
      Name: c.name,
      Status: c.status,
      Output: c.output ?? '',
      Notes: c.notes ?? '',
      ServiceID: c.serviceId ?? '',
    })),
  };
  await httpJson({
    method: 'PUT',
    url: consulUrl(config, '/catalog/register'),
    headers: consulHeaders(config),
    body,
    backend: 'Consul',
    hint: CONSUL_HINT,
    timeoutMs: options.timeoutMs ?? 5_000,
  });
}

/** `PUT /v1/catalog/deregister` of a whole node (its services and checks go with it). */
export async function deregisterNode(config: Config, node: string, options: ConsulCallOptions = {}): Promise<void> {
  await httpJson({
    method: 'PUT',
    url: consulUrl(config, '/catalog/deregister'),
    headers: consulHeaders(config),
    body: { Node: node },
    backend: 'Consul',
    hint: CONSUL_HINT,
    timeoutMs: options.timeoutMs ?? 5_000,
  });
}

/** Nodes whose metadata has the given key/value (the seeds find their previous nodes this way). */
export async function nodesWithMeta(
  config: Config,
  key: string,
  value: string,
  options: ConsulCallOptions = {},
): Promise<string[]> {
  const consul = createConsulClient(config, options);
  try {
    const nodes = (await consul.catalog.node.list({ ...dcOption(config) })) as {
      Node?: string;
      Meta?: Record<string, string> | null;
    }[];
    return nodes
      .filter((n) => n.Meta?.[key] === value)
      .map((n) => n.Node ?? '')
      .filter(Boolean);
  } catch (error) {
    throw consulError(error, config, 'the node list');
  }
}

export interface CatalogNode {
  node: string;
  address: string;
  /** Names of the services registered on the node. */
  services: string[];
}

/**
 * The nodes whose name or address is one of `wanted`, with the services on each: resolves a node
 * or an address that an error message names. One node-list call, then one call per match.
 */
export async function findNodes(
  config: Config,
  wanted: string[],
  options: ConsulCallOptions = {},
): Promise<CatalogNode[]> {
  const consul = createConsulClient(config, options);
  const names = new Set(wanted);
  try {
    const nodes = (await consul.catalog.node.list({ ...dcOption(config) })) as { Node?: string; Address?: string }[];
    const hits = nodes.filter((n) => names.has(n.Node ?? '') || names.has(n.Address ?? '')).slice(0, 10);
    return await Promise.all(
      hits.map(async (n) => {
        const node = n.Node ?? '';
        const found = (await consul.catalog.node.services({ node, ...dcOption(config) })) as {
          Services?: Record<string, { Service?: string }> | null;
        } | null;
        const services = Object.values(found?.Services ?? {}).map((s) => s.Service ?? '');
        return { node, address: n.Address ?? '', services: [...new Set(services.filter(Boolean))].sort() };
      }),
    );
  } catch (error) {
    throw consulError(error, config, 'the node list');
  }
}
