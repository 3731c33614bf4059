/** Reading plugin settings the way Logstash coerces them (string → list, pairs → hash, ...). */
import { isPlainObject } from './event.js';
import type { SettingValue, Settings } from './types.js';
import { FilterConfigError } from './types.js';

export function asString(v: SettingValue | undefined, what: string): string | undefined {
  if (v === undefined) return undefined;
  if (Array.isArray(v) && v.length === 1) return asString(v[0], what);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new FilterConfigError(`${what} must be a string`);
}

export function asList(v: SettingValue | undefined): string[] {
  if (v === undefined) return [];
  if (Array.isArray(v)) return v.flatMap((x) => asList(x));
  if (isPlainObject(v)) return [JSON.stringify(v)];
  return [String(v)];
}

export function asBool(v: SettingValue | undefined, fallback: boolean, what: string): boolean {
  if (v === undefined) return fallback;
  const s = asString(v, what);
  if (s === 'true') return true;
  if (s === 'false') return false;
  throw new FilterConfigError(`${what} must be true or false, not '${s}'`);
}

/** A setting with a fixed set of values (Logstash rejects the pipeline for any other). */
export function asChoice<T extends string>(
  v: SettingValue | undefined,
  choices: readonly T[],
  what: string,
): T | undefined {
  const s = asString(v, what);
  if (s === undefined) return undefined;
  const found = choices.find((c) => c === s);
  if (found === undefined) throw new FilterConfigError(`${what} must be one of ${choices.join(', ')}, not '${s}'`);
  return found;
}

/** A non-negative integer setting (timeouts, counts). */
export function asCount(v: SettingValue | undefined, what: string): number | undefined {
  const s = asString(v, what);
  if (s === undefined) return undefined;
  if (!/^\d+$/.test(s)) throw new FilterConfigError(`${what} must be a non-negative integer, not '${s}'`);
  return Number(s);
}

/** ecs_compatibility of a plugin: `disabled`, `v1` or `v8` (Logstash 8 defaults to v8). */
export const ECS_MODES = ['disabled', 'v1', 'v8'] as const;

/** A hash setting; Logstash also accepts `[k1, v1, k2, v2]`. Values stay as written. */
export function asHash(v: SettingValue | undefined, what: string): [string, SettingValue][] {
  if (v === undefined) return [];
  if (isPlainObject(v)) return Object.entries(v as Record<string, SettingValue>);
  if (Array.isArray(v)) {
    if (v.length % 2 !== 0) throw new FilterConfigError(`${what} must be a hash or an array of key, value pairs`);
    const out: [string, SettingValue][] = [];
    for (let i = 0; i < v.length; i += 2) out.push([String(v[i]), v[i + 1] as SettingValue]);
    return out;
  }
  throw new FilterConfigError(`${what} must be a hash`);
}

/**
 * Repeated settings merge as Logstash's config compiler (lscl.rb expr_attributes) merges them:
 * hashes merge, arrays concatenate, and two scalars become [first, second] unless they are equal,
 * in which case the setting keeps its one value (elastic/logstash#10619).
 */
export function mergeSetting(existing: SettingValue | undefined, next: SettingValue): SettingValue {
  if (existing === undefined) return next;
  if (isPlainObject(existing) && isPlainObject(next)) return { ...(existing as Settings), ...(next as Settings) };
  if (!Array.isArray(existing) && !isPlainObject(existing) && existing === next) return existing;
  const a = Array.isArray(existing) ? existing : [existing];
  const b = Array.isArray(next) ? next : [next];
  return [...a, ...b];
}

export const COMMON_SETTINGS = [
  'add_field',
  'add_tag',
  'remove_field',
  'remove_tag',
  'id',
  'enable_metric',
  'periodic_flush',
] as const;
