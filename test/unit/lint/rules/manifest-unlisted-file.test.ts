import { rule } from '../../../../src/lint/rules/manifest-unlisted-file.js';
import { text, ruleTester } from '../rule-tester.js';

const manifest = text(
  'kv/logs.yaml',
  'config:\n  - key: config/services/logs/filters/input\n    file: filters/input.ctmpl\n',
);

ruleTester(rule, {
  valid: [{ files: [manifest], knownPaths: ['kv/logs.yaml', 'kv/filters/input.ctmpl', 'kv/README.md'] }],
  invalid: [
    {
      files: [manifest],
      knownPaths: ['kv/logs.yaml', 'kv/filters/input.ctmpl', 'kv/filters/filter.fabio.ctmpl'],
      errors: [{ messageId: 'unlisted', file: 'kv/filters/filter.fabio.ctmpl' }],
    },
  ],
});
