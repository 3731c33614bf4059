import { rule } from '../../../../src/lint/rules/logstash-patterns-dir.js';
import { text, ruleTester } from '../rule-tester.js';

const f = text(
  'p/f.conf',
  'filter {\n  grok {\n    patterns_dir => "/etc/logstash/conf.d/patterns"\n    match => [ "message", "%{WORD:w}" ]\n  }\n}\n',
);

ruleTester(rule, {
  valid: [
    { files: [f], fileExists: (p) => p === '/etc/logstash/conf.d/patterns' },
    // Shipped beside the pipeline in the repository.
    { files: [f], fileExists: (p) => p === 'p/patterns' },
    { files: [text('p/g.conf', 'filter {\n  grok { match => [ "message", "%{WORD:w}" ] }\n}\n')] },
  ],
  invalid: [{ files: [f], errors: [{ file: 'p/f.conf', messageId: 'missing', line: 3 }] }],
});
