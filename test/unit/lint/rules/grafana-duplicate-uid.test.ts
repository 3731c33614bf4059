import { rule } from '../../../../src/lint/rules/grafana-duplicate-uid.js';
import { dashboard, json, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { files: [json('a.json', dashboard({ uid: 'a' })), json('b.json', dashboard({ uid: 'b' }))] },
    // One dashboard in two delivery forms (calvin build writes the API body and the KV file).
    {
      files: [
        json('api/a.json', dashboard({ uid: 'same', title: 'A' })),
        json('kv/a.json', dashboard({ uid: 'same', title: 'A' })),
      ],
    },
  ],
  invalid: [
    {
      files: [
        json('a.json', dashboard({ uid: 'same', title: 'A' })),
        json('b.json', dashboard({ uid: 'same', title: 'B' })),
      ],
      errors: [
        { file: 'a.json', messageId: 'duplicate' },
        { file: 'b.json', messageId: 'duplicate' },
      ],
    },
  ],
});
