/**
 * Index templates → bodies of `PUT _index_template/<name>` and `PUT _component_template/<name>`.
 * Flat dotted field names become nested `properties`; `_meta.managed_by: calvin` marks ownership.
 * The effective mappings come from `deriveMappings` (ECS base + log filter fields + own mappings).
 */
import { deriveMappings } from '../define/index-template.js';
import type { ComponentTemplate, FieldMapping, IndexTemplateDef, LogFilterDef } from '../define/types.js';
import { CalvinError } from '../errors.js';
import { forDefinition } from './context.js';
import { stableJsonArtifact } from './stable-json.js';
import type { Artifact } from './types.js';

export const ES_MANAGED_BY = 'calvin';

interface PropertyNode {
  type?: string;
  properties?: Record<string, PropertyNode>;
  [setting: string]: unknown;
}

/** `{ "host.name": keyword }` → `{ host: { properties: { name: { type: keyword } } } }`. */
export function nestProperties(flat: Record<string, FieldMapping>, where: string): Record<string, PropertyNode> {
  const root: Record<string, PropertyNode> = {};
  for (const field of Object.keys(flat).sort()) {
    const mapping = flat[field] as FieldMapping;
    const parts = field.split('.');
    if (parts.some((p) => p === ''))
      throw new CalvinError(
        'BAD_DEFINITION',
        `${where}: field "${field}" has an empty name part`,
        'write names like host.name',
      );
    let level = root;
    parts.forEach((part, index) => {
      const last = index === parts.length - 1;
      const existing = level[part];
      if (last) {
        const { properties, ...rest } = mapping;
        const node: PropertyNode = { ...(existing ?? {}), ...rest };
        if (properties !== undefined)
          node.properties = { ...(node.properties ?? {}), ...nestProperties(properties, where) };
        if (node.properties !== undefined && node.type !== undefined && node.type !== 'object') {
          throw new CalvinError(
            'BAD_DEFINITION',
            `${where}: "${field}" is a ${node.type} field and also has sub-fields`,
            'rename the leaf, e.g. to a ".value" sub-field',
          );
        }
        if (node.type === 'object') delete node.type;
        level[part] = node;
        return;
      }
      if (existing !== undefined && existing.type !== undefined && existing.type !== 'object') {
        throw new CalvinError(
          'BAD_DEFINITION',
          `${where}: "${parts.slice(0, index + 1).join('.')}" is a ${existing.type} field and also the parent ` +
            `of "${field}"`,
          'rename one of them',
        );
      }
      const parent: PropertyNode = existing ?? {};
      delete parent.type;
      parent.properties ??= {};
      level[part] = parent;
      level = parent.properties;
    });
  }
  return root;
}

function mappingsBody(
  flat: Record<string, FieldMapping>,
  where: string,
  dynamic?: IndexTemplateDef['dynamic'],
): Record<string, unknown> {
  const body: Record<string, unknown> = { properties: nestProperties(flat, where) };
  if (dynamic !== undefined) body.dynamic = dynamic;
  return body;
}

export function renderIndexTemplateBody(
  template: IndexTemplateDef,
  logFilters: readonly LogFilterDef[],
): Record<string, unknown> {
  const where = `index template ${template.id}`;
  const inner: Record<string, unknown> = {
    mappings: mappingsBody(deriveMappings(template, logFilters), where, template.dynamic),
  };
  if (Object.keys(template.settings).length > 0) inner.settings = template.settings;
  return {
    _meta: { definition: template.id, managed_by: ES_MANAGED_BY },
    composed_of: template.components.map((c) => c.name),
    index_patterns: [...template.patterns],
    priority: template.priority,
    template: inner,
  };
}

export function renderComponentTemplateBody(
  component: ComponentTemplate,
  definitionId: string,
): Record<string, unknown> {
  const inner: Record<string, unknown> = {};
  if (component.settings !== undefined && Object.keys(component.settings).length > 0)
    inner.settings = component.settings;
  if (component.mappings !== undefined)
    inner.mappings = mappingsBody(component.mappings, `component template ${component.name}`);
  return { _meta: { definition: definitionId, managed_by: ES_MANAGED_BY }, template: inner };
}

export function renderElasticsearch(
  templates: readonly IndexTemplateDef[],
  logFilters: readonly LogFilterDef[],
): Artifact[] {
  const artifacts: Artifact[] = [];
  const components = new Map<string, { content: string; from: string }>();
  const sorted = [...templates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const template of sorted) {
    artifacts.push({
      target: 'elasticsearch',
      type: 'es-index-template',
      definitionId: template.id,
      name: template.name,
      path: `elasticsearch/index-templates/${template.name}.json`,
      ...stableJsonArtifact(
        forDefinition('index template', template.id, () => renderIndexTemplateBody(template, logFilters)),
      ),
    });
    for (const component of template.components) {
      // One component may be shared by several templates; its _meta names the first (by id) that defines it.
      const seen = components.get(component.name);
      const { content: componentContent, body: componentBody } = stableJsonArtifact(
        renderComponentTemplateBody(component, seen?.from ?? template.id),
      );
      if (seen !== undefined) {
        if (seen.content !== componentContent) {
          throw new CalvinError(
            'BAD_DEFINITION',
            `component template "${component.name}" differs between index templates ${seen.from} and ${template.id}`,
            'define it once and share it',
          );
        }
        continue;
      }
      components.set(component.name, { content: componentContent, from: template.id });
      artifacts.push({
        target: 'elasticsearch',
        type: 'es-component-template',
        definitionId: template.id,
        name: component.name,
        path: `elasticsearch/component-templates/${component.name}.json`,
        content: componentContent,
        body: componentBody,
      });
    }
  }
  return artifacts;
}
