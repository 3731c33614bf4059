/**
 * Kapacitor API driver for deploy. POST creates (an existing id is a 400), PATCH updates. Kapacitor
 * 1.7 restarts a task's program only when its status changes (services/task_store/service.go), so an
 * update is two back-to-back requests: the new definition with `disabled`, then `enabled`. If the
 * enable fails, the previous definition and status are put back, so the alert is never left off.
 * Ownership: task ids start with `calvin-`.
 */
import type { LiveObject, TargetDriver } from '../deploy/types.js';
import { CalvinError } from '../errors.js';
import { enc, jsonClient, type DriverOptions } from './deploy-http.js';

type JsonClient = ReturnType<typeof jsonClient>;

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

function definition(task: KapacitorTask): Partial<KapacitorTask> {
  return {
    ...(task.type ? { type: task.type } : {}),
    ...(task.dbrps ? { dbrps: task.dbrps } : {}),
    script: task.script ?? '',
  };
}

/** The new program did not start: the previous definition runs again, then the failure is reported. */
async function restore(api: JsonClient, path: string, previous: KapacitorTask, failure: unknown): Promise<never> {
  const reason = failure instanceof Error ? failure.message : String(failure);
  try {
    await api.json('PATCH', path, { ...definition(previous), status: previous.status ?? 'enabled' });
  } catch (again) {
    throw new CalvinError(
      'BACKEND_ERROR',
      `Kapacitor task ${previous.id} did not start with the new script (${reason}) and the previous one could ` +
        `not be restored (${again instanceof Error ? again.message : String(again)})`,
      'the task is disabled: check it with GET /kapacitor/v1/tasks/<id> and re-run the deploy',
    );
  }
  throw new CalvinError(
    'BACKEND_ERROR',
    `Kapacitor task ${previous.id} did not start with the new script (${reason}); the previous script runs again`,
    'check the Kapacitor log, then re-run the deploy',
  );
}

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
    async update(desired, live) {
      const task = desired.body as KapacitorTask;
      const previous = live.body as KapacitorTask;
      const path = `${PATH}/${enc(desired.name)}`;
      // One request swaps the definition and stops the old program; a rejected script changes nothing.
      await api.json('PATCH', path, { ...definition(task), status: 'disabled' });
      if ((task.status ?? 'enabled') !== 'enabled') return;
      try {
        await api.json('PATCH', path, { status: 'enabled' });
      } catch (error) {
        await restore(api, path, previous, error);
      }
    },
    async remove(live) {
      await api.json('DELETE', `${PATH}/${enc(live.name)}`);
    },
    writes: api.writes,
  };
}
