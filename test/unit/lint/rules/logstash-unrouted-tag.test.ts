import { rule } from '../../../../src/lint/rules/logstash-unrouted-tag.js';
import { text, ruleTester } from '../rule-tester.js';

const input = (tag: string) =>
  text('p/input.conf', `input {\n  rabbitmq {\n    queue => "q"\n    tags => ["${tag}"]\n  }\n}\n`);
const output = (tag: string) =>
  text(
    'p/output.conf',
    `output {\n  if "${tag}" in [tags] {\n    elasticsearch { index => "logs-os-linux-syslog-%{+YYYY.MM.dd}" }\n  }\n}\n`,
  );

ruleTester(rule, {
  valid: [
    { files: [input('logs.linux.syslog'), output('logs.linux.syslog')] },
    // Informational tags (added without re-routing) are fine.
    {
      files: [
        input('logs.linux.syslog'),
        output('logs.linux.syslog'),
        text('p/f.conf', 'filter {\n  grok { match => { "message" => "DHCPOFFER" } add_tag => "dhcp-offer" }\n}\n'),
      ],
    },
  ],
  invalid: [
    {
      files: [input('logs.application.file'), output('logs.linux.syslog')],
      errors: [{ file: 'p/input.conf', messageId: 'unrouted', line: 4 }],
    },
    {
      files: [
        input('logs.linux.syslog'),
        output('logs.linux.syslog'),
        text(
          'p/f.conf',
          'filter {\n  if [program] == "dhclient" {\n    mutate { add_tag => ["logs.application.dhclient"] remove_tag => ["logs.linux.syslog"] }\n  }\n}\n',
        ),
      ],
      errors: [{ file: 'p/f.conf', messageId: 'unrouted', line: 3 }],
    },
  ],
});
