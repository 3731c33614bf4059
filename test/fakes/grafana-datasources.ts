/**
 * Grafana's datasources, as the fake Grafana keeps them, with the documented rules:
 * - provisioning files are read at start-up; later changes load on
 *   `POST /api/admin/provisioning/datasources/reload` (docs: administration/provisioning, HTTP API admin);
 * - a provisioned datasource without `uid` gets a generated one (so references by a made-up uid fail);
 * - `GET /api/datasources`, `/api/datasources/uid/:uid`, `/api/datasources/name/:name` (HTTP API data_source);
 * - a dashboard reference `{ uid }` resolves by uid, then by name (DatasourceSrv.getInstanceSettings,
 *   public/app/features/plugins/datasource_srv.ts).
 */
import type { ProvisionedDatasource } from '../../src/define/environment-kv.js';

export interface FakeDatasource {
  id: number;
  uid: string;
  name: string;
  type: string;
  database: string;
}

export interface FakeDatasources {
  /** What Grafana serves and resolves against now. */
  active: FakeDatasource[];
  /** Provisioning files written (e.g. by consul-template) but not yet read by Grafana. */
  provision(files: ProvisionedDatasource[]): void;
  /** Grafana's frontend resolution of a dashboard's datasource reference. */
  resolve(ref: string): FakeDatasource | undefined;
  route(method: string, path: string): { status: number; body: unknown } | undefined;
}

export function fakeDatasources(): FakeDatasources {
  let pending: ProvisionedDatasource[] = [];
  let nextId = 1;
  const state: FakeDatasources = {
    active: [],
    provision(files) {
      pending = files;
    },
    resolve: (ref) => state.active.find((d) => d.uid === ref) ?? state.active.find((d) => d.name === ref),
    route(method, path) {
      if (method === 'POST' && path === '/api/admin/provisioning/datasources/reload') {
        state.active = pending.map((d) => ({
          id: nextId,
          uid: d.uid ?? `gen${(nextId++).toString(36).padStart(7, '0')}`,
          name: d.name,
          type: d.type,
          database: d.database ?? '',
        }));
        return { status: 200, body: { message: 'Datasources config reloaded' } };
      }
      if (method !== 'GET') return undefined;
      if (path === '/api/datasources') return { status: 200, body: state.active };
      const one = /^\/api\/datasources\/(uid|name)\/([^/]+)$/.exec(path);
      if (!one) return undefined;
      const key = decodeURIComponent(one[2] ?? '');
      const found = state.active.find((d) => (one[1] === 'uid' ? d.uid === key : d.name === key));
      return found ? { status: 200, body: found } : { status: 404, body: { message: 'Data source not found' } };
    },
  };
  return state;
}
