/**
 * Changes made by someone else between plan and apply, and hand-made Grafana objects in calvin's
 * way: the deploy stops (exit 1) and reports, it never overwrites them.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGrafanaDriver } from '../../src/backends/grafana.js';
import type { BackupManifest } from '../../src/deploy/backup.js';
import { isCalvinError } from '../../src/errors.js';
import { capture, ES, harness, type Harness } from '../fakes/deploy-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.close();
});

/** Terminal io whose confirmation runs `edit` first: the edit lands after the plan, before the apply. */
function editAtConfirmation(edit: () => Promise<void> | void) {
  return { ...capture(), interactive: true, ask: async () => (await edit(), 'yes') };
}

function backupFiles(dir: string): { manifest: BackupManifest; objects: string } {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
  const folder = path.join(dir, 'objects');
  const objects = (existsSync(folder) ? readdirSync(folder) : [])
    .map((f) => readFileSync(path.join(dir, 'objects', f), 'utf8'))
    .join('\n');
  return { manifest, objects };
}

describe('a change made between plan and apply', () => {
  it('Grafana: stops with exit 1 before overwriting the hand edit, which the backup holds', async () => {
    await h.deploy();
    const uid = h.uid('one');
    const io = editAtConfirmation(() => {
      const s = h.grafana.dashboards.get(uid)!;
      h.grafana.putByHand({ ...s.dashboard, title: 'URGENT HAND FIX' }, s.folderUid);
    });
    const result = await h.deploy({ revision: 2 }, { yes: false, io });
    expect(result.exitCode).toBe(1);
    expect(h.grafana.dashboards.get(uid)!.dashboard.title).toBe('URGENT HAND FIX');
    const out = io.out.join('');
    expect(out).toContain('Applied 6 of 12 change(s)');
    expect(out).toContain(
      `~ grafana/dashboard ${uid}: grafana/dashboard ${uid} was changed by someone else since the plan; not overwritten`,
    );
    expect(out).toContain(`Not applied:\n  ~ grafana/dashboard ${h.uid('two')}`);
    const { manifest, objects } = backupFiles(result.apply!.backupDir);
    expect(objects).toContain('URGENT HAND FIX');
    expect(manifest.entries.find((e) => e.name === uid)?.state).toBe('conflict');
    // Rollback undoes what was applied and leaves the hand edit alone.
    const back = await h.rollback();
    expect(back.exitCode).toBe(0);
    expect(back.io.out.join('')).not.toContain(uid);
    expect(h.grafana.dashboards.get(uid)!.dashboard.title).toBe('URGENT HAND FIX');
  });

  it('Kapacitor, Elasticsearch, Chronograf: an edit, or a create by someone else, stops the deploy', async () => {
    await h.deploy();
    const taskId = `calvin-${h.prefix}-one`;
    const kapacitor = await h.deploy(
      { revision: 2 },
      { yes: false, io: editAtConfirmation(() => void (h.kapacitor.tasks.get(taskId)!.script = 'URGENT HAND SCRIPT')) },
    );
    expect(kapacitor.exitCode).toBe(1);
    expect(h.kapacitor.tasks.get(taskId)!.script).toBe('URGENT HAND SCRIPT');
    expect(backupFiles(kapacitor.apply!.backupDir).objects).toContain('URGENT HAND SCRIPT');

    const template = `${h.prefix}-one`;
    const edit = async (): Promise<void> => {
      const body = {
        index_patterns: [`${template}-*`],
        priority: 777,
        composed_of: [`${h.prefix}-ecs`],
        _meta: { managed_by: 'calvin' },
      };
      await fetch(`${ES}/_index_template/${template}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    };
    const es = await h.deploy({ revision: 3 }, { yes: false, io: editAtConfirmation(edit) });
    expect(es.exitCode).toBe(1);
    expect(es.apply!.applied).toEqual([]);
    expect((await h.esTemplate(template))?.priority).toBe(777);

    const gone = `calvin/${h.prefix} two`;
    for (const [id, d] of h.chronograf.dashboards) if (d.name === gone) h.chronograf.dashboards.delete(id);
    const created = await h.deploy(
      {},
      { yes: false, io: editAtConfirmation(() => void h.chronograf.putByHand({ name: gone, cells: [] })) },
    );
    expect(created.exitCode).toBe(1);
    expect(created.io.out.join('')).toContain(
      `chronograf/dashboard ${gone} was created by someone else since the plan`,
    );
    expect([...h.chronograf.dashboards.values()].filter((d) => d.name === gone)).toHaveLength(1);
  });

  it('Grafana driver: an update carries the version it saw, so a save in between is a 412 version-mismatch, not an overwrite', async () => {
    await h.deploy();
    const driver = createGrafanaDriver({ url: h.grafana.url, token: h.token, commit: 'abc' });
    const uid = h.uid('one');
    const { objects } = await driver.list([]);
    const stale = objects.find((o) => o.name === uid)!;
    const s = h.grafana.dashboards.get(uid)!;
    h.grafana.putByHand({ ...s.dashboard, title: 'edited meanwhile' }, s.folderUid);
    const desired = {
      kind: 'grafana/dashboard' as const,
      name: uid,
      body: { dashboard: { uid, title: 'calvin', tags: ['calvin'] }, folderUid: s.folderUid },
    };
    const error = await driver.update(desired, stale).catch((e: unknown) => e);
    expect(isCalvinError(error) && error.oneLine()).toBe(
      `Grafana dashboard ${uid} was changed by someone else since the plan (412 version-mismatch) (run the plan again to see the current state, then deploy again)`,
    );
    expect(h.grafana.dashboards.get(uid)!.dashboard.title).toBe('edited meanwhile');
  });
});

describe('hand-made Grafana objects in the way', () => {
  it('a hand-made dashboard with the same title in the folder is not taken over: clear failure, exit 1', async () => {
    const folderUid = `calvin-${h.prefix}`;
    h.grafana.folders.set(folderUid, { uid: folderUid, title: 'Calvin fixtures', id: 1 });
    h.grafana.putByHand({ uid: 'hand-made-one', title: 'Fixture one r1', tags: ['team'] }, folderUid);
    const result = await h.deploy();
    expect(result.exitCode).toBe(1);
    expect(result.io.out.join('')).toContain(
      `Grafana folder "${folderUid}" already holds another dashboard titled "Fixture one r1" that calvin did not create; calvin does not take it over`,
    );
    expect(h.grafana.dashboards.get('hand-made-one')).toMatchObject({
      dashboard: { title: 'Fixture one r1', tags: ['team'], version: 1 },
    });
    expect(h.grafana.dashboards.has(h.uid('one'))).toBe(false);
  });

  it('a folder with the same title under another uid is reused, and the next plan is empty', async () => {
    h.grafana.folders.set('made-by-hand', { uid: 'made-by-hand', title: 'Calvin fixtures', id: 1 });
    const first = await h.deploy();
    expect(first.exitCode).toBe(0);
    expect([...h.grafana.folders.keys()]).toEqual(['made-by-hand']);
    expect(h.grafana.dashboards.get(h.uid('one'))?.folderUid).toBe('made-by-hand');
    expect(first.io.out.join('')).not.toContain('Also created');
    const again = await h.deploy({}, { planOnly: true });
    expect(again.io.out.join('')).toContain('No changes.');
  });

  it('reports the folders a deploy created (kept in the manifest; rollback leaves them)', async () => {
    const first = await h.deploy();
    expect(first.io.out.join('')).toContain(
      `Also created: grafana/folder calvin-${h.prefix} (rollback leaves them in place)`,
    );
    expect(backupFiles(first.apply!.backupDir).manifest.sideEffects).toEqual([`grafana/folder calvin-${h.prefix}`]);
    const back = await h.rollback();
    expect(back.io.out.join('')).toContain(`Left in place: grafana/folder calvin-${h.prefix}`);
    expect(h.grafana.folders.has(`calvin-${h.prefix}`)).toBe(true);
  });
});
