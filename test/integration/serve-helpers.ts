/** Starts calvin serve in-process on the real stack, with its own indices and spool, and talks to it. */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Config } from '../../src/config.js';
import { OPENAPI_DOCUMENT } from '../../src/serve/openapi.js';
import { type RunningServe, startServe, type StartOptions } from '../../src/serve/server.js';
import { shippedCatalog, stackConfig } from './diagnose-helpers.js';

export const TOKEN = 'serve-test-token-5f2a';
export const ES = { url: 'http://127.0.0.1:19200' };

export function serveConfig(elasticsearchUrl = ES.url): Config {
  return { ...stackConfig(), elasticsearch: { url: elasticsearchUrl }, influx: { url: 'http://127.0.0.1:18086' } };
}

export function uniqueSuffix(label: string): string {
  return `-t${label}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

export async function tempSpool(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'calvin-serve-spool-'));
}

export async function startTestServe(options: Partial<StartOptions> & { config?: Config } = {}): Promise<RunningServe> {
  const { config, ...rest } = options;
  return startServe(config ?? serveConfig(), await shippedCatalog(), {
    host: '127.0.0.1',
    port: 0,
    token: TOKEN,
    protectReads: false,
    processMetrics: false,
    log: () => undefined,
    spoolDir: await tempSpool(),
    ...rest,
  });
}

export function post(base: string, route: string, body: unknown, token: string | null = TOKEN): Promise<Response> {
  return fetch(`${base}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function kapacitorAlert(fields: { id: string; time?: string; level?: string; tags?: Record<string, string> }) {
  return {
    id: fields.id,
    message: `${fields.level ?? 'CRITICAL'}: ${fields.id}`,
    details: '<p>details</p>',
    time: fields.time ?? new Date().toISOString(),
    duration: 0,
    level: fields.level ?? 'CRITICAL',
    previousLevel: 'OK',
    data: { series: [{ name: 'disk', tags: fields.tags ?? {}, columns: ['time', 'value'], values: [] }] },
  };
}

/** Waits for a condition the system reaches on its own (no assertion on how long it takes). */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, limitMs = 60_000): Promise<T> {
  const end = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`never happened: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat('date-time', (v: string) => !Number.isNaN(Date.parse(v)));
ajv.addSchema({ ...OPENAPI_DOCUMENT, $id: 'openapi.json' });

/**
 * Checks a real answer against the OpenAPI document: the operation must list the status, and a JSON
 * body must validate against the schema given for it. Returns the errors (empty when valid).
 */
export function contractErrors(route: string, method: string, status: number, body: unknown): string[] {
  const paths = OPENAPI_DOCUMENT.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
  const op = paths[route]?.[method];
  if (!op) return [`${method} ${route} is not in the document`];
  const response = op.responses[String(status)] as { content?: Record<string, { schema: unknown }> } | undefined;
  if (!response) return [`${method} ${route} does not document status ${status}`];
  const schema = response.content?.['application/json']?.schema as { $ref?: string } | undefined;
  if (!schema) return [];
  const validate = schema.$ref
    ? ajv.getSchema(`openapi.json${schema.$ref}`)
    : ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components', '"openapi.json#/components')));
  if (!validate) return [`no schema for ${JSON.stringify(schema)}`];
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
