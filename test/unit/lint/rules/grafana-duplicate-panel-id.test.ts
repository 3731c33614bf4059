import { rule } from '../../../../src/lint/rules/grafana-duplicate-panel-id.js';
import { dashboard, json, panel, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [{ files: [json('d.json', dashboard({ panels: [panel({ id: 1 }), panel({ id: 2 })] }))] }],
  invalid: [
    {
      files: [json('d.json', dashboard({ panels: [panel({ id: 3, title: 'A' }), panel({ id: 3, title: 'B' })] }))],
      errors: [{ file: 'd.json', messageId: 'duplicate' }],
    },
    // Panels inside a collapsed row count too.
    {
      files: [
        json('d.json', dashboard({ panels: [panel({ id: 1 }), { type: 'row', id: 9, panels: [panel({ id: 1 })] }] })),
      ],
      errors: [{ file: 'd.json', messageId: 'duplicate' }],
    },
  ],
});
