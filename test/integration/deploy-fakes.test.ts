/** The contract fakes reproduce the documented behaviour and quirks the deploy code relies on. */
import { describe, expect, it } from 'vitest';
import { startFakeChronograf } from '../fakes/chronograf.js';
import { startFakeGrafana } from '../fakes/grafana.js';
import { startFakeKapacitor } from '../fakes/kapacitor.js';
import { callFake } from '../fakes/server.js';

const call = (url: string, method: string, body?: unknown, token = 't0ken-abc') => callFake(url, method, body, token);

describe('Grafana fake', () => {
  it('requires the token, bumps version on every save, keeps versions, 412 on mismatch without overwrite', async () => {
    const g = await startFakeGrafana({ token: 't0ken-abc' });
    try {
      expect((await call(`${g.url}/api/search`, 'GET', undefined, 'wrong')).status).toBe(401);
      const first = await call(`${g.url}/api/dashboards/db`, 'POST', {
        dashboard: { uid: 'u1', title: 'A' },
        overwrite: false,
      });
      expect(first.body).toMatchObject({ uid: 'u1', version: 1, status: 'success' });
      const second = await call(`${g.url}/api/dashboards/db`, 'POST', {
        dashboard: { uid: 'u1', title: 'A' },
        overwrite: true,
        message: 'm',
      });
      expect(second.body.version).toBe(2); // same content, still a new version
      expect(g.versionCount()).toBe(2);
      const stale = await call(`${g.url}/api/dashboards/db`, 'POST', {
        dashboard: { uid: 'u1', title: 'B', version: 1 },
        overwrite: false,
      });
      expect(stale.status).toBe(412);
      expect(
        (await call(`${g.url}/api/dashboards/db`, 'POST', { dashboard: { uid: 'u2' }, folderUid: 'nope' })).status,
      ).toBe(400);
      expect((await call(`${g.url}/api/folders`, 'POST', { uid: 'f', title: 'F' })).status).toBe(200);
      const got = await call(`${g.url}/api/dashboards/uid/u1`, 'GET');
      expect(got.body.dashboard).toMatchObject({ id: 1, uid: 'u1', version: 2 });
      g.failWrite(1);
      expect((await call(`${g.url}/api/folders`, 'POST', { uid: 'g' })).status).toBe(500);
      expect(g.writes()).toBe(3);
    } finally {
      await g.close();
    }
  });
});

describe('Grafana fake: same title in a folder, folders by title', () => {
  it('412 name-exists without overwrite (overwrite takes the other dashboard over); 409 for a folder title under a new uid', async () => {
    const g = await startFakeGrafana({ token: 't0ken-abc' });
    try {
      expect((await call(`${g.url}/api/folders`, 'POST', { uid: 'f1', title: 'Team' })).status).toBe(200);
      expect((await call(`${g.url}/api/folders`, 'POST', { uid: 'f2', title: 'Team' })).status).toBe(409);
      expect((await call(`${g.url}/api/folders`, 'GET')).body).toEqual([{ id: 1, uid: 'f1', title: 'Team' }]);
      await call(`${g.url}/api/dashboards/db`, 'POST', { dashboard: { uid: 'hand', title: 'Nexus' }, folderUid: 'f1' });
      const clash = await call(`${g.url}/api/dashboards/db`, 'POST', {
        dashboard: { uid: 'calvin-nexus', title: 'Nexus' },
        folderUid: 'f1',
        overwrite: false,
      });
      expect(clash.status).toBe(412);
      expect(clash.body.status).toBe('name-exists');
      // Elsewhere the title is free.
      expect(
        (
          await call(`${g.url}/api/dashboards/db`, 'POST', {
            dashboard: { uid: 'calvin-nexus', title: 'Nexus' },
            overwrite: false,
          })
        ).status,
      ).toBe(200);
      // With overwrite, Grafana replaces the same-titled dashboard, keeping its uid: what calvin must never send.
      const taken = await call(`${g.url}/api/dashboards/db`, 'POST', {
        dashboard: { uid: 'calvin-other', title: 'Nexus', panels: [] },
        folderUid: 'f1',
        overwrite: true,
      });
      expect(taken.body).toMatchObject({ uid: 'hand', version: 2 });
      expect(g.dashboards.has('calvin-other')).toBe(false);
    } finally {
      await g.close();
    }
  });
});

describe('Chronograf fake', () => {
  it('ignores a client id on POST, replaces on PUT, adds links and cell ids', async () => {
    const c = await startFakeChronograf({ token: 't0ken-abc' });
    try {
      const created = await call(`${c.url}/chronograf/v1/dashboards`, 'POST', {
        id: 5,
        name: 'calvin/x',
        cells: [{ x: 0 }],
      });
      expect(created.status).toBe(201);
      expect(created.body.id).not.toBe(5);
      expect(created.body.cells[0].i).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/); // Chronograf: UUIDs
      expect(created.body.links.self).toBe(`/chronograf/v1/dashboards/${created.body.id}`);
      const put = await call(`${c.url}/chronograf/v1/dashboards/${created.body.id}`, 'PUT', {
        name: 'calvin/x',
        cells: [],
      });
      expect(put.body).toMatchObject({ id: created.body.id, cells: [] });
      expect((await call(`${c.url}/chronograf/v1/dashboards/9999`, 'PUT', { name: 'y' })).status).toBe(404);
    } finally {
      await c.close();
    }
  });
});

describe('Kapacitor fake', () => {
  it('rejects POST of an existing id; a PATCHed enabled task runs the old program until disabled and enabled', async () => {
    const k = await startFakeKapacitor({ token: 't0ken-abc' });
    try {
      const task = {
        id: 't',
        type: 'stream',
        dbrps: [{ db: 'system', rp: 'autogen' }],
        script: 'old',
        status: 'enabled',
      };
      expect((await call(`${k.url}/kapacitor/v1/tasks`, 'POST', task)).status).toBe(200);
      expect((await call(`${k.url}/kapacitor/v1/tasks`, 'POST', task)).status).toBe(400);
      await call(`${k.url}/kapacitor/v1/tasks/t`, 'PATCH', { script: 'new' });
      expect(k.tasks.get('t')).toMatchObject({ script: 'new', runningScript: 'old', status: 'enabled' });
      await call(`${k.url}/kapacitor/v1/tasks/t`, 'PATCH', { status: 'disabled' });
      await call(`${k.url}/kapacitor/v1/tasks/t`, 'PATCH', { status: 'enabled' });
      expect(k.tasks.get('t')?.runningScript).toBe('new');
      expect(k.reloads()).toBe(2);
      const listed = await call(`${k.url}/kapacitor/v1/tasks`, 'GET');
      expect(listed.body.tasks[0]).toMatchObject({ id: 't', executing: true, status: 'enabled' });
      // Scripts come back reformatted unless the raw text is asked for, as real Kapacitor does.
      await call(`${k.url}/kapacitor/v1/tasks/t`, 'PATCH', { script: "stream\n  |from()\n    .measurement('cpu')\n" });
      expect((await call(`${k.url}/kapacitor/v1/tasks/t`, 'GET')).body.script).toBe(
        "stream\n    |from()\n        .measurement('cpu')\n",
      );
      expect((await call(`${k.url}/kapacitor/v1/tasks/t?script-format=raw`, 'GET')).body.script).toBe(
        "stream\n  |from()\n    .measurement('cpu')\n",
      );
      expect((await call(`${k.url}/kapacitor/v1/tasks?script-format=raw`, 'GET')).body.tasks[0].script).toBe(
        "stream\n  |from()\n    .measurement('cpu')\n",
      );
    } finally {
      await k.close();
    }
  });
});
