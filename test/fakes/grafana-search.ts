/**
 * `GET /api/search` of the fake Grafana, as the Folder/Dashboard Search HTTP API documents it
 * (grafana.com/docs/grafana/latest/developers/http_api/folder_dashboard_search/): `query` (title,
 * case-insensitive), `tag` (all of them), `type` (`dash-db` or `dash-folder`), `dashboardUIDs`,
 * `folderUIDs`, `limit` (default 1000, max 5000, an invalid value counts as 1000) and `page` (from 1,
 * `limit` is the page size). Hits are sorted by title, as Grafana's default alphabetical sort does.
 */

export interface SearchFolder {
  id: number;
  uid: string;
  title: string;
}

export interface SearchDashboard {
  id: number;
  uid: string;
  title: string;
  tags: string[];
  folderUid: string;
}

export const slug = (title: string): string =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

const DEFAULT_LIMIT = 1000;
const MAX_LIMIT = 5000;

function pageSize(raw: string | null): number {
  const n = raw === null ? Number.NaN : Number(raw);
  if (!Number.isInteger(n) || n <= 0) return DEFAULT_LIMIT;
  return Math.min(n, MAX_LIMIT);
}

export const folderUrl = (f: SearchFolder): string => `/dashboards/f/${f.uid}/${slug(f.title)}`;

/** The fields every hit has, folder or dashboard. */
function hit(item: { id: number; uid: string; title: string; tags: string[] }, type: string, url: string) {
  const { id, uid, title, tags } = item;
  return { id, uid, orgId: 1, title, uri: `db/${slug(title)}`, url, type, tags, isStarred: false };
}

function dashboardHit(d: SearchDashboard, folders: ReadonlyMap<string, SearchFolder>): Record<string, unknown> {
  const folder = folders.get(d.folderUid);
  const inFolder = folder
    ? { folderId: folder.id, folderUid: folder.uid, folderTitle: folder.title, folderUrl: folderUrl(folder) }
    : {};
  return { ...hit(d, 'dash-db', `/d/${d.uid}/${slug(d.title)}`), ...inFolder };
}

export function search(
  query: URLSearchParams,
  dashboards: readonly SearchDashboard[],
  folders: ReadonlyMap<string, SearchFolder>,
): Record<string, unknown>[] {
  const type = query.get('type');
  const text = (query.get('query') ?? '').toLowerCase();
  const tags = query.getAll('tag');
  const uids = query.getAll('dashboardUIDs').flatMap((u) => u.split(','));
  const inFolders = query.getAll('folderUIDs').flatMap((u) => u.split(','));
  const matchesTitle = (title: string): boolean => title.toLowerCase().includes(text);
  // A folder is a hit only when nothing asks for dashboard properties (tags, dashboard uids, a folder to look in).
  const foldersWanted = type !== 'dash-db' && tags.length === 0 && uids.length === 0 && inFolders.length === 0;
  const folderHits = foldersWanted
    ? [...folders.values()]
        .filter((f) => matchesTitle(f.title))
        .map((f) => ({ title: f.title, hit: hit({ ...f, tags: [] }, 'dash-folder', folderUrl(f)) }))
    : [];
  const dashboardHits =
    type === 'dash-folder'
      ? []
      : dashboards
          .filter((d) => matchesTitle(d.title))
          .filter((d) => tags.every((t) => d.tags.includes(t)))
          .filter((d) => uids.length === 0 || uids.includes(d.uid))
          .filter((d) => inFolders.length === 0 || inFolders.includes(d.folderUid))
          .map((d) => ({ title: d.title, hit: dashboardHit(d, folders) }));
  const all = [...folderHits, ...dashboardHits].sort((a, b) => a.title.localeCompare(b.title)).map((h) => h.hit);
  const limit = pageSize(query.get('limit'));
  const page = Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1);
  return all.slice((page - 1) * limit, page * limit);
}
