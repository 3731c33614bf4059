import { rule } from '../../../../src/lint/rules/logstash-index-name.js';
import { text, ruleTester } from '../rule-tester.js';

const out = (index: string) => text('p/o.conf', `output {\n  elasticsearch {\n    index => "${index}"\n  }\n}\n`);

ruleTester(rule, {
  valid: [
    { files: [out('logs-application-fabio-%{+YYYY.MM.dd}')] },
    { files: [out('logs-os-linux-syslog-%{+YYYY.MM.dd}')] },
  ],
  invalid: [
    {
      files: [out('logs-application.fabio-%{+YYYY.MM.dd}')],
      errors: [{ file: 'p/o.conf', messageId: 'dotted', line: 3 }],
    },
    { files: [out('logs-os-linux-access')], errors: [{ file: 'p/o.conf', messageId: 'undated', line: 3 }] },
    { files: [out('Logs_%{+YYYY}')], errors: [{ file: 'p/o.conf', messageId: 'other', line: 3 }] },
  ],
});
