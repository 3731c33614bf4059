/**
 * Kapacitor API driver for deploy. POST creates (an existing id is a 400), PATCH updates; a running
 * task keeps its old program until it is disabled and enabled again, so updates do both.
 * Ownership: task ids start with `calvin-`.
 */
import type { LiveObject, TargetDriver } from '../deploy/types.js';
import { enc, jsonClient, type DriverOptions } from './deploy-http.js';

export const KAPACITOR_MANAGED_PREFIX = 'calvin-';

interface KapacitorTask {
  id: string;
  type?: string;
  dbrps?: { db: string; rp: string }[];
  script?: string;
  status?: 'enabled' | 'disabled';
  [key: string]: unknown;
}

const PATH = '/kapacitor/v1/tasks';
const PAGE = 500;
// Kapacitor reformats TICKscripts unless asked for the raw text: compare and back up what was sent.
const VIEW = 'dot-view=labels&script-format=raw';

const toLive = (t: KapacitorTask): LiveObject => ({
  kind: 'kapacitor/task',
  name: t.id,
  body: t,
  managed: t.id.startsWith(KAPACITOR_MANAGED_PREFIX),
});

export function createKapacitorDriver(options: DriverOptions): TargetDriver {
  const api = jsonClient('Kapacitor', options);
  return {
    target: 'kapacitor',
    async list(wanted) {
      const tasks: KapacitorTask[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const page = await api.json<{ tasks: KapacitorTask[] }>(
          'GET',
          `${PATH}?offset=${offset}&limit=${PAGE}&${VIEW}`,
        );
        tasks.push(...page.tasks);
        if (page.tasks.length < PAGE) break;
      }
      const ids = new Set(wanted.map((w) => w.name));
      const objects: LiveObject[] = [];
      let foreign = 0;
      for (const t of tasks) {
        const live = toLive(t);
        if (!live.managed) foreign += 1;
        if (live.managed || ids.has(t.id)) objects.push(live);
      }
      return { objects, foreign };
    },
    async read(_kind, name) {
      const task = await api.maybe<KapacitorTask>(`${PATH}/${enc(name)}?${VIEW}`);
      return task ? toLive(task) : undefined;
    },
    async create(desired) {
      const task = desired.body as KapacitorTask;
      // Only the definition: a restored backup also carries run state (stats, executing, ...).
      await api.json('POST', PATH, {
        id: desired.name,
        type: task.type ?? 'stream',
        dbrps: task.dbrps ?? [],
        script: task.script ?? '',
        status: task.status ?? 'enabled',
      });
    },
    async update(desired) {
      const task = desired.body as KapacitorTask;
      const path = `${PATH}/${enc(desired.name)}`;
      await api.json('PATCH', path, {
        ...(task.type ? { type: task.type } : {}),
        ...(task.dbrps ? { dbrps: task.dbrps } : {}),
        script: task.script,
      });
      // The new program only runs after a disable/enable cycle.
      await api.json('PATCH', path, { status: 'disabled' });
      if ((task.status ?? 'enabled') === 'enabled') await api.json('PATCH', path, { status: 'enabled' });
    },
    async remove(live) {
      await api.json('DELETE', `${PATH}/${enc(live.name)}`);
    },
    writes: api.writes,
  };
}
