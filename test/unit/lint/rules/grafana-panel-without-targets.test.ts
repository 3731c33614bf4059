import { rule } from '../../../../src/lint/rules/grafana-panel-without-targets.js';
import { dashboard, json, panel, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { files: [json('a.json', dashboard())] },
    { files: [json('a.json', dashboard({ panels: [panel({ type: 'text', targets: [] })] }))] },
  ],
  invalid: [
    {
      files: [json('a.json', dashboard({ panels: [panel({ type: 'singlestat', targets: [] })] }))],
      errors: [{ file: 'a.json', messageId: 'empty' }],
    },
  ],
});
