import { rule } from '../../../../src/lint/rules/logstash-outside-section.js';
import { text, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      files: [
        text(
          'p/output.conf',
          'output {\n  if "logs.builds" in [tags] {\n    elasticsearch { index => "logs-builds-%{+YYYY.MM.dd}" }\n  }\n}\n',
        ),
      ],
    },
  ],
  invalid: [
    {
      files: [
        text(
          'p/output.conf',
          'if "logs.builds" in [tags] {\n  output {\n    elasticsearch { index => "logs-builds-%{+YYYY.MM.dd}" }\n  }\n}\n',
        ),
      ],
      errors: [{ file: 'p/output.conf', messageId: 'outside', line: 1 }],
    },
  ],
});
