/**
 * Elasticsearch composable templates for deploy: `_component_template` and `_index_template`.
 * Ownership: `_meta.managed_by: "calvin"`. Foreign templates are counted, never touched.
 */
import type { Client } from '@elastic/elasticsearch';
import type { Endpoint } from '../config.js';
import type { LiveObject, ObjectKind, TargetDriver } from '../deploy/types.js';
import { CalvinError, isCalvinError } from '../errors.js';
import { redact } from '../redact.js';
import { createElasticClient } from './es-client.js';
import { safeOrigin } from './http.js';

export const ES_MANAGED_BY = 'calvin';

export interface EsTemplateDriverOptions {
  endpoint: Endpoint & { username?: string; password?: string };
  /** Only templates whose name starts with this are considered (tests scope themselves this way). */
  namePrefix?: string;
  log?: (line: string) => void;
  client?: Client;
}

interface Named {
  name: string;
  body: { _meta?: { managed_by?: unknown } } & Record<string, unknown>;
}

const API = {
  'elasticsearch/component-template': {
    path: '_component_template',
    list: 'component_templates',
    item: 'component_template',
  },
  'elasticsearch/index-template': { path: '_index_template', list: 'index_templates', item: 'index_template' },
} as const;

type EsKind = keyof typeof API;

/** Maps @elastic/elasticsearch failures to the one-line errors users see. */
export function elasticError(error: unknown, url: string, what: string): CalvinError {
  if (isCalvinError(error)) return error;
  const e = error as { name?: string; meta?: { statusCode?: number; body?: unknown }; message?: string };
  const status = e.meta?.statusCode;
  if (status === 401 || status === 403)
    return new CalvinError(
      'UNAUTHORIZED',
      `Elasticsearch refused ${what} (${status})`,
      'check ELASTICSEARCH_TOKEN or ELASTICSEARCH_USERNAME/ELASTICSEARCH_PASSWORD in the environment',
      { cause: error },
    );
  if (!status)
    return new CalvinError(
      'BACKEND_UNREACHABLE',
      redact(`Elasticsearch at ${safeOrigin(url)} is unreachable (${e.message ?? e.name ?? 'no answer'})`),
      'check ELASTICSEARCH_URL or the "documents" service in Consul',
      { cause: error },
    );
  const detail = typeof e.meta?.body === 'string' ? e.meta.body : JSON.stringify(e.meta?.body ?? '');
  return new CalvinError(
    'BACKEND_ERROR',
    redact(`Elasticsearch answered ${status} to ${what}: ${detail.slice(0, 300)}`),
    'see the Elasticsearch logs or run with --debug',
    { cause: error },
  );
}

export function createEsTemplateDriver(options: EsTemplateDriverOptions): TargetDriver {
  const client = options.client ?? createElasticClient(options.endpoint);
  let writes = 0;
  const call = async <T>(method: 'GET' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> => {
    options.log?.(`Elasticsearch: ${method} /${path}`);
    if (method !== 'GET') writes += 1;
    try {
      return (await client.transport.request({
        method,
        path: `/${path}`,
        ...(body !== undefined ? { body: body as Record<string, unknown> } : {}),
      })) as T;
    } catch (error) {
      const status = (error as { meta?: { statusCode?: number } }).meta?.statusCode;
      if (method === 'GET' && status === 404) return {} as T;
      throw elasticError(error, options.endpoint.url, `${method} /${path}`);
    }
  };
  const inScope = (name: string): boolean => !options.namePrefix || name.startsWith(options.namePrefix);

  /** GET of all templates of a kind, or of one by name (404 → none). */
  async function fetchKind(kind: EsKind, name?: string): Promise<Named[]> {
    const api = API[kind];
    const answer = await call<Record<string, { name: string; [k: string]: unknown }[] | undefined>>(
      'GET',
      name === undefined ? api.path : `${api.path}/${encodeURIComponent(name)}`,
    );
    return (answer[api.list] ?? []).map((t) => ({ name: t.name, body: (t[api.item] ?? {}) as Named['body'] }));
  }
  const toLive = (kind: EsKind, t: Named): LiveObject => ({
    kind,
    name: t.name,
    body: t.body,
    managed: t.body._meta?.managed_by === ES_MANAGED_BY,
  });

  async function listKind(kind: EsKind, wanted: Set<string>): Promise<{ objects: LiveObject[]; foreign: number }> {
    const objects: LiveObject[] = [];
    let foreign = 0;
    for (const t of await fetchKind(kind)) {
      if (!inScope(t.name) && !wanted.has(t.name)) continue;
      const live = toLive(kind, t);
      if (!live.managed) foreign += 1;
      if (live.managed || wanted.has(t.name)) objects.push(live);
    }
    return { objects, foreign };
  }

  const put = async (kind: ObjectKind, name: string, body: unknown): Promise<void> => {
    await call('PUT', `${API[kind as EsKind].path}/${encodeURIComponent(name)}`, body);
  };

  return {
    target: 'elasticsearch',
    async list(wanted) {
      const components = await listKind(
        'elasticsearch/component-template',
        new Set(wanted.filter((w) => w.kind === 'elasticsearch/component-template').map((w) => w.name)),
      );
      const indexes = await listKind(
        'elasticsearch/index-template',
        new Set(wanted.filter((w) => w.kind === 'elasticsearch/index-template').map((w) => w.name)),
      );
      return { objects: [...components.objects, ...indexes.objects], foreign: components.foreign + indexes.foreign };
    },
    async read(kind, name) {
      const found = (await fetchKind(kind as EsKind, name)).find((t) => t.name === name);
      return found ? toLive(kind as EsKind, found) : undefined;
    },
    create: (desired) => put(desired.kind, desired.name, desired.body),
    update: (desired) => put(desired.kind, desired.name, desired.body),
    async remove(live) {
      await call('DELETE', `${API[live.kind as EsKind].path}/${encodeURIComponent(live.name)}`);
    },
    writes: () => writes,
  };
}
