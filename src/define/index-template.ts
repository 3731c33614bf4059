/**
 * Index template builder and mapping derivation. Mappings are flat dotted names → mapping; the
 * Elasticsearch renderer nests them. `deriveMappings` merges the ECS base, the fields that the
 * referenced log filters produce, and the template's own mappings.
 */
import type { Builder } from './builder.js';
import { assertId, assertNonEmpty, clone, definitionError } from './builder.js';
import type { ComponentTemplate, EcsType, FieldMapping, IndexTemplateDef, LogFilterDef } from './types.js';

/** The built-in `logs-*-*` template of Elasticsearch has this priority; ours must be higher. */
export const BUILTIN_LOGS_TEMPLATE_PRIORITY = 100;

const KEYWORD: FieldMapping = { type: 'keyword', ignore_above: 1024 };

/**
 * The ECS fields calvin's filters and diagnose rely on. `message` is `text` rather than
 * `match_only_text`, which needs the mapper-extras module that minimal clusters lack.
 */
export const ECS_BASE_FIELDS: Readonly<Record<string, FieldMapping>> = Object.freeze({
  '@timestamp': { type: 'date' },
  message: { type: 'text' },
  tags: KEYWORD,
  'labels.environment': KEYWORD,
  'host.name': KEYWORD,
  'service.name': KEYWORD,
  'event.dataset': KEYWORD,
  'event.original': { type: 'keyword', ignore_above: 8191 },
  'log.level': KEYWORD,
  'log.logger': KEYWORD,
  'log.syslog.facility.name': KEYWORD,
  'log.syslog.priority': { type: 'long' },
  'log.syslog.severity.name': KEYWORD,
  'log.syslog.severity.code': { type: 'long' },
  'process.name': KEYWORD,
  'process.pid': { type: 'long' },
  'process.thread.name': KEYWORD,
  'error.type': KEYWORD,
  'error.message': { type: 'text' },
});

/** The mapping calvin uses for a field of an ECS type. */
export function mappingForType(type: EcsType): FieldMapping {
  if (type === 'keyword') return { ...KEYWORD };
  if (type === 'date') return { type: 'date' };
  return { type };
}

interface Origin {
  mapping: FieldMapping;
  from: string;
}

function addField(
  merged: Map<string, Origin>,
  field: string,
  mapping: FieldMapping,
  from: string,
  override: boolean,
): void {
  const existing = merged.get(field);
  if (existing && !override && existing.mapping.type !== mapping.type) {
    throw definitionError(
      `Field "${field}" is ${existing.mapping.type} in ${existing.from} but ${mapping.type} in ${from}.`,
      'Make both declare the same ECS type, or set the mapping explicitly on the index template.',
    );
  }
  if (!existing || override) merged.set(field, { mapping: clone(mapping), from });
}

function assertNoLeafParentClash(fields: Map<string, Origin>, templateId: string): void {
  for (const field of fields.keys()) {
    const parts = field.split('.');
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('.');
      const leaf = fields.get(parent);
      if (leaf && leaf.mapping.type !== 'object') {
        throw definitionError(
          `Index template "${templateId}": "${parent}" is a ${leaf.mapping.type} field (${leaf.from}) and also ` +
            `the parent of "${field}".`,
          `Rename one of them, e.g. "${parent}.value" for the leaf.`,
        );
      }
    }
  }
}

/**
 * Effective flat mappings of a template: ECS base (when `ecsBase`), then every field produced by
 * the log filters it names (`*` = all), then its own `mappings`, which win deliberately.
 * Two sources giving one field different types throw, naming both.
 */
export function deriveMappings(
  template: IndexTemplateDef,
  logFilters: readonly LogFilterDef[],
): Record<string, FieldMapping> {
  const merged = new Map<string, Origin>();
  if (template.ecsBase) {
    for (const [field, mapping] of Object.entries(ECS_BASE_FIELDS))
      addField(merged, field, mapping, 'the ECS base', false);
  }
  const wanted = template.fromLogFilters;
  const byId = new Map(logFilters.map((f) => [f.id, f]));
  for (const id of wanted) {
    if (id !== '*' && !byId.has(id)) {
      throw definitionError(
        `Index template "${template.id}" maps fields of log filter "${id}", which does not exist.`,
        'Fix the id in fromLogFilters, or use "*" for all filters.',
      );
    }
  }
  const selected = wanted.includes('*') ? [...logFilters] : wanted.map((id) => byId.get(id) as LogFilterDef);
  selected.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const f of selected) {
    for (const p of f.produces) addField(merged, p.field, mappingForType(p.type), `log filter "${f.id}"`, false);
  }
  for (const [field, mapping] of Object.entries(template.mappings))
    addField(merged, field, mapping, `index template "${template.id}"`, true);
  assertNoLeafParentClash(merged, template.id);
  const out: Record<string, FieldMapping> = {};
  for (const field of [...merged.keys()].sort()) out[field] = (merged.get(field) as Origin).mapping;
  return out;
}

export class IndexTemplateBuilder implements Builder<IndexTemplateDef> {
  private readonly model: IndexTemplateDef;

  constructor(id: string, patterns: string[]) {
    assertId(id, 'Index template');
    this.model = {
      kind: 'index-template',
      id,
      name: id,
      patterns: [],
      priority: 200,
      components: [],
      settings: {},
      mappings: {},
      fromLogFilters: [],
      ecsBase: false,
    };
    this.patterns(patterns);
  }

  /** Template name in Elasticsearch (default: the id). */
  name(name: string): this {
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(name))
      throw definitionError(
        `Index template name "${name}" is not valid in Elasticsearch.`,
        'Use lowercase letters, digits, dots, dashes and underscores.',
      );
    this.model.name = name;
    return this;
  }

  patterns(patterns: string[]): this {
    if (patterns.length === 0)
      throw definitionError(
        `Index template "${this.model.id}" has no index patterns.`,
        'Give at least one, e.g. ["logs-*"].',
      );
    for (const p of patterns) {
      if (!/^[a-z0-9*][a-z0-9*._+-]*$/.test(p))
        throw definitionError(
          `Index pattern "${p}" of template "${this.model.id}" is not valid.`,
          'Use lowercase names with * wildcards, e.g. logs-*.',
        );
    }
    this.model.patterns = [...patterns];
    return this;
  }

  priority(priority: number): this {
    if (!Number.isInteger(priority) || priority < 0)
      throw definitionError(
        `Index template "${this.model.id}" priority ${priority} is not a whole number ≥ 0.`,
        'Use e.g. 200.',
      );
    this.model.priority = priority;
    return this;
  }

  components(components: ComponentTemplate[]): this {
    this.model.components = [];
    for (const c of components) this.withComponent(c);
    return this;
  }

  withComponent(component: ComponentTemplate): this {
    if (!/^[a-z0-9][a-z0-9._@-]*$/.test(component.name))
      throw definitionError(
        `Component template name "${component.name}" is not valid.`,
        'Use lowercase letters, digits, dots and dashes.',
      );
    if (this.model.components.some((c) => c.name === component.name))
      throw definitionError(
        `Index template "${this.model.id}" uses component "${component.name}" twice.`,
        'List each component once.',
      );
    this.model.components.push(clone(component));
    return this;
  }

  settings(settings: Record<string, unknown>): this {
    this.model.settings = clone(settings);
    return this;
  }

  mappings(mappings: Record<string, FieldMapping>): this {
    this.model.mappings = clone(mappings);
    return this;
  }

  withMapping(field: string, mapping: FieldMapping): this {
    assertNonEmpty(field, `Index template "${this.model.id}" mapping field`);
    this.model.mappings[field] = clone(mapping);
    return this;
  }

  /** Map every field these log filters produce (ids, or `*` for all). */
  fromLogFilters(ids: string[]): this {
    this.model.fromLogFilters = [...new Set(ids)];
    return this;
  }

  ecsBase(on = true): this {
    this.model.ecsBase = on;
    return this;
  }

  dynamic(mode: boolean | 'strict' | 'runtime'): this {
    this.model.dynamic = mode;
    return this;
  }

  build(): IndexTemplateDef {
    const { id, patterns, priority } = this.model;
    if (patterns.some((p) => p.startsWith('logs-')) && priority <= BUILTIN_LOGS_TEMPLATE_PRIORITY) {
      throw definitionError(
        `Index template "${id}" matches logs-* with priority ${priority}; the built-in logs-*-* template has ` +
          `${BUILTIN_LOGS_TEMPLATE_PRIORITY}.`,
        `Use a priority above ${BUILTIN_LOGS_TEMPLATE_PRIORITY}.`,
      );
    }
    return clone(this.model);
  }
}

export function indexTemplate(id: string, patterns: string[]): IndexTemplateBuilder {
  return new IndexTemplateBuilder(id, patterns);
}

/** A component template; mappings are flat dotted names. */
export function componentTemplate(
  name: string,
  parts: { settings?: Record<string, unknown>; mappings?: Record<string, FieldMapping> },
): ComponentTemplate {
  return {
    name,
    ...(parts.settings ? { settings: clone(parts.settings) } : {}),
    ...(parts.mappings ? { mappings: clone(parts.mappings) } : {}),
  };
}
