import { describe, expect, it } from 'vitest';
import { patternsOverlap, rule } from '../../../../src/lint/rules/es-template-overlap.js';
import { json, lintWith, ruleTester } from '../rule-tester.js';

const tpl = (file: string, patterns: string[], priority: number) =>
  json(file, { index_patterns: patterns, priority, template: {} });

ruleTester(rule, {
  valid: [
    { files: [tpl('a.json', ['logs-os-*'], 200), tpl('b.json', ['logs-application-*'], 200)] },
    { files: [tpl('a.json', ['logs-*'], 200), tpl('b.json', ['logs-application-*'], 300)] },
  ],
  invalid: [
    {
      files: [tpl('a.json', ['logs-*'], 200), tpl('b.json', ['logs-application-*'], 200)],
      errors: [{ file: 'b.json', messageId: 'overlap' }],
    },
    // Composable without a "template" key (composed_of, data_stream) still takes part.
    {
      files: [
        tpl('a.json', ['logs-*'], 200),
        json('b.json', { index_patterns: ['logs-app-*'], priority: 200, composed_of: ['m'], data_stream: {} }),
      ],
      errors: [{ file: 'b.json', messageId: 'overlap' }],
    },
  ],
});

describe('es-template-overlap message', () => {
  it('says that Elasticsearch rejects the second PUT', () => {
    const [m] = lintWith(rule, {
      files: [tpl('a.json', ['logs-*'], 200), tpl('b.json', ['logs-application-*'], 200)],
    }).map((f) => f.message.message);
    expect(m).toMatch(/at the same priority 200: Elasticsearch rejects the PUT of whichever comes second/);
  });
  it('leaves legacy templates (order) out: they never conflict with composable ones', () => {
    expect(
      lintWith(rule, {
        files: [
          tpl('a.json', ['logs-*'], 200),
          json('b.json', { index_patterns: ['logs-*'], order: 200, mappings: {} }),
        ],
      }),
    ).toEqual([]);
  });
});

describe('patternsOverlap', () => {
  it('matches wildcard against wildcard and literals', () => {
    expect(patternsOverlap('logs-*', 'logs-app-*')).toBe(true);
    expect(patternsOverlap('*-syslog', 'logs-*')).toBe(true);
    expect(patternsOverlap('logs-os-*', 'logs-app-*')).toBe(false);
    expect(patternsOverlap('metrics', 'logs')).toBe(false);
  });
});
