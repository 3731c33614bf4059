import { rule } from '../../../../src/lint/rules/grafana-missing-uid.js';
import { dashboard, json, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [{ files: [json('a.json', dashboard({ uid: 'network-unifi-uap' }))] }],
  invalid: [
    { files: [json('a.json', dashboard({ uid: null }))], errors: [{ file: 'a.json', messageId: 'missing', line: 1 }] },
  ],
});
