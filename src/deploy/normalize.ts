/**
 * Pure normalisation before comparing desired and live objects: drop what servers add (ids,
 * versions, links, run state) and canonicalise what they rewrite, so that a second deploy of the
 * same definitions compares equal.
 */
import { sanitizeChronografNote } from '../render/chronograf-note.js';
import { chronografCellDefaults } from './chronograf-cell-defaults.js';
import type { ObjectKind } from './types.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON with sorted keys, 2-space indent and a final newline: the form diffs are computed on. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2) ?? 'null'}\n`;
}

export function sortKeys(value: unknown): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  if (value === undefined) return null;
  return value as Json;
}

function omit(value: unknown, keys: readonly string[]): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!keys.includes(k)) out[k] = v;
  return out;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const GRAFANA_SERVER_FIELDS = ['id', 'version', 'iteration'];
const CHRONOGRAF_SERVER_FIELDS = ['id', 'links', 'organization'];
const CHRONOGRAF_CELL_SERVER_FIELDS = ['i', 'links'];
const KAPACITOR_SERVER_FIELDS = [
  'created',
  'modified',
  'executing',
  'error',
  'stats',
  'last-enabled',
  'dot',
  'vars',
  'link',
  'template-id',
];

/** Grafana: `{dashboard, folderUid}` without the fields Grafana bumps or assigns. */
export function normalizeGrafana(body: unknown): unknown {
  const b = asRecord(body);
  return {
    dashboard: omit(b.dashboard, GRAFANA_SERVER_FIELDS),
    folderUid: typeof b.folderUid === 'string' ? b.folderUid : '',
  };
}

/**
 * Chronograf: no server id, links, organization or cell ids; queries without the server-derived
 * queryConfig; the defaults Chronograf fills in (chronograf-cell-defaults.ts) and notes as Chronograf
 * stores them (bluemonday's UGC policy), on both sides, so a cell calvin sends and the one Chronograf
 * returns compare equal.
 */
export function normalizeChronograf(body: unknown): unknown {
  const b = omit(body, CHRONOGRAF_SERVER_FIELDS);
  const cells = Array.isArray(b.cells) ? b.cells : [];
  b.cells = cells.map((cell) => {
    const c = chronografCellDefaults(omit(cell, CHRONOGRAF_CELL_SERVER_FIELDS));
    if (Array.isArray(c.queries)) c.queries = c.queries.map((q) => omit(q, ['queryConfig']));
    // Chronograf answers every cell with a note ('' when none) and a visibility ('default' when none).
    c.note = sanitizeChronografNote(typeof c.note === 'string' ? c.note : '');
    if (typeof c.noteVisibility !== 'string' || c.noteVisibility === '') c.noteVisibility = 'default';
    return c;
  });
  if (Array.isArray(b.templates)) b.templates = b.templates.map((t) => omit(t, ['links']));
  else b.templates = [];
  return b;
}

/** Kapacitor: the definition part of a task (id, type, dbrps, script, status), not its run state. */
export function normalizeKapacitor(body: unknown): unknown {
  const b = omit(body, KAPACITOR_SERVER_FIELDS);
  if (typeof b.script === 'string') b.script = b.script.replace(/\s+$/, '');
  if (Array.isArray(b.dbrps))
    b.dbrps = [...b.dbrps].map((d) => sortKeys(d)).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
  return b;
}

/** Elasticsearch stores settings flattened with an `index.` prefix and string values. */
export function normalizeEsSettings(settings: unknown): Record<string, string> {
  const flat: Record<string, string> = {};
  const walk = (value: unknown, prefix: string): void => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, prefix ? `${prefix}.${k}` : k);
    } else if (prefix) {
      flat[prefix.startsWith('index.') ? prefix : `index.${prefix}`] = Array.isArray(value)
        ? value.map(String).join(',')
        : String(value);
    }
  };
  walk(settings, '');
  return flat;
}

/** Elasticsearch returns boolean mapping parameters such as `dynamic` as given or as strings. */
function normalizeMappings(mappings: unknown): unknown {
  if (Array.isArray(mappings)) return mappings.map(normalizeMappings);
  if (mappings && typeof mappings === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(mappings))
      out[k] = k === 'dynamic' && typeof v === 'boolean' ? String(v) : normalizeMappings(v);
    return out;
  }
  return mappings;
}

function normalizeEsTemplateBody(template: unknown): Record<string, unknown> {
  const t = { ...asRecord(template) };
  if (t.settings !== undefined) {
    const settings = normalizeEsSettings(t.settings);
    if (Object.keys(settings).length > 0) t.settings = settings;
    else delete t.settings;
  }
  if (t.mappings !== undefined) t.mappings = normalizeMappings(t.mappings);
  if (t.aliases !== undefined && Object.keys(asRecord(t.aliases)).length === 0) delete t.aliases;
  return t;
}

export function normalizeEsIndexTemplate(body: unknown): unknown {
  const b = { ...asRecord(body) };
  if (b.template !== undefined) b.template = normalizeEsTemplateBody(b.template);
  if (!Array.isArray(b.composed_of)) b.composed_of = [];
  return b;
}

export function normalizeEsComponentTemplate(body: unknown): unknown {
  const b = { ...asRecord(body) };
  if (b.template !== undefined) b.template = normalizeEsTemplateBody(b.template);
  return b;
}

/** Text values (Consul KV) compare as they are, except a missing final newline. */
export function normalizeText(body: unknown): string {
  const text = typeof body === 'string' ? body : stableJson(body);
  return text.endsWith('\n') ? text : `${text}\n`;
}

export function normalizeFor(kind: ObjectKind, body: unknown): unknown {
  switch (kind) {
    case 'grafana/dashboard':
      return normalizeGrafana(body);
    case 'chronograf/dashboard':
      return normalizeChronograf(body);
    case 'kapacitor/task':
      return normalizeKapacitor(body);
    case 'elasticsearch/index-template':
      return normalizeEsIndexTemplate(body);
    case 'elasticsearch/component-template':
      return normalizeEsComponentTemplate(body);
    case 'consul-kv/key':
      return normalizeText(body);
  }
}

/**
 * The text a diff is computed on: JSON for objects, the value itself for KV text; a Kapacitor task
 * is its settings as JSON followed by the TICKscript as lines, so script diffs read line by line.
 */
export function comparableText(kind: ObjectKind, body: unknown): string {
  const normalized = normalizeFor(kind, body);
  if (typeof normalized === 'string') return normalized;
  if (kind === 'kapacitor/task') {
    const { script, ...settings } = normalized as Record<string, unknown>;
    return `${stableJson(settings)}script:\n${typeof script === 'string' ? script : ''}\n`;
  }
  return stableJson(normalized);
}
