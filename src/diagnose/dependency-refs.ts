/**
 * What an error message points at, as Consul would know it: `amqp.queue.service.consul` (tag, service),
 * `queue.service.dc1.consul`, `rabbit-01.node.consul`, an address (`10.3.0.12:5672`) or a host name
 * (`connect to rabbit-01:5672`). Pure: resolving nodes and addresses to services is the caller's lookup.
 */

export type DependencyRef =
  | { kind: 'service'; text: string; service: string; tag?: string }
  | { kind: 'node'; text: string; node: string }
  | { kind: 'host'; text: string; host: string };

const SERVICE_DNS = /\b(?:([a-z0-9][a-z0-9_-]*)\.)?([a-z0-9][a-z0-9_-]*)\.service(?:\.[a-z0-9][a-z0-9-]*)?\.consul\b/gi;
const NODE_DNS = /\b([a-z0-9][a-z0-9_-]*)\.node(?:\.[a-z0-9][a-z0-9-]*)?\.consul\b/gi;
const ADDRESS = /\b((?:\d{1,3}\.){3}\d{1,3})(?::\d{1,5})?\b/g;
/** A host after a connecting word, or a `host:port`. */
const HOST = /\b(?:to|connect(?:ing)?(?: to)?|host|server|at|for)\s+["'(]?([a-z][a-z0-9._-]*[a-z0-9])(?::\d{2,5})?\b/gi;
const HOST_PORT = /(?<![\w./:-])([a-z][a-z0-9._-]*[a-z0-9]):\d{2,5}\b/gi;

/** Words that follow "to"/"for" in messages but never name a host. */
const NOT_HOSTS = new Set(['the', 'a', 'an', 'connect', 'retry', 'write', 'read', 'start', 'localhost', 'host']);

/** Error messages that say a connection to something failed (only those point at a dependency). */
export const CONNECTION_ERROR = new RegExp(
  [
    'refused|timed? ?out|unreachable|no route|unknown host|could not (?:connect|resolve)|cannot connect',
    'unable to connect|connection (?:reset|closed|error|failed|lost)|name or service not known',
    'ECONN|EHOSTUNREACH|ENOTFOUND|broken pipe|\\b50[234]\\b|unavailable',
  ].join('|'),
  'i',
);

/** Every Consul-resolvable reference in a message, in order of appearance, without duplicates. */
export function dependencyRefs(message: string): DependencyRef[] {
  const text = message.length > 2000 ? message.slice(0, 2000) : message;
  const found: { at: number; ref: DependencyRef }[] = [];
  const taken: [number, number][] = [];
  const free = (at: number, end: number): boolean => taken.every(([a, b]) => end <= a || at >= b);
  for (const m of text.matchAll(SERVICE_DNS)) {
    const service = (m[2] as string).toLowerCase();
    const tag = m[1]?.toLowerCase();
    found.push({ at: m.index, ref: { kind: 'service', text: m[0], service, ...(tag ? { tag } : {}) } });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(NODE_DNS)) {
    if (!free(m.index, m.index + m[0].length)) continue;
    found.push({ at: m.index, ref: { kind: 'node', text: m[0], node: m[1] as string } });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(ADDRESS)) {
    if (!free(m.index, m.index + m[0].length)) continue;
    found.push({ at: m.index, ref: { kind: 'host', text: m[0], host: m[1] as string } });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const pattern of [HOST_PORT, HOST]) {
    for (const m of text.matchAll(pattern)) {
      const host = m[1] as string;
      const at = m.index + m[0].lastIndexOf(host);
      if (!free(at, at + host.length) || NOT_HOSTS.has(host.toLowerCase()) || /^\d/.test(host)) continue;
      found.push({ at, ref: { kind: 'host', text: host, host } });
      taken.push([at, at + host.length]);
    }
  }
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.at - b.at)
    .map((f) => f.ref)
    .filter((r) => {
      const key = `${r.kind}:${r.kind === 'service' ? r.service : r.kind === 'node' ? r.node : r.host}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** A node as the Consul catalog knows it (from a lookup by name or address). */
export interface KnownNode {
  node: string;
  address: string;
  services: string[];
}

/** A dependency resolved to a Consul service; `nodes` narrows it to the nodes the message named. */
export interface ResolvedDependency {
  service: string;
  /** How it was found: the text of the message, or `dependsOn` of the service definition. */
  reference: string;
  via: 'logs' | 'definition';
  nodes?: string[];
}

/**
 * A reference as a Consul service other than `self`, or null. A node or host resolves to the
 * services on that node; a bare host that is no node may still be a service name.
 */
export function resolveRef(
  ref: DependencyRef,
  self: string,
  services: readonly string[],
  nodes: readonly KnownNode[],
): ResolvedDependency | null {
  const known = new Set(services);
  if (ref.kind === 'service')
    return known.has(ref.service) && ref.service !== self
      ? { service: ref.service, reference: ref.text, via: 'logs' }
      : null;
  const name = ref.kind === 'node' ? ref.node : ref.host;
  const node = nodes.find((n) => n.node === name || n.address === name);
  if (node) {
    const other = node.services.filter((s) => s !== self && s !== 'consul');
    if (other.length === 0) return null;
    return { service: other[0] as string, reference: ref.text, via: 'logs', nodes: [node.node] };
  }
  const asService = name.toLowerCase().split('.')[0] as string;
  if (ref.kind === 'host' && known.has(asService) && asService !== self)
    return { service: asService, reference: ref.text, via: 'logs' };
  return null;
}

/** Names a lookup of the catalog nodes needs (node names, addresses, bare hosts). */
export function nodeLookups(refs: DependencyRef[]): string[] {
  return [...new Set(refs.flatMap((r) => (r.kind === 'node' ? [r.node] : r.kind === 'host' ? [r.host] : [])))];
}
