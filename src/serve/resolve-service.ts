/**
 * Which Consul service an alert is about, in this order: a calvin alert id (Kapacitor task
 * `calvin-<alert id>`, whose definition names the service), a `service` tag naming a known service
 * or alias, then the `host` tag through the Consul catalog (the services registered on that node).
 * Pure apart from the look-ups passed in.
 */
export type ResolvedVia = 'alert-id' | 'service-tag' | 'host-tag' | 'unresolved';

export interface ServiceResolution {
  service: string | null;
  via: ResolvedVia;
}

export interface ResolveLookups {
  /** calvin alert id → Consul service name. */
  alertServices: ReadonlyMap<string, string>;
  /** Alias from a service definition → Consul service name. */
  aliases: ReadonlyMap<string, string>;
  consulServices(): Promise<ReadonlySet<string>>;
  nodeServices(node: string): Promise<string[]>;
}

const CALVIN_TASK_ID = /^calvin-([a-z0-9][a-z0-9-]*?)(?::|$)/;

/** The node an alert is about: its `host` tag, else the host part of Prometheus' `instance`. */
export function alertHost(tags: Readonly<Record<string, string>>): string | undefined {
  if (tags.host) return tags.host;
  const instance = tags.instance;
  return instance ? instance.replace(/:\d+$/, '') : undefined;
}

/** The service to diagnose among a node's services: not Consul's own agent, first by name. */
export function pickNodeService(names: readonly string[]): string | undefined {
  const candidates = [...names].sort();
  return candidates.find((n) => n !== 'consul') ?? candidates[0];
}

export async function resolveService(
  alert: { alertId: string; tags: Readonly<Record<string, string>> },
  lookups: ResolveLookups,
): Promise<ServiceResolution> {
  const calvinId = CALVIN_TASK_ID.exec(alert.alertId)?.[1] ?? alert.tags.calvin_alert;
  const fromDefinition = calvinId ? lookups.alertServices.get(calvinId) : undefined;
  if (fromDefinition) return { service: fromDefinition, via: 'alert-id' };
  const tagged = alert.tags.service;
  if (tagged) {
    const name = lookups.aliases.get(tagged) ?? tagged;
    if ((await lookups.consulServices()).has(name)) return { service: name, via: 'service-tag' };
  }
  const host = alertHost(alert.tags);
  if (host) {
    const picked = pickNodeService(await lookups.nodeServices(host));
    if (picked) return { service: picked, via: 'host-tag' };
  }
  return { service: null, via: 'unresolved' };
}
