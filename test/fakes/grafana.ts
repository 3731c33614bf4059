/**
 * Contract fake of the Grafana HTTP API (dashboards by uid, folders, search, datasources, provisioning),
 * from the documented behaviour; response shapes are pinned to test/fixtures/api/grafana/ (each names
 * its documented endpoint) by test/integration/fakes-contract.test.ts.
 * - bearer auth (401 otherwise); `id` is server-assigned; every save bumps `version` and keeps the old one;
 * - a save whose `version` does not match without `overwrite` is a 412 `version-mismatch`; another
 *   dashboard with the same title in the same folder is a 412 `name-exists` without `overwrite`, and
 *   with it Grafana takes that dashboard over (keeps its uid);
 * - folders by uid, and a new folder whose title is taken is a 409;
 * - dashboards provisioned from files (grafana-provisioning.ts) carry `meta.provisioned`, cannot be
 *   saved (400 "Cannot save provisioned dashboard") or deleted through the API, and get a new version
 *   on every reload that finds their file rewritten;
 * - `/api/search` honours `query`, `tag`, `type`, `dashboardUIDs`, `folderUIDs`, `limit`, `page` (grafana-search.ts).
 */
import { fakeDatasources, type FakeDatasources } from './grafana-datasources.js';
import { provisioningFiles, type ProvisionedFile, type ProvisioningFiles } from './grafana-provisioning.js';
import { folderUrl, search, slug } from './grafana-search.js';
import { clone, startFake, type FakeOptions, type FakeResponse, type FakeServer } from './server.js';

interface StoredDashboard {
  dashboard: Record<string, unknown> & { id: number; uid: string; version: number; title?: string; tags?: string[] };
  folderUid: string;
  versions: { version: number; message: string; dashboard: Record<string, unknown> }[];
  /** The provisioning file it comes from (`provisionedExternalId`); undefined for dashboards saved through the API. */
  provisioned?: string;
}

interface StoredFolder {
  uid: string;
  title: string;
  id: number;
  /** Set by the fake when the folder is created through the API. */
  created?: string;
}

export interface FakeGrafana extends FakeServer {
  dashboards: Map<string, StoredDashboard>;
  folders: Map<string, StoredFolder>;
  /** Datasources, provisioning reload and reference resolution (grafana-datasources.ts). */
  datasources: FakeDatasources;
  /** Dashboard files the file provider reads on the next reload (what consul-template writes). */
  provisioning: ProvisioningFiles;
  /** Total number of dashboard versions ever saved (a new one on every save). */
  versionCount(): number;
  /** Writes a dashboard as a person would in the UI (no calvin involved). */
  putByHand(dashboard: Record<string, unknown>, folderUid?: string): void;
}

type Answer = FakeResponse & { body: unknown };

const EPOCH = new Date(0).toISOString();

export async function startFakeGrafana(options: FakeOptions = {}): Promise<FakeGrafana> {
  const dashboards = new Map<string, StoredDashboard>();
  const folders = new Map<string, StoredFolder>();
  let nextId = 1;
  let versions = 0;
  const datasources = fakeDatasources();
  const provisioning = provisioningFiles();

  const folderJson = (f: StoredFolder): Record<string, unknown> => ({
    id: f.id,
    uid: f.uid,
    title: f.title,
    url: folderUrl(f),
    hasAcl: false,
    canSave: true,
    canEdit: true,
    canAdmin: true,
    createdBy: 'admin',
    created: f.created ?? EPOCH,
    updatedBy: 'admin',
    updated: f.created ?? EPOCH,
    version: 1,
  });

  const createFolder = (uid: string, title: string): StoredFolder => {
    const created = { uid, title, id: folders.size + 1, created: new Date().toISOString() };
    folders.set(uid, created);
    return created;
  };

  const save = (
    incoming: Record<string, unknown>,
    folderUid: string,
    overwrite: boolean,
    message: string,
    provisionedFrom?: string,
  ): Answer => {
    const uid = typeof incoming.uid === 'string' && incoming.uid ? incoming.uid : `gen${nextId}`;
    if (uid.length > 40) return { status: 400, body: { message: 'uid too long, max 40 characters' } };
    if (folderUid && !folders.has(folderUid)) return { status: 400, body: { message: 'folder not found' } };
    const existing = dashboards.get(uid);
    if (existing?.provisioned !== undefined && provisionedFrom === undefined)
      return { status: 400, body: { message: 'Cannot save provisioned dashboard' } };
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
        provisionedFrom,
      );
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
    if (provisionedFrom !== undefined) stored.provisioned = provisionedFrom;
    stored.versions.push({ version, message, dashboard: clone(dashboard) });
    versions += 1;
    dashboards.set(uid, stored);
    const titleSlug = slug(String(dashboard.title ?? ''));
    return {
      status: 200,
      body: { id, uid, url: `/d/${uid}/${titleSlug}`, status: 'success', version, slug: titleSlug },
    };
  };

  /** The file provider: one folder per file folder (by title), every saved file marked provisioned. */
  const provisionFile = (file: ProvisionedFile): void => {
    const folder =
      [...folders.values()].find((f) => f.title === file.folder) ??
      createFolder(`prov${folders.size + 1}`, file.folder);
    save(file.dashboard, folder.uid, true, '', file.path);
  };

  const reloadDashboards = (): Answer => {
    const provisioned = [...dashboards.values()].flatMap((d) => (d.provisioned === undefined ? [] : [d.provisioned]));
    const { save: toSave, gone } = provisioning.takeChanges(provisioned);
    for (const file of toSave) provisionFile(file);
    for (const [uid, d] of dashboards)
      if (d.provisioned !== undefined && gone.includes(d.provisioned)) dashboards.delete(uid);
    return { status: 200, body: { message: 'Dashboards config reloaded' } };
  };

  const byUid = (method: string, uid: string): Answer | undefined => {
    const found = dashboards.get(uid);
    if (!found) return { status: 404, body: { message: 'Dashboard not found' } };
    const title = String(found.dashboard.title ?? '');
    if (method === 'GET')
      return {
        status: 200,
        body: {
          dashboard: clone(found.dashboard),
          meta: {
            isStarred: false,
            url: `/d/${uid}/${slug(title)}`,
            folderId: folders.get(found.folderUid)?.id ?? 0,
            folderUid: found.folderUid,
            slug: slug(title),
            provisioned: found.provisioned !== undefined,
            provisionedExternalId: found.provisioned ?? '',
          },
        },
      };
    if (method === 'DELETE') {
      if (found.provisioned !== undefined)
        return { status: 400, body: { message: 'provisioned dashboard cannot be deleted' } };
      dashboards.delete(uid);
      return { status: 200, body: { title, message: `Dashboard ${title} deleted`, id: found.dashboard.id } };
    }
    return undefined;
  };

  const folderRoutes = (method: string, path: string, b: Record<string, unknown>): Answer | undefined => {
    if (path === '/api/folders' && method === 'GET')
      return { status: 200, body: [...folders.values()].map((f) => ({ id: f.id, uid: f.uid, title: f.title })) };
    const one = /^\/api\/folders\/([^/]+)$/.exec(path);
    if (one && method === 'GET') {
      const found = folders.get(decodeURIComponent(one[1] ?? ''));
      return found ? { status: 200, body: folderJson(found) } : { status: 404, body: { message: 'folder not found' } };
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
      return { status: 200, body: folderJson(createFolder(uid, title)) };
    }
    return undefined;
  };

  const server = await startFake(options, ({ method, path, query, body }) => {
    const b = (body ?? {}) as Record<string, unknown>;
    const datasourceAnswer = datasources.route(method, path);
    if (datasourceAnswer) return datasourceAnswer;
    if (method === 'POST' && path === '/api/admin/provisioning/dashboards/reload') return reloadDashboards();
    if (method === 'GET' && (path === '/api/search' || path === '/api/search/')) {
      const all = [...dashboards.values()].map((d) => ({
        id: d.dashboard.id,
        uid: d.dashboard.uid,
        title: String(d.dashboard.title ?? ''),
        tags: d.dashboard.tags ?? [],
        folderUid: d.folderUid,
      }));
      return { status: 200, body: search(query, all, folders) };
    }
    const uidPath = /^\/api\/dashboards\/uid\/([^/]+)$/.exec(path);
    const uidAnswer = uidPath ? byUid(method, decodeURIComponent(uidPath[1] ?? '')) : undefined;
    if (uidAnswer) return uidAnswer;
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
    return folderRoutes(method, path, b) ?? { status: 404, body: { message: 'Not found' } };
  });

  return {
    ...server,
    dashboards,
    folders,
    datasources,
    provisioning,
    versionCount: () => versions,
    putByHand(dashboard, folderUid = '') {
      save(dashboard, folderUid, true, 'by hand');
    },
  };
}
