import { rule } from '../../../../src/lint/rules/logstash-unknown-field.js';
import { describe, expect, it } from 'vitest';
import { lintWith, text, ruleTester } from '../rule-tester.js';

const guarded = (cond: string) =>
  text(
    'p/filter.conf',
    `filter {\n  if "logs.linux.syslog" in [tags] {\n    if ${cond} {\n      mutate { add_tag => ["x"] }\n    }\n  }\n}\n`,
  );

ruleTester(rule, {
  valid: [
    { files: [guarded('[program] == "consul"')] },
    { files: [guarded('[message] =~ /DHCP/')] },
    // Fields added by an earlier filter in the same pipeline count as produced.
    {
      files: [
        text('p/a.conf', 'filter {\n  grok { match => { "message" => "%{WORD:verb}" } }\n}\n'),
        guarded('[verb] == "GET"'),
      ],
    },
    // Not guarded by an input tag with a known schema: nothing to compare with.
    { files: [text('p/filter.conf', 'filter {\n  if [prog] == "x" { drop {} }\n}\n')] },
    // A custom syslog-ng template in the linted set widens the schema.
    {
      files: [
        text('syslog-ng.ctmpl', 'template t { template("$(format-json prog=$PROGRAM msg=$MESSAGE)"); };\n'),
        guarded('[prog] == "consul"'),
      ],
    },
  ],
  invalid: [
    { files: [guarded('[prog] == "consul"')], errors: [{ file: 'p/filter.conf', messageId: 'unknown', line: 3 }] },
    {
      files: [guarded('[program] == "a" and [severity] == "err"')],
      errors: [{ file: 'p/filter.conf', messageId: 'unknown', line: 3 }],
    },
  ],
});

describe('logstash-unknown-field message', () => {
  it('prints nested fields in Logstash syntax ([process][pid], not [process.pid])', () => {
    const found = lintWith(rule, { files: [guarded('[process][pid] == 1 or [prog] == "x"')] }).map(
      (f) => f.message.message,
    );
    expect(found).toEqual([
      'Condition tests [process][pid], which no input or filter produces for "logs.linux.syslog" events.',
      expect.stringMatching(
        /^Condition tests \[prog\], which no input or filter produces for "logs.linux.syslog" events\. Did you mean "program"\?$/,
      ),
    ]);
  });
});
