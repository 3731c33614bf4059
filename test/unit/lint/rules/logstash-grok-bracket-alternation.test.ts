import { rule } from '../../../../src/lint/rules/logstash-grok-bracket-alternation.js';
import { text, ruleTester } from '../rule-tester.js';

const grok = (expr: string) =>
  text('p/f.conf', `filter {\n  grok {\n    match => { "message" => "${expr}" }\n  }\n}\n`);

ruleTester(rule, {
  valid: [
    { files: [grok('(?:for|on) %{IPV4:ip}')] },
    { files: [grok('[A-Za-z]+ %{WORD:w}')] },
    { files: [grok('[|]')] },
  ],
  invalid: [
    {
      files: [grok('.*[for|on] (%{IPV4:dhcp_client_ip})?.*[from|to] ')],
      errors: [
        { file: 'p/f.conf', messageId: 'bracket', line: 3 },
        { file: 'p/f.conf', messageId: 'bracket', line: 3 },
      ],
    },
  ],
});
