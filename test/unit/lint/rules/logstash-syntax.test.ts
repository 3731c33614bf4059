import { rule } from '../../../../src/lint/rules/logstash-syntax.js';
import { text, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      files: [
        text(
          'p/filter.conf',
          'filter {\n  # a comment\n  if [program] == "consul" {\n    mutate { add_tag => ["consul"] }\n  }\n}\n',
        ),
      ],
    },
    {
      files: [
        text(
          'p/input.ctmpl',
          'input {\n  rabbitmq {\n    port => {{ keyOrDefault "config/port" "80" }}\n    tags => ["logs.linux.syslog"]\n  }\n}\n',
        ),
      ],
    },
  ],
  invalid: [
    {
      files: [text('p/filter.conf', 'filter {\n  // [UFW BLOCK] IN=eth0\n  if [program] == "kernel" { drop {} }\n}\n')],
      errors: [{ file: 'p/filter.conf', messageId: 'comment', line: 2 }],
    },
    {
      files: [text('p/filter.conf', 'filter {\n  mutate { add_tag => ["x"] \n}\n')],
      errors: [{ file: 'p/filter.conf', messageId: 'syntax' }],
    },
  ],
});
