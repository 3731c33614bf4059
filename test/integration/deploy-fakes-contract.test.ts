/**
 * The Grafana and Chronograf fakes against response fixtures written from those APIs' documentation
 * (test/fixtures/api/): each fixture's request goes to a fresh fake, prepared with the state the
 * documented example implies, and the answer must have the documented status and shape. Then the
 * documented behaviours the fakes used to ignore: search `type`/`limit`/`page`, provisioned dashboards,
 * Chronograf's cell validation and ids.
 */
import { describe, expect, it } from 'vitest';
import { startFakeChronograf } from '../fakes/chronograf.js';
import { apiFixtures, shapeDiff, type ApiFixture } from '../fakes/contract.js';
import { startFakeGrafana, type FakeGrafana } from '../fakes/grafana.js';
import { callFake } from '../fakes/server.js';

const TOKEN = 'contract-token';

const call = (url: string, method: string, body?: unknown) => callFake(url, method, body, TOKEN);

const DOC_DASHBOARD = {
  uid: 'cIBgcSjkk',
  title: 'Production Overview',
  tags: ['templated'],
  timezone: 'browser',
  schemaVersion: 16,
  version: 0,
};

/** The state each documented example assumes. */
const GRAFANA_SETUP: Record<string, (g: FakeGrafana) => Promise<unknown>> = {
  search: async (g) => {
    await call(`${g.url}/api/folders`, 'POST', { uid: '000000163', title: 'Folder' });
    await call(`${g.url}/api/dashboards/db`, 'POST', {
      dashboard: { uid: 'cIBgcSjkk', title: 'Production Overview', tags: ['prod'] },
      folderUid: '000000163',
    });
  },
  'dashboard-by-uid': async (g) => {
    await call(`${g.url}/api/folders`, 'POST', { uid: 'l3KqBxCMz', title: 'Department ABC' });
    await call(`${g.url}/api/dashboards/db`, 'POST', { dashboard: DOC_DASHBOARD, folderUid: 'l3KqBxCMz' });
  },
  'dashboard-save': (g) => call(`${g.url}/api/folders`, 'POST', { uid: 'l3KqBxCMz', title: 'Department ABC' }),
  'dashboard-version-mismatch': async (g) => {
    await call(`${g.url}/api/folders`, 'POST', { uid: 'l3KqBxCMz', title: 'Department ABC' });
    await call(`${g.url}/api/dashboards/db`, 'POST', { dashboard: DOC_DASHBOARD, folderUid: 'l3KqBxCMz' });
  },
  'dashboard-delete': (g) => call(`${g.url}/api/dashboards/db`, 'POST', { dashboard: DOC_DASHBOARD }),
  folders: (g) => call(`${g.url}/api/folders`, 'POST', { uid: 'l3KqBxCMz', title: 'Department ABC' }),
  'folder-by-uid': (g) => call(`${g.url}/api/folders`, 'POST', { uid: 'l3KqBxCMz', title: 'Department ABC' }),
  'folder-create': (g) => call(`${g.url}/api/folders`, 'POST', { uid: 'other', title: 'Department ABC' }),
  'provisioning-reload': async () => undefined,
};

/** Sends the fixture's request to a fresh fake (after `setup`) and checks the documented status and shape. */
async function checkFixture(
  fake: { url: string; close(): Promise<void> },
  fixture: ApiFixture,
  setup?: () => Promise<unknown>,
): Promise<void> {
  try {
    await setup?.();
    const answer = await call(`${fake.url}${fixture.request.path}`, fixture.request.method, fixture.request.body);
    expect(answer.status).toBe(fixture.status);
    expect(shapeDiff(fixture.response, answer.body, fixture._extraKeys)).toEqual([]);
  } finally {
    await fake.close();
  }
}

const title = (f: ApiFixture): string => `${f.request.method} ${f.request.path} (${f.name}) answers as documented`;

describe('Grafana fake against the documented responses', () => {
  for (const fixture of apiFixtures('grafana')) {
    it(title(fixture), async () => {
      expect(fixture._source).toMatch(/^Grafana HTTP API, .*https:\/\/grafana\.com\/docs\//);
      const setup = GRAFANA_SETUP[fixture.name];
      expect(setup, `no set-up for fixture ${fixture.name}`).toBeDefined();
      const g = await startFakeGrafana({ token: TOKEN });
      await checkFixture(g, fixture, () => setup!(g));
    });
  }
});

describe('Chronograf fake against the documented responses', () => {
  for (const fixture of apiFixtures('chronograf')) {
    it(title(fixture), async () => {
      expect(fixture._source).toMatch(/^Chronograf API/);
      await checkFixture(await startFakeChronograf({ token: TOKEN }), fixture);
    });
  }
});

describe('the shape comparison', () => {
  it('finds a missing key, an undocumented one, a type change and a length change', () => {
    expect(shapeDiff({ a: 1, b: [1] }, { a: '1', c: 2, b: [] })).toEqual([
      '$.c: not documented',
      '$.a: documented number, got string',
      '$.b: documented 1 items, got 0',
    ]);
    expect(shapeDiff({ a: null }, { a: { any: 1 } })).toEqual([]);
  });
});

describe('Grafana fake: documented search parameters', () => {
  it('honours type, tag, query, dashboardUIDs, folderUIDs, limit and page', async () => {
    const g = await startFakeGrafana({ token: TOKEN });
    try {
      await call(`${g.url}/api/folders`, 'POST', { uid: 'f1', title: 'Team' });
      for (const [uid, title, tags] of [
        ['d1', 'Alpha', ['calvin']],
        ['d2', 'Beta', ['calvin', 'x']],
        ['d3', 'Gamma', []],
      ] as const)
        await call(`${g.url}/api/dashboards/db`, 'POST', { dashboard: { uid, title, tags }, folderUid: 'f1' });
      const uids = async (q: string): Promise<string[]> =>
        ((await call(`${g.url}/api/search?${q}`, 'GET')).body as { uid: string }[]).map((h) => h.uid);
      expect(await uids('')).toEqual(['d1', 'd2', 'd3', 'f1']);
      expect(await uids('type=dash-db')).toEqual(['d1', 'd2', 'd3']);
      expect(await uids('type=dash-folder')).toEqual(['f1']);
      expect(await uids('tag=calvin&tag=x')).toEqual(['d2']);
      expect(await uids('query=AMM')).toEqual(['d3']);
      expect(await uids('dashboardUIDs=d3&dashboardUIDs=d1')).toEqual(['d1', 'd3']);
      expect(await uids('folderUIDs=f1&type=dash-db&limit=2')).toEqual(['d1', 'd2']);
      expect(await uids('type=dash-db&limit=2&page=2')).toEqual(['d3']);
      expect(await uids('type=dash-db&limit=2&page=3')).toEqual([]);
      expect(await uids('type=dash-db&limit=nonsense')).toEqual(['d1', 'd2', 'd3']);
    } finally {
      await g.close();
    }
  });
});

describe('Grafana fake: provisioned dashboards', () => {
  it('marks them in meta, refuses API saves and deletes, and makes a version per reload of a rewritten file', async () => {
    const g = await startFakeGrafana({ token: TOKEN });
    try {
      const reload = () => call(`${g.url}/api/admin/provisioning/dashboards/reload`, 'POST');
      g.provisioning.write([{ path: 'Team/p1', folder: 'Team', dashboard: { uid: 'p1', title: 'P1' } }]);
      expect((await call(`${g.url}/api/dashboards/uid/p1`, 'GET')).status).toBe(404); // read only on a reload
      await reload();
      const got = await call(`${g.url}/api/dashboards/uid/p1`, 'GET');
      expect(got.body.meta).toMatchObject({ provisioned: true, provisionedExternalId: 'Team/p1' });
      expect(got.body.dashboard.version).toBe(1);
      await reload(); // nothing rewritten: skipped
      expect((await call(`${g.url}/api/dashboards/uid/p1`, 'GET')).body.dashboard.version).toBe(1);
      g.provisioning.write([{ path: 'Team/p1', folder: 'Team', dashboard: { uid: 'p1', title: 'P1' } }]);
      await reload(); // same content, rewritten file: a new version
      expect((await call(`${g.url}/api/dashboards/uid/p1`, 'GET')).body.dashboard.version).toBe(2);
      const save = await call(`${g.url}/api/dashboards/db`, 'POST', {
        dashboard: { uid: 'p1', title: 'P1' },
        overwrite: true,
      });
      expect(save).toEqual({ status: 400, body: { message: 'Cannot save provisioned dashboard' } });
      expect((await call(`${g.url}/api/dashboards/uid/p1`, 'DELETE')).status).toBe(400);
      g.provisioning.remove('Team/p1');
      await reload();
      expect((await call(`${g.url}/api/dashboards/uid/p1`, 'GET')).status).toBe(404);
    } finally {
      await g.close();
    }
  });
});

describe('Chronograf fake: ids and cell validation as Chronograf does them', () => {
  it('assigns integer dashboard ids and UUID cell ids, defaults w/h, refuses invalid cells with its messages', async () => {
    const c = await startFakeChronograf({ token: TOKEN });
    try {
      const base = `${c.url}/chronograf/v1/dashboards`;
      const cell = { x: 0, y: 0, w: 0, h: -1, name: 'c', queries: [{ query: 'SELECT 1' }] };
      const created = await call(base, 'POST', { id: 'mine', name: 'd', cells: [cell] });
      expect(created.status).toBe(201);
      expect(Number.isInteger(created.body.id)).toBe(true);
      expect(created.body.cells[0].i).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(created.body.cells[0]).toMatchObject({ w: 4, h: 4, noteVisibility: 'default', note: '' });
      expect(Object.keys(created.body.cells[0].axes)).toEqual(['x', 'y', 'y2']);
      const refused = async (bad: Record<string, unknown>): Promise<string> => {
        const answer = await call(base, 'POST', { name: 'bad', cells: [{ ...cell, ...bad }] });
        expect(answer.status).toBe(422);
        return answer.body.message as string;
      };
      expect(await refused({ axes: { y: { scale: 'cubic' } } })).toMatch(/^Unexpected axis in cell/);
      expect(await refused({ axes: { y: { base: '16' } } })).toMatch(/^Unexpected axis in cell/);
      expect(await refused({ colors: [{ type: 'rainbow', hex: '#000000' }] })).toMatch(/^Invalid color type/);
      expect(await refused({ colors: [{ type: 'min', hex: '#000' }] })).toBe(
        'Invalid color. Accepted color format is #RRGGBB',
      );
      expect(await refused({ legend: { type: 'static' } })).toBe(
        'Invalid legend. Both type and orientation must be set',
      );
      expect(await refused({ legend: { type: 'static', orientation: 'up' } })).toMatch(/^Invalid orientation type/);
      expect(await refused({ legend: { type: 'dynamic', orientation: 'top' } })).toMatch(/^Invalid legend type/);
      expect(await refused({ noteVisibility: 'never' })).toBe(
        'Chronograf dashboard cell note visibility value is invalid',
      );
      expect(c.dashboards.size).toBe(1);
      const kept = created.body.cells[0].i as string;
      const put = await call(`${base}/${created.body.id}`, 'PUT', { name: 'd', cells: [{ ...cell, i: kept }, cell] });
      expect(put.body.cells.map((x: { i: string }) => x.i)[0]).toBe(kept);
      expect(put.body.cells[1].i).not.toBe(kept);
    } finally {
      await c.close();
    }
  });
});
