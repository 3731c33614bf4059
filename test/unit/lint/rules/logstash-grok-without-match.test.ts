import { rule } from '../../../../src/lint/rules/logstash-grok-without-match.js';
import { text, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      files: [
        text(
          'p/f.conf',
          'filter {\n  grok {\n    match => { "message" => "DHCPOFFER" }\n    add_tag => "dhcp"\n  }\n}\n',
        ),
      ],
    },
    {
      files: [
        text(
          'p/f.conf',
          'filter {\n  mutate {\n    add_tag => [ "logs.application.consul" ]\n    remove_tag => [ "logs.linux.syslog" ]\n  }\n}\n',
        ),
      ],
    },
  ],
  invalid: [
    {
      files: [
        text(
          'p/f.conf',
          'filter {\n  if [program] == "consul" {\n    grok {\n      add_tag => [ "logs.application.consul" ]\n      remove_tag => [ "logs.linux.syslog" ]\n    }\n  }\n}\n',
        ),
      ],
      errors: [{ file: 'p/f.conf', messageId: 'noMatch', line: 3 }],
    },
  ],
});
