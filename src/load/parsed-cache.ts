/**
 * Files parsed once per content: a YAML config or known-issue file's value, once parsed and checked,
 * is kept as JSON under the hash of its text in calvin's cache folder. A run over unchanged files then
 * loads neither the yaml package (~170 modules) nor ajv, which cost a CLI diagnosis 50-100 ms.
 * Only values JSON carries exactly are kept; any cache failure just means parsing again.
 */
import { createRequire } from 'node:module';
import { readCache, transformKey, writeCache } from './transform-cache.js';

const FORMAT = 'calvin-parsed-1';
const EXTENSION = 'parsed.json';

let version: string | undefined;

/** calvin's version (parsers and checks change with it), from package.json two folders up. */
export function calvinVersion(): string {
  version ??= (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
  return version;
}

function key(kind: string, text: string): string {
  return transformKey([FORMAT, calvinVersion(), kind, text]);
}

/** True when JSON.parse(JSON.stringify(value)) gives the value back (no NaN, Infinity, undefined, Date...). */
export function survivesJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(survivesJson);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value as Record<string, unknown>).every(survivesJson);
}

/** The value stored for this text under `kind`; undefined when absent or unreadable. */
export function cachedParse(kind: string, text: string): unknown {
  const json = readCache(key(kind, text), EXTENSION);
  if (json === undefined) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

/** Keeps a parsed and checked value for this text (best effort; callers need not wait). */
export function storeParsed(kind: string, text: string, value: unknown): Promise<void> {
  if (!survivesJson(value)) return Promise.resolve();
  return writeCache(key(kind, text), JSON.stringify(value), EXTENSION);
}
