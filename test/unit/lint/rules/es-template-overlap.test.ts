import { describe, expect, it } from 'vitest';
import { patternsOverlap, rule } from '../../../../src/lint/rules/es-template-overlap.js';
import { json, ruleTester } from '../rule-tester.js';

const tpl = (file: string, patterns: string[], priority: number) => json(file, { index_patterns: patterns, priority, template: {} });

ruleTester(rule, {
  valid: [
    { files: [tpl('a.json', ['logs-os-*'], 200), tpl('b.json', ['logs-application-*'], 200)] },
    { files: [tpl('a.json', ['logs-*'], 200), tpl('b.json', ['logs-application-*'], 300)] },
  ],
  invalid: [{ files: [tpl('a.json', ['logs-*'], 200), tpl('b.json', ['logs-application-*'], 200)], errors: [{ messageId: 'overlap' }] }],
});

describe('patternsOverlap', () => {
  it('matches wildcard against wildcard and literals', () => {
    expect(patternsOverlap('logs-*', 'logs-app-*')).toBe(true);
    expect(patternsOverlap('*-syslog', 'logs-*')).toBe(true);
    expect(patternsOverlap('logs-os-*', 'logs-app-*')).toBe(false);
    expect(patternsOverlap('metrics', 'logs')).toBe(false);
  });
});
