/** Elasticsearch index / component template JSON (composable or legacy) → template nodes. */
import type { JsonLocations } from '../parsers/json-locations.js';
import type { EsTemplateNode } from '../types.js';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function looksLikeEsTemplate(value: unknown): value is Json {
  return (
    isObj(value) &&
    (Array.isArray(value.index_patterns) ||
      (isObj(value.template) && ('mappings' in value.template || 'settings' in value.template)))
  );
}

/** Flatten `properties` (and multi-fields) into dotted names with their mapping type. */
export function flattenMappings(
  mappings: unknown,
  loc: JsonLocations | undefined,
  into: EsTemplateNode['fieldTypes'],
  prefix = '',
): void {
  if (!isObj(mappings)) return;
  const props = isObj(mappings.properties) ? mappings.properties : undefined;
  if (!props) return;
  for (const [name, spec] of Object.entries(props)) {
    if (!isObj(spec)) continue;
    const full = prefix ? `${prefix}.${name}` : name;
    const l = loc?.key(props, name);
    into.set(full, {
      type: typeof spec.type === 'string' ? spec.type : 'object',
      line: l?.line ?? 1,
      column: l?.column ?? 1,
    });
    flattenMappings(spec, loc, into, full);
  }
}

/** Keys only `PUT _index_template` (composable) accepts, and keys only legacy `PUT _template` accepts. */
const COMPOSABLE_KEYS = [
  'template',
  'priority',
  'composed_of',
  'data_stream',
  'allow_auto_create',
  'ignore_missing_component_templates',
];
const LEGACY_KEYS = ['order', 'mappings', 'settings', 'aliases'];

/**
 * Composable or legacy: a composable template may omit `template` (composed_of alone, or only a
 * priority and data_stream), so any composable-only key decides; legacy-only keys (order, top-level
 * mappings/settings) decide the other way; index_patterns alone is read as composable, the API of
 * current Elasticsearch.
 */
export function isComposable(value: Json): boolean {
  if (COMPOSABLE_KEYS.some((k) => k in value)) return true;
  return !LEGACY_KEYS.some((k) => k in value);
}

export function buildEsTemplate(
  file: string,
  value: Json,
  loc: JsonLocations | undefined,
  name: string,
): EsTemplateNode {
  const composable = isComposable(value);
  const body = isObj(value.template) ? value.template : value;
  const node: EsTemplateNode = {
    kind: 'es-template',
    file,
    line: 1,
    column: 1,
    name,
    patterns: Array.isArray(value.index_patterns)
      ? value.index_patterns.filter((p): p is string => typeof p === 'string')
      : [],
    // priority orders composable templates, order legacy ones: they never compare with each other.
    priority: composable && typeof value.priority === 'number' ? value.priority : undefined,
    composable,
    fieldTypes: new Map(),
    fromDefinition: false,
  };
  if (!composable && typeof value.order === 'number') node.order = value.order;
  const at = loc?.key(value, composable ? 'priority' : 'order') ?? loc?.key(value, 'index_patterns');
  if (at) {
    node.line = at.line;
    node.column = at.column;
  }
  flattenMappings(body.mappings, loc, node.fieldTypes);
  return node;
}
