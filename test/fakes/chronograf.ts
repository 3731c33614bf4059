/**
 * Contract fake of Chronograf's dashboards API: POST ignores any client id and assigns its own;
 * PUT /chronograf/v1/dashboards/{id} replaces; no versioning; responses carry `links`,
 * `organization` and cell ids (`i`) the client never sent; notes are stored sanitised (chronograf-notes.ts).
 */
import { validateNote } from './chronograf-notes.js';
import { clone, startFake, type FakeOptions, type FakeServer } from './server.js';

type Dashboard = Record<string, unknown> & { id: number; name: string };

export interface FakeChronograf extends FakeServer {
  dashboards: Map<number, Dashboard>;
  putByHand(dashboard: Record<string, unknown>): number;
}

const BASE = '/chronograf/v1/dashboards';

export async function startFakeChronograf(options: FakeOptions = {}): Promise<FakeChronograf> {
  const dashboards = new Map<number, Dashboard>();
  let nextId = 100;
  let nextCell = 1;

  const decorate = (d: Dashboard): Dashboard => ({
    ...clone(d),
    links: { self: `${BASE}/${d.id}`, cells: `${BASE}/${d.id}/cells`, templates: `${BASE}/${d.id}/templates` },
  });
  const store = (id: number, body: Record<string, unknown>): Dashboard => {
    const { id: _ignored, links: _links, ...rest } = clone(body);
    const cells = (Array.isArray(rest.cells) ? rest.cells : []).map((c: Record<string, unknown>) => ({
      ...validateNote(c),
      i: typeof c.i === 'string' ? c.i : `cell-${nextCell++}`,
    }));
    const dashboard: Dashboard = {
      ...rest,
      id,
      name: String(rest.name ?? ''),
      cells,
      templates: Array.isArray(rest.templates) ? rest.templates : [],
      organization: 'default',
    };
    dashboards.set(id, dashboard);
    return dashboard;
  };

  const server = await startFake(options, ({ method, path, body }) => {
    const b = (body ?? {}) as Record<string, unknown>;
    if (path === BASE && method === 'GET')
      return { status: 200, body: { dashboards: [...dashboards.values()].map(decorate), links: { self: BASE } } };
    if (path === BASE && method === 'POST') {
      if (typeof b.name !== 'string') return { status: 422, body: { code: 422, message: 'name is required' } };
      return { status: 201, body: decorate(store(nextId++, b)) };
    }
    const one = /^\/chronograf\/v1\/dashboards\/(\d+)$/.exec(path);
    if (one) {
      const id = Number(one[1]);
      const found = dashboards.get(id);
      if (!found) return { status: 404, body: { code: 404, message: `ID ${id} not found` } };
      if (method === 'GET') return { status: 200, body: decorate(found) };
      if (method === 'PUT') return { status: 200, body: decorate(store(id, b)) };
      if (method === 'DELETE') {
        dashboards.delete(id);
        return { status: 204 };
      }
    }
    return { status: 404, body: { code: 404, message: 'not found' } };
  });

  return {
    ...server,
    dashboards,
    putByHand(dashboard) {
      const id = nextId++;
      store(id, dashboard);
      return id;
    },
  };
}
