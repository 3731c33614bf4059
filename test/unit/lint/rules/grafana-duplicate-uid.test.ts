import { rule } from '../../../../src/lint/rules/grafana-duplicate-uid.js';
import { dashboard, json, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [{ files: [json('a.json', dashboard({ uid: 'a' })), json('b.json', dashboard({ uid: 'b' }))] }],
  invalid: [{ files: [json('a.json', dashboard({ uid: 'same' })), json('b.json', dashboard({ uid: 'same' }))], errors: [{ messageId: 'duplicate' }, { messageId: 'duplicate' }] }],
});
