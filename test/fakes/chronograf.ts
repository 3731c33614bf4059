/**
 * Contract fake of Chronograf's dashboards API (`/chronograf/v1/dashboards`, Chronograf's swagger and
 * server/dashboards.go): POST ignores any client id and assigns the next integer id (the swagger's
 * `id: integer`); PUT /chronograf/v1/dashboards/{id} replaces; no versioning; cells are validated and
 * completed as ValidDashboardRequest does (chronograf-cells.ts: 422 with Chronograf's message otherwise);
 * responses carry `links`, `organization` and UUID cell ids (`i`) the client never sent. Response shapes
 * are pinned to test/fixtures/api/chronograf/ by test/integration/fakes-contract.test.ts.
 */
import { cellResponse, validCell } from './chronograf-cells.js';
import { clone, startFake, type FakeOptions, type FakeServer } from './server.js';

type Dashboard = Record<string, unknown> & { id: number; name: string; cells: Record<string, unknown>[] };

export interface FakeChronograf extends FakeServer {
  dashboards: Map<number, Dashboard>;
  putByHand(dashboard: Record<string, unknown>): number;
}

const BASE = '/chronograf/v1/dashboards';

const invalid = (message: string) => ({ status: 422, body: { code: 422, message } });

export async function startFakeChronograf(options: FakeOptions = {}): Promise<FakeChronograf> {
  const dashboards = new Map<number, Dashboard>();
  let nextId = 100;

  const decorate = (d: Dashboard): Record<string, unknown> => ({
    ...clone(d),
    cells: d.cells.map((c) => cellResponse(`${BASE}/${d.id}`, clone(c))),
    links: { self: `${BASE}/${d.id}`, cells: `${BASE}/${d.id}/cells`, templates: `${BASE}/${d.id}/templates` },
  });
  /** ValidDashboardRequest, then the store: the dashboard as kept, or the 422 message. */
  const validate = (id: number, body: Record<string, unknown>): Dashboard | string => {
    const { id: _ignored, links: _links, ...rest } = clone(body);
    const cells: Record<string, unknown>[] = [];
    for (const raw of Array.isArray(rest.cells) ? (rest.cells as Record<string, unknown>[]) : []) {
      const checked = validCell(raw);
      if ('error' in checked) return checked.error;
      cells.push(checked.cell);
    }
    return {
      ...rest,
      id,
      name: String(rest.name ?? ''),
      cells,
      templates: Array.isArray(rest.templates) ? rest.templates : [],
      organization: typeof rest.organization === 'string' && rest.organization ? rest.organization : 'default',
    };
  };
  const store = (id: number, body: Record<string, unknown>): Dashboard | string => {
    const dashboard = validate(id, body);
    if (typeof dashboard !== 'string') dashboards.set(id, dashboard);
    return dashboard;
  };

  const server = await startFake(options, ({ method, path, body }) => {
    const b = (body ?? {}) as Record<string, unknown>;
    if (path === BASE && method === 'GET')
      return { status: 200, body: { dashboards: [...dashboards.values()].map(decorate), links: { self: BASE } } };
    if (path === BASE && method === 'POST') {
      if (typeof b.name !== 'string') return invalid('name is required');
      const stored = store(nextId, b);
      if (typeof stored === 'string') return invalid(stored);
      nextId += 1;
      return { status: 201, body: decorate(stored) };
    }
    const one = /^\/chronograf\/v1\/dashboards\/(\d+)$/.exec(path);
    if (one) {
      const id = Number(one[1]);
      const found = dashboards.get(id);
      if (!found) return { status: 404, body: { code: 404, message: `ID ${id} not found` } };
      if (method === 'GET') return { status: 200, body: decorate(found) };
      if (method === 'PUT') {
        const stored = store(id, b);
        return typeof stored === 'string' ? invalid(stored) : { status: 200, body: decorate(stored) };
      }
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
      const stored = store(id, dashboard);
      if (typeof stored === 'string') throw new Error(`Chronograf would refuse this dashboard: ${stored}`);
      return id;
    },
  };
}
