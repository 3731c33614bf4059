import { rule } from '../../../../src/lint/rules/es-template-priority.js';
import { json, ruleTester } from '../rule-tester.js';
import { indexTemplateDef } from '../definitions.js';

const tpl = (priority: number | undefined, patterns = ['logs-*']) => json('templates/logs.json', { index_patterns: patterns, ...(priority === undefined ? {} : { priority }), template: { mappings: { properties: { message: { type: 'text' } } } } });

ruleTester(rule, {
  valid: [{ files: [tpl(200)] }, { files: [tpl(50, ['metrics-*'])] }, { catalog: { indexTemplates: [indexTemplateDef({ priority: 150 })] } }],
  invalid: [
    { files: [tpl(100)], errors: [{ messageId: 'low' }] },
    { files: [tpl(undefined, ['logs-application-*'])], errors: [{ messageId: 'low' }] },
    { catalog: { indexTemplates: [indexTemplateDef({ priority: 90 })] }, errors: [{ messageId: 'low' }] },
  ],
});
