/** Chronograf API driver for deploy: dashboards matched by name (ids are server-assigned), ownership by the `calvin/` name prefix. */
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

export function createChronografDriver(options: DriverOptions): TargetDriver {
  const api = jsonClient('Chronograf', options);
  return {
    target: 'chronograf',
    async list(wanted) {
      const { dashboards } = await api.json<{ dashboards: ChronografDashboard[] }>('GET', PATH);
      const names = new Set(wanted.map((w) => w.name));
      const objects: LiveObject[] = [];
      let foreign = 0;
      for (const d of dashboards) {
        const managed = d.name.startsWith(CHRONOGRAF_MANAGED_PREFIX);
        if (!managed) foreign += 1;
        if (managed || names.has(d.name)) objects.push({ kind: 'chronograf/dashboard', name: d.name, body: d, managed, ref: { id: String(d.id) } });
      }
      return { objects, foreign };
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
