import { rule } from '../../../../src/lint/rules/alert-without-runbook.js';
import { ruleTester } from '../rule-tester.js';
import { alertDef } from '../definitions.js';

ruleTester(rule, {
  valid: [{ catalog: { alerts: [alertDef()] } }, { catalog: { alerts: [alertDef({ runbook: { title: 't', markdown: '', file: 'runbooks/x.md', url: 'https://r/x' } })] } }],
  invalid: [
    { catalog: { alerts: [alertDef({ runbook: { title: 't', markdown: '# x', url: '' } })] }, errors: [{ messageId: 'missing' }] },
    { catalog: { alerts: [alertDef({ runbook: { title: 't', markdown: '  ', url: 'https://r/x' } })] }, errors: [{ messageId: 'missing' }] },
  ],
});
