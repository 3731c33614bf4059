import { rule } from '../../../../src/lint/rules/log-field-type-conflict.js';
import { json, ruleTester } from '../rule-tester.js';
import { indexTemplateDef, logFilterDef } from '../definitions.js';

const rawTemplate = json('templates/logs.json', {
  index_patterns: ['logs-*'],
  priority: 200,
  template: {
    mappings: {
      properties: { http: { properties: { response: { properties: { status_code: { type: 'keyword' } } } } } },
    },
  },
});

ruleTester(rule, {
  valid: [
    {
      catalog: {
        logFilters: [logFilterDef([{ field: 'http.response.status_code', type: 'long' }])],
        indexTemplates: [indexTemplateDef({ mappings: { 'http.response.status_code': { type: 'integer' } } })],
      },
    },
    {
      catalog: {
        logFilters: [logFilterDef([{ field: 'message', type: 'text' }])],
        indexTemplates: [indexTemplateDef({ mappings: { message: { type: 'match_only_text' } } })],
      },
    },
  ],
  invalid: [
    {
      catalog: {
        logFilters: [logFilterDef([{ field: 'http.response.status_code', type: 'long' }])],
        indexTemplates: [indexTemplateDef({ mappings: { 'http.response.status_code': { type: 'keyword' } } })],
      },
      errors: [{ file: 'log-filters/nexus.ts', messageId: 'conflict' }],
    },
    // Against a hand-written template JSON.
    {
      files: [rawTemplate],
      catalog: { logFilters: [logFilterDef([{ field: 'http.response.status_code', type: 'long' }])] },
      errors: [{ file: 'log-filters/nexus.ts', messageId: 'conflict' }],
    },
  ],
});
