import { beforeAll } from 'vitest';
import { loadOniguruma } from '../../../../src/logstash/grok/engine.js';
import { rule } from '../../../../src/lint/rules/logstash-grok-pattern.js';
import { text, ruleTester } from '../rule-tester.js';

beforeAll(async () => {
  await loadOniguruma();
});

const grok = (settings: string) => text('p/filter.conf', `filter {\n  grok {\n${settings}\n  }\n}\n`);

ruleTester(rule, {
  valid: [
    { files: [grok('    match => { "message" => "%{SYSLOGTIMESTAMP:ts} %{HOSTNAME:host} %{GREEDYDATA:rest}" }')] },
    { files: [grok('    match => { "message" => "%{ZEEK_HTTP}" }')] },
    { files: [grok('    pattern_definitions => { "MTS" => "\\d+" }\n    match => [ "message", "%{MTS:pid} info" ]')] },
    // An existing patterns_dir may define it.
    {
      files: [grok('    patterns_dir => "/patterns"\n    match => [ "message", "%{MTS:pid}" ]')],
      fileExists: (p) => p === '/patterns',
    },
  ],
  invalid: [
    {
      files: [
        grok('    patterns_dir => "/etc/logstash/conf.d/patterns"\n    match => [ "message", "%{MTS:pid}sinfo" ]'),
      ],
      errors: [{ file: 'p/filter.conf', messageId: 'undefined', line: 4 }],
    },
    {
      files: [grok('    ecs_compatibility => disabled\n    match => { "message" => "%{ZEEK_HTTP}" }')],
      errors: [{ messageId: 'undefined', line: 4 }],
    },
    {
      files: [grok('    match => { "message" => "%{WORD:verb} (unclosed" }')],
      errors: [{ file: 'p/filter.conf', messageId: 'compile', line: 3 }],
    },
  ],
});
