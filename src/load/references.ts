/** Cross-definition checks: unique ids and references that point at something that exists. */
import type { Catalog, Definition } from '../define/types.js';
import { CalvinError } from '../errors.js';

export interface LoadedDefinition {
  definition: Definition;
  /** Relative POSIX path of the file that exported it. */
  file: string;
}

export function assertUniqueIds(loaded: readonly LoadedDefinition[]): void {
  const seen = new Map<string, LoadedDefinition>();
  for (const entry of loaded) {
    const earlier = seen.get(entry.definition.id);
    if (earlier) {
      const where = earlier.file === entry.file ? `twice in ${entry.file}` : `in ${earlier.file} and ${entry.file}`;
      throw new CalvinError(
        'DUPLICATE_ID',
        `${entry.file}: duplicate id "${entry.definition.id}" (${earlier.definition.kind} and ` +
          `${entry.definition.kind}, ${where})`,
        'ids are unique across all kinds: rename one of them',
      );
    }
    seen.set(entry.definition.id, entry);
  }
}

/** Every service reference names a service id (or its Consul name); index templates name log filters. */
export function assertReferences(catalog: Catalog): void {
  const services = new Set<string>();
  for (const service of catalog.services) {
    services.add(service.id);
    services.add(service.consulName);
  }
  const logFilters = new Set(catalog.logFilters.map((filter) => filter.id));
  const serviceHint =
    `define the service in services/, or fix the reference (known: ` +
    `${[...new Set(catalog.services.map((s) => s.id))].sort().join(', ') || 'none'})`;
  const check = (definition: Definition, service: string | undefined): void => {
    if (service === undefined || services.has(service)) return;
    throw new CalvinError(
      'DANGLING_REFERENCE',
      `${definition.source?.file ?? definition.id}: ${definition.kind} "${definition.id}" refers to unknown ` +
        `service "${service}"`,
      serviceHint,
    );
  };
  for (const alert of catalog.alerts) check(alert, alert.service);
  for (const dashboard of catalog.dashboards) check(dashboard, dashboard.service);
  for (const filter of catalog.logFilters) check(filter, filter.service);
  for (const template of catalog.indexTemplates) {
    for (const id of template.fromLogFilters) {
      if (id === '*' || logFilters.has(id)) continue;
      throw new CalvinError(
        'DANGLING_REFERENCE',
        `${template.source?.file ?? template.id}: index-template "${template.id}" maps fields of unknown log ` +
          `filter "${id}"`,
        'fix the id in fromLogFilters, or use "*" for every log filter',
      );
    }
  }
}
