/**
 * Contract fake of the Grafana HTTP API (dashboards by uid, folders, search), from the documented
 * behaviour: bearer auth (401 otherwise); every save bumps `version` and keeps the old one; a save
 * whose `version` does not match without `overwrite` is a 412 `version-mismatch`; another dashboard
 * with the same title in the same folder is a 412 `name-exists` without `overwrite`, and with it
 * Grafana takes that dashboard over (keeps its uid); `id` is server-assigned; folders by uid, and a
 * new folder whose title is taken is a 409.
 */
import { fakeDatasources, type FakeDatasources } from './grafana-datasources.js';
import { clone, startFake, type FakeOptions, type FakeServer } from './server.js';

interface StoredDashboard {
  dashboard: Record<string, unknown> & { id: number; uid: string; version: number; title?: string; tags?: string[] };
  folderUid: string;
  versions: { version: number; message: string; dashboard: Record<string, unknown> }[];
}

export interface FakeGrafana extends FakeServer {
  dashboards: Map<string, StoredDashboard>;
  folders: Map<string, { uid: string; title: string; id: number }>;
  /** Datasources, provisioning reload and reference resolution (grafana-datasources.ts). */
  datasources: FakeDatasources;
  /** Total number of dashboard versions ever saved (a new one on every save). */
  versionCount(): number;
  /** Writes a dashboard as a person would in the UI (no calvin involved). */
  putByHand(dashboard: Record<string, unknown>, folderUid?: string): void;
}

export async function startFakeGrafana(options: FakeOptions = {}): Promise<FakeGrafana> {
  const dashboards = new Map<string, StoredDashboard>();
  const folders = new Map<string, { uid: string; title: string; id: number }>();
  let nextId = 1;
  let versions = 0;
  const datasources = fakeDatasources();

  const save = (
    incoming: Record<string, unknown>,
    folderUid: string,
    overwrite: boolean,
    message: string,
  ): { status: number; body: unknown } => {
    const uid = typeof incoming.uid === 'string' && incoming.uid ? incoming.uid : `gen${nextId}`;
    if (uid.length > 40) return { status: 400, body: { message: 'uid too long, max 40 characters' } };
    if (folderUid && !folders.has(folderUid)) return { status: 400, body: { message: 'folder not found' } };
    const sameTitle = [...dashboards.values()].find(
      (d) => d.dashboard.uid !== uid && d.folderUid === folderUid && d.dashboard.title === incoming.title,
    );
    if (sameTitle && !overwrite)
      return {
        status: 412,
        body: { status: 'name-exists', message: 'A dashboard with the same name in the folder already exists' },
      };
    if (sameTitle)
      return save(
        { ...incoming, uid: sameTitle.dashboard.uid, version: sameTitle.dashboard.version },
        folderUid,
        true,
        message,
      );
    const existing = dashboards.get(uid);
    if (existing && !overwrite && incoming.version !== existing.dashboard.version) {
      return {
        status: 412,
        body: { status: 'version-mismatch', message: 'The dashboard has been changed by someone else' },
      };
    }
    const version = existing ? existing.dashboard.version + 1 : 1;
    const id = existing ? existing.dashboard.id : nextId++;
    const dashboard = { ...clone(incoming), id, uid, version } as StoredDashboard['dashboard'];
    const stored: StoredDashboard = existing ?? { dashboard, folderUid, versions: [] };
    stored.dashboard = dashboard;
    stored.folderUid = folderUid;
    stored.versions.push({ version, message, dashboard: clone(dashboard) });
    versions += 1;
    dashboards.set(uid, stored);
    return { status: 200, body: { id, uid, url: `/d/${uid}`, status: 'success', version, slug: uid } };
  };

  const server = await startFake(options, ({ method, path, query, body }) => {
    const b = (body ?? {}) as Record<string, unknown>;
    const datasourceAnswer = datasources.route(method, path);
    if (datasourceAnswer) return datasourceAnswer;
    if (method === 'GET' && path === '/api/search') {
      const tag = query.getAll('tag');
      const hits = [...dashboards.values()]
        .filter((d) => tag.every((t) => (d.dashboard.tags ?? []).includes(t)))
        .map((d) => ({
          id: d.dashboard.id,
          uid: d.dashboard.uid,
          title: d.dashboard.title,
          tags: d.dashboard.tags ?? [],
          type: 'dash-db',
          folderUid: d.folderUid,
        }));
      return { status: 200, body: hits };
    }
    const byUid = /^\/api\/dashboards\/uid\/([^/]+)$/.exec(path);
    if (byUid) {
      const uid = decodeURIComponent(byUid[1] ?? '');
      const found = dashboards.get(uid);
      if (!found) return { status: 404, body: { message: 'Dashboard not found' } };
      if (method === 'GET')
        return {
          status: 200,
          body: {
            dashboard: clone(found.dashboard),
            meta: { folderUid: found.folderUid, version: found.dashboard.version, slug: uid },
          },
        };
      if (method === 'DELETE') {
        dashboards.delete(uid);
        return {
          status: 200,
          body: { title: found.dashboard.title, message: 'Dashboard deleted', id: found.dashboard.id },
        };
      }
    }
    if (method === 'POST' && path === '/api/dashboards/db') {
      const dashboard = b.dashboard as Record<string, unknown> | undefined;
      if (!dashboard) return { status: 400, body: { message: 'dashboard is required' } };
      return save(
        dashboard,
        typeof b.folderUid === 'string' ? b.folderUid : '',
        b.overwrite === true,
        typeof b.message === 'string' ? b.message : '',
      );
    }
    if (path === '/api/folders' && method === 'GET')
      return { status: 200, body: [...folders.values()].map((f) => ({ id: f.id, uid: f.uid, title: f.title })) };
    const folder = /^\/api\/folders\/([^/]+)$/.exec(path);
    if (folder && method === 'GET') {
      const found = folders.get(decodeURIComponent(folder[1] ?? ''));
      return found ? { status: 200, body: found } : { status: 404, body: { message: 'folder not found' } };
    }
    if (path === '/api/folders' && method === 'POST') {
      const uid = String(b.uid ?? `folder${folders.size + 1}`);
      if (folders.has(uid)) return { status: 409, body: { message: 'a folder with the same uid already exists' } };
      const title = String(b.title ?? uid);
      if ([...folders.values()].some((f) => f.title === title))
        return {
          status: 409,
          body: { message: 'a folder or dashboard in the general folder with the same name already exists' },
        };
      const created = { uid, title, id: folders.size + 1 };
      folders.set(uid, created);
      return { status: 200, body: created };
    }
    return { status: 404, body: { message: 'Not found' } };
  });

  return {
    ...server,
    dashboards,
    folders,
    datasources,
    versionCount: () => versions,
    putByHand(dashboard, folderUid = '') {
      save(dashboard, folderUid, true, 'by hand');
    },
  };
}
