import { rule } from '../../../../src/lint/rules/logstash-tag-never-added.js';
import { text, ruleTester } from '../rule-tester.js';

const input = text('p/input.conf', 'input {\n  rabbitmq {\n    tags => ["logs.linux.syslog"]\n  }\n}\n');
const output = (tag: string) =>
  text(
    'p/output.conf',
    `output {\n  if "_jsonparsefailure" not in [tags] {\n    if "${tag}" in [tags] {\n      elasticsearch { index => "logs-x-y-%{+YYYY.MM.dd}" }\n    }\n  }\n}\n`,
  );

ruleTester(rule, {
  valid: [
    { files: [input, output('logs.linux.syslog')] },
    // No input in the pipeline folder: tags may come from elsewhere.
    { files: [output('logs.application.kibana')] },
  ],
  invalid: [
    {
      files: [input, output('logs.application.kibana')],
      errors: [{ file: 'p/output.conf', messageId: 'never', line: 3 }],
    },
  ],
});
