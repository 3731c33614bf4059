/**
 * Grafana HTTP API driver for deploy: dashboards by uid, folders by uid (or by title when a folder
 * of that title already exists), ownership by the `calvin` tag AND the `calvin-` uid prefix.
 *
 * Every save is `overwrite: false`: an update carries the version calvin saw, so a dashboard edited
 * since then is a 412 version-mismatch (the deploy stops) instead of a silent overwrite; a new
 * dashboard whose title is taken in its folder is a 412 name-exists (with `overwrite: true` Grafana
 * would quietly take over the hand-made dashboard of that title).
 */
import type { DesiredObject, LiveObject, TargetDriver } from '../deploy/types.js';
import { CalvinError } from '../errors.js';
import { enc, jsonClient, type DriverOptions } from './deploy-http.js';

export const GRAFANA_MANAGED_TAG = 'calvin';
export const GRAFANA_MANAGED_UID_PREFIX = 'calvin-';

/** Both marks: a "Save as" copy keeps the tag but gets a new uid, and stays the user's. */
export function isGrafanaManaged(uid: string, tags: readonly unknown[]): boolean {
  return uid.startsWith(GRAFANA_MANAGED_UID_PREFIX) && tags.includes(GRAFANA_MANAGED_TAG);
}

export interface GrafanaDesiredBody {
  dashboard: Record<string, unknown>;
  folderUid: string;
  folderTitle?: string;
}

interface SearchHit {
  uid: string;
  tags?: string[];
}

interface DashboardWithMeta {
  dashboard: Record<string, unknown>;
  meta?: { folderUid?: string; version?: number; provisioned?: boolean };
}

interface Folder {
  uid: string;
  title: string;
}

export function createGrafanaDriver(options: DriverOptions & { commit: string }): TargetDriver {
  const api = jsonClient('Grafana', options);
  /** Folder uid a definition names → the uid of the folder actually used. */
  const folderFor = new Map<string, string>();
  /** The reverse, so live dashboards in a folder found by title compare equal to their definition. */
  const aliasOf = new Map<string, string>();
  const createdFolders: string[] = [];

  const listFolders = (): Promise<Folder[]> => api.json<Folder[]>('GET', '/api/folders?limit=1000');
  const useFolder = (wanted: string, actual: string): void => {
    folderFor.set(wanted, actual);
    if (actual !== wanted) aliasOf.set(actual, wanted);
  };

  /** Grafana refuses a second folder with the same title (409): reuse one found by title. */
  async function ensureFolder(uid: string, title: string | undefined): Promise<string> {
    if (!uid) return '';
    const known = folderFor.get(uid);
    if (known !== undefined) return known;
    if (await api.maybe(`/api/folders/${enc(uid)}`)) {
      useFolder(uid, uid);
      return uid;
    }
    const byTitle = (await listFolders()).find((f) => f.title === (title ?? uid));
    if (byTitle) {
      useFolder(uid, byTitle.uid);
      return byTitle.uid;
    }
    await api.json('POST', '/api/folders', { uid, title: title ?? uid });
    createdFolders.push(`grafana/folder ${uid}`);
    useFolder(uid, uid);
    return uid;
  }

  function toLive(uid: string, found: DashboardWithMeta): LiveObject {
    const { dashboard, meta } = found;
    const tags = Array.isArray(dashboard.tags) ? (dashboard.tags as unknown[]) : [];
    const folderUid = meta?.folderUid ?? '';
    return {
      kind: 'grafana/dashboard',
      name: uid,
      body: { dashboard, folderUid: aliasOf.get(folderUid) ?? folderUid },
      managed: isGrafanaManaged(uid, tags),
      ref: {
        ...(typeof dashboard.version === 'number' ? { version: dashboard.version } : {}),
        ...(meta?.provisioned === true ? { provisioned: true } : {}),
      },
    };
  }

  function conflict(desired: DesiredObject, folderUid: string, answer: unknown): CalvinError {
    const status = (answer as { status?: unknown } | undefined)?.status;
    const title = String((desired.body as GrafanaDesiredBody).dashboard.title ?? desired.name);
    if (status === 'name-exists') {
      return new CalvinError(
        'APPLY_FAILED',
        `Grafana folder "${folderUid || 'General'}" already holds another dashboard titled "${title}" that ` +
          `calvin did not create; calvin does not take it over`,
        'rename or move that dashboard in Grafana, or give the definition another title',
      );
    }
    if (status === 'version-mismatch') {
      return new CalvinError(
        'APPLY_FAILED',
        `Grafana dashboard ${desired.name} was changed by someone else since the plan (412 version-mismatch)`,
        'run the plan again to see the current state, then deploy again',
      );
    }
    return new CalvinError(
      'APPLY_FAILED',
      `Grafana refused to save dashboard ${desired.name} (412 ${String(status ?? '')})`,
      'see the Grafana logs or run with --debug',
    );
  }

  async function save(desired: DesiredObject, live?: LiveObject): Promise<void> {
    const body = desired.body as GrafanaDesiredBody;
    const folderUid = await ensureFolder(body.folderUid, body.folderTitle);
    const { id: _id, version: _version, ...dashboard } = body.dashboard;
    const version = live?.ref?.version;
    const answer = await api.send('POST', '/api/dashboards/db', {
      dashboard: { ...dashboard, id: null, ...(version !== undefined ? { version } : {}) },
      ...(folderUid ? { folderUid } : {}),
      overwrite: false,
      message: `calvin deploy ${options.commit}`,
    });
    if (answer.status === 412) throw conflict(desired, folderUid, answer.body);
    if (answer.status < 200 || answer.status >= 300) throw api.failure('POST', '/api/dashboards/db', answer);
  }

  return {
    target: 'grafana',
    async list(wanted) {
      // Search by calvin's tag: only managed dashboards are candidates for updates without a definition, or pruning.
      const tagged = await api.json<SearchHit[]>(
        'GET',
        `/api/search?type=dash-db&tag=${GRAFANA_MANAGED_TAG}&limit=5000`,
      );
      // Folders the definitions name that exist only under another uid (made by hand, same title).
      const named = new Map<string, string>();
      for (const w of wanted) {
        const body = w.body as Partial<GrafanaDesiredBody> | null;
        if (body?.folderUid) named.set(body.folderUid, body.folderTitle ?? body.folderUid);
      }
      if (named.size > 0) {
        const folders = await listFolders();
        for (const [uid, title] of named) {
          if (folders.some((f) => f.uid === uid)) continue;
          const byTitle = folders.find((f) => f.title === title);
          if (byTitle) useFolder(uid, byTitle.uid);
        }
      }
      const managed = tagged.filter((h) => isGrafanaManaged(h.uid, h.tags ?? [])).map((h) => h.uid);
      const uids = [...new Set([...managed, ...wanted.map((w) => w.name)])];
      // A few dashboards at a time: one GET per dashboard, without flooding Grafana.
      const found = await mapLimit(uids, 8, (uid) => api.maybe<DashboardWithMeta>(`/api/dashboards/uid/${enc(uid)}`));
      const objects: LiveObject[] = [];
      for (const [index, one] of found.entries()) if (one) objects.push(toLive(uids[index] ?? '', one));
      const taggedCopies = tagged.length - managed.length;
      return { objects, foreign: taggedCopies + objects.filter((o) => !o.managed).length };
    },
    async read(_kind, name) {
      const found = await api.maybe<DashboardWithMeta>(`/api/dashboards/uid/${enc(name)}`);
      return found ? toLive(name, found) : undefined;
    },
    create: (desired) => save(desired),
    update: (desired, live) => save(desired, live),
    async remove(live) {
      await api.json('DELETE', `/api/dashboards/uid/${enc(live.name)}`);
    },
    writes: api.writes,
    sideEffects: () => [...createdFolders],
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
