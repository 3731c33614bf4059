import { describe, expect, it } from 'vitest';
import type { IndexTemplateDef } from '../../../src/define/types.js';
import { nestProperties, renderElasticsearch, renderIndexTemplateBody } from '../../../src/render/index.js';
import { fixtureCatalog } from '../../fixtures/render/catalog.js';

describe('nestProperties', () => {
  it('nests dotted names into properties', () => {
    expect(
      nestProperties({ 'host.name': { type: 'keyword' }, 'host.ip': { type: 'ip' }, message: { type: 'text' } }, 't'),
    ).toEqual({
      host: { properties: { ip: { type: 'ip' }, name: { type: 'keyword' } } },
      message: { type: 'text' },
    });
  });

  it('merges an explicit object with its children and refuses a leaf that is also a parent', () => {
    expect(nestProperties({ host: { type: 'object' }, 'host.name': { type: 'keyword' } }, 't')).toEqual({
      host: { properties: { name: { type: 'keyword' } } },
    });
    expect(() => nestProperties({ host: { type: 'keyword' }, 'host.name': { type: 'keyword' } }, 't')).toThrow(
      /"host" is a keyword field and also the parent/,
    );
  });
});

describe('renderElasticsearch', () => {
  const catalog = fixtureCatalog();
  const template = catalog.indexTemplates[0] as IndexTemplateDef;

  it('renders a composable index template with _meta and the derived mappings', () => {
    const body = renderIndexTemplateBody(template, catalog.logFilters) as {
      _meta: unknown;
      composed_of: unknown;
      index_patterns: unknown;
      priority: unknown;
      template: { mappings: { properties: Record<string, { properties?: Record<string, unknown> }> } };
    };
    expect(body._meta).toEqual({ managed_by: 'calvin', definition: 'logs' });
    expect(body.composed_of).toEqual(['calvin-logs-settings', 'calvin-logs-http']);
    expect(body.index_patterns).toEqual(['logs-*']);
    expect(body.priority).toBe(200);
    const props = body.template.mappings.properties;
    expect(Object.keys(props.process?.properties ?? {})).toEqual(['name', 'pid', 'thread']);
    expect(props['@timestamp']).toEqual({ type: 'date' });
  });

  it('renders each component template once, with _meta', () => {
    const artifacts = renderElasticsearch(
      [template, { ...template, id: 'logs-two', name: 'calvin-logs-two' }],
      catalog.logFilters,
    );
    expect(artifacts.map((a) => `${a.type} ${a.name}`)).toEqual([
      'es-index-template calvin-logs',
      'es-component-template calvin-logs-settings',
      'es-component-template calvin-logs-http',
      'es-index-template calvin-logs-two',
    ]);
    expect((artifacts[1]?.body as { _meta: unknown })._meta).toEqual({ managed_by: 'calvin', definition: 'logs' });
  });

  it('refuses two different component templates with one name', () => {
    const other: IndexTemplateDef = {
      ...template,
      id: 'other',
      name: 'other',
      components: [{ name: 'calvin-logs-settings', settings: { 'index.number_of_shards': 3 } }],
    };
    expect(() => renderElasticsearch([template, other], catalog.logFilters)).toThrow(/differs between index templates/);
  });
});
