import { describe, expect, it } from 'vitest';
import { findNestedQuantifier } from '../../../../src/lint/grok/nested-quantifier.js';
import { rule } from '../../../../src/lint/rules/logstash-grok-nested-quantifier.js';
import { ruleTester, text } from '../rule-tester.js';

const grok = (settings: string) => text('p/filter.conf', `filter {\n  grok {\n${settings}\n  }\n}\n`);

ruleTester(rule, {
  valid: [
    { files: [grok('    match => { "message" => "%{SYSLOGTIMESTAMP:ts} %{HOSTNAME:host} %{GREEDYDATA:rest}" }')] },
    { files: [grok('    match => { "message" => "(?<path>(?:/[a-z]{1,20})+) (?>a+)+ (?:x++)+" }')] },
    {
      files: [
        grok('    pattern_definitions => { "IDS" => "(?:%{INT},)*%{INT}" }\n    match => [ "message", "%{IDS:ids}" ]'),
      ],
    },
  ],
  invalid: [
    {
      files: [grok('    match => { "message" => "(?<x>(a+)+)$" }')],
      errors: [{ messageId: 'nested', line: 3 }],
    },
    {
      files: [grok('    pattern_definitions => { "CSV" => "(?:\\\\w*,?)*" }\n    match => [ "message", "%{CSV:c}" ]')],
      errors: [{ messageId: 'nested', line: 3 }],
    },
  ],
});

describe('findNestedQuantifier', () => {
  it('finds a group with an unbounded quantifier inside an unbounded repetition', () => {
    expect(findNestedQuantifier('(?<x>(a+)+)$')).toBe('(a+)+');
    expect(findNestedQuantifier('^(\\w+\\s?)*$')).toBe('(\\w+\\s?)*');
    expect(findNestedQuantifier('((ab)*c)+')).toBe('((ab)*c)+');
    expect(findNestedQuantifier('(?:[a-z]+[,;])+')).toBe('(?:[a-z]+[,;])+');
    expect(findNestedQuantifier('(x*){2,}')).toBe('(x*){2,}');
  });

  it('leaves out bounded, atomic and possessive repetitions, classes and escapes', () => {
    for (const safe of ['(a+){1,3}', '(?>a+)+', '(a++)+', '(a+)', '[(a+)+]', '\\(a+\\)+', '(ab)+', '%{WORD}+'])
      expect(findNestedQuantifier(safe)).toBeUndefined();
  });
});
