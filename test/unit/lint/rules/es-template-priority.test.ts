import { rule } from '../../../../src/lint/rules/es-template-priority.js';
import { json, ruleTester } from '../rule-tester.js';
import { indexTemplateDef } from '../definitions.js';

const tpl = (priority: number | undefined, patterns = ['logs-*']) =>
  json('templates/logs.json', {
    index_patterns: patterns,
    ...(priority === undefined ? {} : { priority }),
    template: { mappings: { properties: { message: { type: 'text' } } } },
  });

const legacy = (order: number, patterns = ['logs-*']) =>
  json('templates/legacy.json', {
    index_patterns: patterns,
    order,
    mappings: { properties: { pid: { type: 'keyword' } } },
  });

ruleTester(rule, {
  valid: [
    { files: [tpl(200)] },
    { files: [tpl(50, ['metrics-*'])] },
    { catalog: { indexTemplates: [indexTemplateDef({ priority: 150 })] } },
    // One dash only: logs-*-* cannot match "logs-nexus" indices, so the built-in one is no rival.
    { files: [tpl(50, ['logs-nexus'])] },
    // A legacy template outside logs-*-* is not beaten by the built-in logs template.
    { files: [legacy(5, ['metrics-*'])] },
    // Composable without "template": composed_of + priority.
    {
      files: [json('t.json', { index_patterns: ['logs-app-*'], priority: 200, composed_of: ['calvin-logs-mappings'] })],
    },
  ],
  invalid: [
    // Equal priority to the built-in template: Elasticsearch rejects the PUT.
    { files: [tpl(100)], errors: [{ file: 'templates/logs.json', messageId: 'equal' }] },
    { files: [tpl(99)], errors: [{ file: 'templates/logs.json', messageId: 'low' }] },
    // Legacy (order) template on logs-*: ignored once the built-in composable template matches.
    { files: [legacy(5)], errors: [{ file: 'templates/legacy.json', messageId: 'legacy' }] },
    { files: [legacy(500, ['logs-os-*'])], errors: [{ file: 'templates/legacy.json', messageId: 'legacy' }] },
    // composed_of / data_stream make it composable even without "template": priority 50 loses.
    {
      files: [
        json('t.json', {
          index_patterns: ['logs-app-*'],
          priority: 50,
          composed_of: ['calvin-logs-mappings'],
          data_stream: {},
        }),
      ],
      errors: [{ file: 't.json', messageId: 'low' }],
    },
    { files: [tpl(undefined, ['logs-application-*'])], errors: [{ file: 'templates/logs.json', messageId: 'low' }] },
    {
      catalog: { indexTemplates: [indexTemplateDef({ priority: 90 })] },
      errors: [{ file: 'index-templates/logs.ts', messageId: 'low' }],
    },
  ],
});
