/** Grafana HTTP API driver for deploy: dashboards by uid, folders by uid, ownership by the `calvin` tag. */
import type { DesiredObject, LiveObject, TargetDriver } from '../deploy/types.js';
import { enc, jsonClient, type DriverOptions } from './deploy-http.js';

export const GRAFANA_MANAGED_TAG = 'calvin';

export interface GrafanaDesiredBody {
  dashboard: Record<string, unknown>;
  folderUid: string;
  folderTitle?: string;
}

interface SearchHit {
  uid: string;
  tags?: string[];
  type?: string;
}

interface DashboardWithMeta {
  dashboard: Record<string, unknown>;
  meta?: { folderUid?: string; version?: number };
}

export function createGrafanaDriver(options: DriverOptions & { commit: string }): TargetDriver {
  const api = jsonClient('Grafana', options);
  const folders = new Set<string>();

  async function ensureFolder(uid: string, title: string | undefined): Promise<void> {
    if (!uid || folders.has(uid)) return;
    const found = await api.maybe(`/api/folders/${enc(uid)}`);
    if (!found) await api.json('POST', '/api/folders', { uid, title: title ?? uid });
    folders.add(uid);
  }

  async function save(desired: DesiredObject): Promise<void> {
    const body = desired.body as GrafanaDesiredBody;
    await ensureFolder(body.folderUid, body.folderTitle);
    const { id: _id, version: _version, ...dashboard } = body.dashboard;
    await api.json('POST', '/api/dashboards/db', {
      dashboard: { ...dashboard, id: null },
      ...(body.folderUid ? { folderUid: body.folderUid } : {}),
      overwrite: true,
      message: `calvin deploy ${options.commit}`,
    });
  }

  return {
    target: 'grafana',
    async list(wanted) {
      // Search by calvin's tag: only managed dashboards are candidates for updates without a definition, or pruning.
      const tagged = await api.json<SearchHit[]>('GET', `/api/search?type=dash-db&tag=${GRAFANA_MANAGED_TAG}&limit=5000`);
      const managed = tagged.filter((h) => (h.tags ?? []).includes(GRAFANA_MANAGED_TAG)).map((h) => h.uid);
      const uids = [...new Set([...managed, ...wanted.map((w) => w.name)])];
      // A few dashboards at a time: one GET per dashboard, without flooding Grafana.
      const found = await mapLimit(uids, 8, (uid) => api.maybe<DashboardWithMeta>(`/api/dashboards/uid/${enc(uid)}`));
      const objects: LiveObject[] = [];
      for (const [index, dashboardWithMeta] of found.entries()) {
        const uid = uids[index] ?? '';
        if (!dashboardWithMeta) continue;
        const { dashboard, meta } = dashboardWithMeta;
        const tags = Array.isArray(dashboard.tags) ? (dashboard.tags as unknown[]) : [];
        objects.push({
          kind: 'grafana/dashboard',
          name: uid,
          body: { dashboard, folderUid: meta?.folderUid ?? '' },
          managed: tags.includes(GRAFANA_MANAGED_TAG),
          ref: { ...(typeof dashboard.version === 'number' ? { version: dashboard.version } : {}) },
        });
      }
      return { objects, foreign: objects.filter((o) => !o.managed).length };
    },
    create: save,
    update: (desired) => save(desired),
    async remove(live) {
      await api.json('DELETE', `/api/dashboards/uid/${enc(live.name)}`);
    },
    writes: api.writes,
  };
}

async function mapLimit<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
