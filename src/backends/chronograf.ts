/**
 * Chronograf API driver for deploy: dashboards matched by name (ids are server-assigned), ownership by the `calvin/`
 * name prefix.
 */
import type { LiveObject, TargetDriver } from '../deploy/types.js';
import { jsonClient, type DriverOptions } from './deploy-http.js';

export const CHRONOGRAF_MANAGED_PREFIX = 'calvin/';

interface ChronografDashboard {
  id: number | string;
  name: string;
  [key: string]: unknown;
}

const PATH = '/chronograf/v1/dashboards';

function withoutId(body: unknown): Record<string, unknown> {
  const { id: _id, links: _links, ...rest } = (body ?? {}) as Record<string, unknown>;
  return rest;
}

const toLive = (d: ChronografDashboard): LiveObject => ({
  kind: 'chronograf/dashboard',
  name: d.name,
  body: d,
  managed: d.name.startsWith(CHRONOGRAF_MANAGED_PREFIX),
  ref: { id: String(d.id) },
});

export function createChronografDriver(options: DriverOptions): TargetDriver {
  const api = jsonClient('Chronograf', options);
  const all = async (): Promise<ChronografDashboard[]> =>
    (await api.json<{ dashboards: ChronografDashboard[] }>('GET', PATH)).dashboards;
  return {
    target: 'chronograf',
    async list(wanted) {
      const names = new Set(wanted.map((w) => w.name));
      const objects: LiveObject[] = [];
      let foreign = 0;
      for (const d of await all()) {
        const live = toLive(d);
        if (!live.managed) foreign += 1;
        if (live.managed || names.has(d.name)) objects.push(live);
      }
      return { objects, foreign };
    },
    async read(_kind, name) {
      // Chronograf has no lookup by name: the list is the only way (one GET per change; dashboards are few).
      const found = (await all()).find((d) => d.name === name);
      return found ? toLive(found) : undefined;
    },
    async create(desired) {
      await api.json('POST', PATH, withoutId(desired.body));
    },
    async update(desired, live) {
      await api.json('PUT', `${PATH}/${encodeURIComponent(live.ref?.id ?? '')}`, withoutId(desired.body));
    },
    async remove(live) {
      await api.json('DELETE', `${PATH}/${encodeURIComponent(live.ref?.id ?? '')}`);
    },
    writes: api.writes,
  };
}
