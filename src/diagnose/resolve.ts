/**
 * Which Consul service the user means: an exact Consul name, an alias or id of a service definition,
 * or a prefix of a service instance id (`nexus_nexus-02`). Pure: the caller supplies what Consul knows.
 */
import type { ServiceDef } from '../define/types.js';
import { CalvinError } from '../errors.js';

export interface ServiceMatch {
  /** Consul service name. */
  service: string;
  how: 'name' | 'alias' | 'id-prefix';
  definition?: ServiceDef;
  /** With `id-prefix`: the instance ids the query selected. */
  serviceIds?: string[];
}

function definitionFor(service: string, defs: readonly ServiceDef[]): ServiceDef | undefined {
  const own = defs.filter((d) => d.consulName === service);
  // Several definitions can share one Consul name (metrics: InfluxDB, Grafana, ...); the one
  // without tag filters describes the service as a whole.
  return own.find((d) => !d.consulTags || d.consulTags.length === 0) ?? own[0];
}

/** Exact Consul name first, then definition aliases and ids, then the same case-insensitively. */
export function resolveByName(
  query: string,
  consulNames: readonly string[],
  defs: readonly ServiceDef[],
): ServiceMatch | null {
  const withDef = (service: string, how: ServiceMatch['how'], def?: ServiceDef): ServiceMatch => {
    const definition = def ?? definitionFor(service, defs);
    return { service, how, ...(definition ? { definition } : {}) };
  };
  if (consulNames.includes(query)) return withDef(query, 'name');
  const byAlias = defs.find((d) => d.aliases.includes(query) || d.id === query || d.consulName === query);
  if (byAlias) return withDef(byAlias.consulName, 'alias', byAlias);
  const lower = query.toLowerCase();
  const named = consulNames.find((n) => n.toLowerCase() === lower);
  if (named) return withDef(named, 'name');
  const aliased = defs.find((d) => d.aliases.some((a) => a.toLowerCase() === lower) || d.id.toLowerCase() === lower);
  if (aliased) return withDef(aliased.consulName, 'alias', aliased);
  return null;
}

/** A query that starts a service instance id: `nexus_nexus-02` → artefacts. */
export function resolveByServiceId(
  query: string,
  idsByService: ReadonlyMap<string, readonly string[]>,
  defs: readonly ServiceDef[],
): ServiceMatch | null {
  const hits: { service: string; ids: string[] }[] = [];
  for (const [service, ids] of idsByService) {
    const matching = ids.filter((id) => id.startsWith(query));
    if (matching.length > 0) hits.push({ service, ids: matching });
  }
  if (hits.length !== 1) return null;
  const hit = hits[0] as { service: string; ids: string[] };
  const definition = definitionFor(hit.service, defs);
  return { service: hit.service, how: 'id-prefix', serviceIds: hit.ids.sort(), ...(definition ? { definition } : {}) };
}

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = prev[j] as number;
      prev[j] = Math.min(above + 1, (prev[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length] as number;
}

/** The closest Consul names and aliases, best first. */
export function closestNames(
  query: string,
  consulNames: readonly string[],
  defs: readonly ServiceDef[],
  limit = 3,
): string[] {
  const names = [...new Set([...consulNames, ...defs.flatMap((d) => d.aliases)])];
  const q = query.toLowerCase().slice(0, 200);
  return names
    .map((n) => ({
      n,
      d:
        editDistance(q, n.toLowerCase().slice(0, 200)) -
        (n.toLowerCase().includes(q) || q.includes(n.toLowerCase()) ? 2 : 0),
    }))
    .sort((a, b) => a.d - b.d || a.n.localeCompare(b.n))
    .slice(0, limit)
    .map((x) => x.n);
}

export function unknownServiceError(
  query: string,
  consulNames: readonly string[],
  defs: readonly ServiceDef[],
  datacenter: string,
): CalvinError {
  const closest = closestNames(query, consulNames, defs);
  const shown = JSON.stringify(query.length > 80 ? `${query.slice(0, 80)}…` : query);
  return new CalvinError(
    'UNKNOWN_SERVICE',
    `no Consul service, alias or service id ${shown} in datacenter ${printable(datacenter)}`,
    closest.length > 0
      ? `closest: ${closest.map(printable).join(', ')}`
      : 'Consul lists no services at all: check CONSUL_HTTP_ADDR and --env',
  );
}

/** Names come from Consul: no control characters on the user's terminal. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
