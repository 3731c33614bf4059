/**
 * Events as nested plain objects, addressed by paths (`['process', 'pid']`), with Logstash's
 * sprintf (`%{[a][b]}`, `%{+YYYY.MM.dd}`).
 */
import { formatJoda } from './joda.js';

export type LogEvent = Record<string, unknown>;

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function getPath(event: LogEvent, path: readonly string[]): unknown {
  let cur: unknown = event;
  for (const key of path) {
    if (!isPlainObject(cur) || !Object.hasOwn(cur, key)) return undefined;
    cur = cur[key];
  }
  return cur;
}

export function hasPath(event: LogEvent, path: readonly string[]): boolean {
  let cur: unknown = event;
  for (const key of path) {
    if (!isPlainObject(cur) || !Object.hasOwn(cur, key)) return false;
    cur = cur[key];
  }
  return true;
}

/** Sets a value, creating (or replacing non-object) parents. */
export function setPath(event: LogEvent, path: readonly string[], value: unknown): void {
  let cur: Record<string, unknown> = event;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i] as string;
    const next = cur[key];
    if (isPlainObject(next)) cur = next;
    else {
      const created: Record<string, unknown> = {};
      cur[key] = created;
      cur = created;
    }
  }
  const last = path[path.length - 1];
  if (last !== undefined) cur[last] = value;
}

export function removePath(event: LogEvent, path: readonly string[]): boolean {
  let cur: unknown = event;
  for (let i = 0; i < path.length - 1; i++) {
    if (!isPlainObject(cur)) return false;
    cur = cur[path[i] as string];
  }
  const last = path[path.length - 1];
  if (!isPlainObject(cur) || last === undefined || !Object.hasOwn(cur, last)) return false;
  delete cur[last];
  return true;
}

export function deepClone<T>(value: T): T {
  return structuredClone(value);
}

export function tagsOf(event: LogEvent): string[] {
  const t = event.tags;
  if (Array.isArray(t)) return t.map(String);
  if (typeof t === 'string') return [t];
  return [];
}

export function addTag(event: LogEvent, tag: string): void {
  const tags = tagsOf(event);
  if (!tags.includes(tag)) tags.push(tag);
  event.tags = tags;
}

export function removeTag(event: LogEvent, tag: string): void {
  if (event.tags === undefined) return;
  event.tags = tagsOf(event).filter((t) => t !== tag);
}

/** How a value prints inside a sprintf'd string (Logstash: arrays joined by ',', hashes as JSON). */
export function valueToString(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(valueToString).join(',');
  if (isPlainObject(v)) return JSON.stringify(v);
  return String(v);
}

/**
 * Logstash sprintf: `%{[a][b]}` / `%{field}` → the field's value (left as written when missing),
 * `%{+FORMAT}` → `@timestamp` formatted with a Joda pattern in UTC, `%{+%s}` → epoch seconds.
 */
export function sprintf(template: string, event: LogEvent, parsePath: (name: string) => string[]): string {
  if (!template.includes('%{')) return template;
  return template.replace(/%\{([^}]+)\}/g, (whole, ref: string) => {
    if (ref.startsWith('+')) {
      const ts = timestampOf(event);
      if (ts === undefined) return whole;
      if (ref === '+%s') return String(Math.floor(ts.getTime() / 1000));
      return formatJoda(ts, ref.slice(1));
    }
    const v = getPath(event, parsePath(ref));
    return v === undefined ? whole : valueToString(v);
  });
}

function timestampOf(event: LogEvent): Date | undefined {
  const ts = event['@timestamp'];
  if (typeof ts !== 'string' && typeof ts !== 'number') return undefined;
  const d = new Date(ts);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
