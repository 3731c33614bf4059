/**
 * Response fixtures written from the APIs' documentation (test/fixtures/api/<api>/*.json: `_source`
 * names the documented endpoint, `request`, `status`, `response`), and the shape comparison the
 * contract test makes between a fixture and what a fake answers to the same request.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface ApiFixture {
  name: string;
  _source: string;
  /** Keys the fake may return beyond the documented example (named with their source in `_source`). */
  _extraKeys?: string[];
  request: { method: string; path: string; body?: unknown };
  status: number;
  response: unknown;
}

const ROOT = path.join(import.meta.dirname, '..', 'fixtures', 'api');

export function apiFixtures(api: 'grafana' | 'chronograf'): ApiFixture[] {
  const dir = path.join(ROOT, api);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.json$/, ''),
      ...(JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as object),
    }))
    .map((f) => f as ApiFixture);
}

const kind = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/**
 * Where `actual` does not have the documented shape: the same keys (plus `extra` ones) with values of the
 * same JSON type, arrays of the same length, element by element. A documented `null` accepts any value.
 */
export function shapeDiff(documented: unknown, actual: unknown, extra: readonly string[] = [], at = '$'): string[] {
  if (documented === null) return [];
  if (kind(documented) !== kind(actual)) return [`${at}: documented ${kind(documented)}, got ${kind(actual)}`];
  if (Array.isArray(documented)) {
    const list = actual as unknown[];
    if (list.length !== documented.length) return [`${at}: documented ${documented.length} items, got ${list.length}`];
    return documented.flatMap((d, i) => shapeDiff(d, list[i], extra, `${at}[${i}]`));
  }
  if (kind(documented) !== 'object') return [];
  const doc = documented as Record<string, unknown>;
  const got = actual as Record<string, unknown>;
  const missing = Object.keys(doc)
    .filter((k) => !(k in got))
    .map((k) => `${at}.${k}: documented, missing`);
  const unexpected = Object.keys(got)
    .filter((k) => !(k in doc) && !extra.includes(k))
    .map((k) => `${at}.${k}: not documented`);
  const nested = Object.keys(doc)
    .filter((k) => k in got)
    .flatMap((k) => shapeDiff(doc[k], got[k], extra, `${at}.${k}`));
  return [...missing, ...unexpected, ...nested];
}
