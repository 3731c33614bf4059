/**
 * Contract fake of Kapacitor's task API: POST of an existing id is a 400; PATCH updates the stored
 * definition, but an enabled task keeps executing its old program until it is disabled and enabled
 * again (`executing` vs `script`); tasks have `status`, `executing`, `created`, `modified`, ...
 * GETs return the TICKscript reformatted (as Kapacitor's formatter does) unless `script-format=raw`.
 * Validation and status codes as Kapacitor 1.7.6 (services/task_store/service.go): a task needs a type
 * (stream|batch), at least one dbrp and a TICKscript that parses, else 400 (a PATCH with an empty dbrp
 * list keeps the old ones); DELETE of a missing task is 204. test/integration/kapacitor-contract.test.ts runs the same suite against this fake and the real
 * Kapacitor of the stack. Use it only to inject faults the real engine cannot be made to show.
 */
import { checkTickscript } from '../../src/lang/tickscript/parser.js';
import { clone, startFake, type FakeOptions, type FakeServer } from './server.js';

export interface FakeTask {
  id: string;
  type: string;
  dbrps: { db: string; rp: string }[];
  script: string;
  status: 'enabled' | 'disabled';
  /** The program actually running (what `script` was when the task was last enabled). */
  runningScript: string | undefined;
  created: string;
  modified: string;
  'last-enabled': string;
}

export interface FakeKapacitor extends FakeServer {
  tasks: Map<string, FakeTask>;
  /** Number of times a task (re)started its program. */
  reloads(): number;
  putByHand(task: Pick<FakeTask, 'id' | 'script'> & Partial<FakeTask>): void;
}

const BASE = '/kapacitor/v1/tasks';

/** Kapacitor's formatter, in miniature: chained nodes at 4 spaces, properties at 8, one blank line between statements. */
export function formatTick(script: string): string {
  const lines = script
    .split('\n')
    .map((l) => l.trim())
    .filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== '' && all.slice(i).some((x) => x !== '')));
  return `${lines.map((l) => (l.startsWith('|') ? `    ${l}` : l.startsWith('.') ? `        ${l}` : l)).join('\n')}\n`;
}

/** Kapacitor's 400s for a definition: unknown type, an empty dbrp list, a script that does not parse. */
function invalidDefinition(b: Record<string, unknown>, patch: boolean): { status: number; body: unknown } | undefined {
  if (b.type !== undefined && b.type !== 'stream' && b.type !== 'batch')
    return { status: 400, body: { error: `invalid task type: ${String(b.type)}` } };
  // On PATCH an empty list means "not given": the task keeps its dbrps.
  if (!patch && (!Array.isArray(b.dbrps) || b.dbrps.length === 0))
    return { status: 400, body: { error: 'must specify dbrp' } };
  if (typeof b.script === 'string') {
    const problem = checkTickscript(b.script)[0];
    if (problem) return { status: 400, body: { error: `invalid TICKscript: ${problem.message}` } };
  }
  return undefined;
}

export async function startFakeKapacitor(options: FakeOptions = {}): Promise<FakeKapacitor> {
  const tasks = new Map<string, FakeTask>();
  let reloads = 0;
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const stamp = (): string => new Date((clock += 1000)).toISOString();

  const view = (t: FakeTask, raw = false): Record<string, unknown> => ({
    link: { rel: 'self', href: `${BASE}/${t.id}` },
    id: t.id,
    'template-id': '',
    type: t.type,
    dbrps: clone(t.dbrps),
    script: raw ? t.script : formatTick(t.script),
    vars: {},
    dot: `digraph ${t.id} {}`,
    status: t.status,
    executing: t.status === 'enabled',
    error: '',
    stats: {},
    created: t.created,
    modified: t.modified,
    'last-enabled': t['last-enabled'],
  });

  const create = (b: Record<string, unknown>): { status: number; body: unknown } => {
    const id = String(b.id ?? '');
    if (!id) return { status: 400, body: { error: 'must provide an id' } };
    if (tasks.has(id)) return { status: 400, body: { error: `task ${id} already exists` } };
    if (typeof b.script !== 'string' || !b.script) return { status: 400, body: { error: 'must provide TICKscript' } };
    const invalid = invalidDefinition(b, false);
    if (invalid) return invalid;
    const now = stamp();
    const status = b.status === 'enabled' ? 'enabled' : 'disabled';
    const task: FakeTask = {
      id,
      type: String(b.type ?? 'stream'),
      dbrps: (b.dbrps as FakeTask['dbrps']) ?? [],
      script: b.script,
      status,
      runningScript: undefined,
      created: now,
      modified: now,
      'last-enabled': '',
    };
    if (status === 'enabled') {
      task.runningScript = task.script;
      task['last-enabled'] = now;
      reloads += 1;
    }
    tasks.set(id, task);
    return { status: 200, body: view(task) };
  };

  const server = await startFake(options, ({ method, path, query, body }) => {
    const b = (body ?? {}) as Record<string, unknown>;
    if (path === BASE && method === 'GET') {
      const offset = Number(query.get('offset') ?? 0);
      const limit = Number(query.get('limit') ?? 100);
      const raw = query.get('script-format') === 'raw';
      return {
        status: 200,
        body: {
          tasks: [...tasks.values()]
            .sort((x, y) => x.id.localeCompare(y.id))
            .slice(offset, offset + limit)
            .map((t) => view(t, raw)),
        },
      };
    }
    if (path === BASE && method === 'POST') return create(b);
    const one = /^\/kapacitor\/v1\/tasks\/([^/]+)$/.exec(path);
    if (one) {
      const id = decodeURIComponent(one[1] ?? '');
      const task = tasks.get(id);
      if (!task) {
        if (method === 'DELETE') return { status: 204 };
        return {
          status: 404,
          body: { error: method === 'PATCH' ? 'task does not exist, cannot update' : 'no task exists' },
        };
      }
      if (method === 'GET') return { status: 200, body: view(task, query.get('script-format') === 'raw') };
      if (method === 'DELETE') {
        tasks.delete(id);
        return { status: 204 };
      }
      if (method === 'PATCH') {
        const invalid = invalidDefinition(b, true);
        if (invalid) return invalid;
        if (typeof b.script === 'string') task.script = b.script;
        if (Array.isArray(b.dbrps) && b.dbrps.length > 0) task.dbrps = b.dbrps as FakeTask['dbrps'];
        if (typeof b.type === 'string') task.type = b.type;
        if (b.status === 'disabled' && task.status === 'enabled') {
          task.status = 'disabled';
          task.runningScript = undefined;
        } else if (b.status === 'enabled' && task.status === 'disabled') {
          task.status = 'enabled';
          task.runningScript = task.script; // only now does the new program run
          task['last-enabled'] = stamp();
          reloads += 1;
        }
        task.modified = stamp();
        return { status: 200, body: view(task) };
      }
    }
    return { status: 404, body: { error: 'not found' } };
  });

  return {
    ...server,
    tasks,
    reloads: () => reloads,
    putByHand(task) {
      create({ type: 'stream', dbrps: [{ db: 'system', rp: 'autogen' }], status: 'enabled', ...task });
    },
  };
}
