/** The rule test harness compares file, line and column of every expected error, not only the first's line. */
import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/grafana-duplicate-uid.js';
import { checkInvalid, dashboard, json } from './rule-tester.js';

const files = [
  json('a.json', dashboard({ uid: 'same', title: 'A' })),
  json('b.json', dashboard({ uid: 'same', title: 'B' })),
];

describe('rule test harness', () => {
  it('passes when id, file, line and column all match', () => {
    expect(() =>
      checkInvalid(rule, {
        files,
        errors: [
          { file: 'a.json', messageId: 'duplicate', line: 1, column: 1 },
          { file: 'b.json', messageId: 'duplicate', line: 1, column: 1 },
        ],
      }),
    ).not.toThrow();
  });

  it("a rule test expecting file: 'NO/SUCH/FILE' fails", () => {
    expect(() =>
      checkInvalid(rule, {
        files,
        errors: [
          { file: 'NO/SUCH/FILE', messageId: 'duplicate' },
          { file: 'b.json', messageId: 'duplicate' },
        ],
      }),
    ).toThrow();
  });

  it('a wrong line on the second error fails even when the first states none', () => {
    expect(() =>
      checkInvalid(rule, {
        files,
        errors: [
          { file: 'a.json', messageId: 'duplicate' },
          { file: 'b.json', messageId: 'duplicate', line: 99 },
        ],
      }),
    ).toThrow();
  });

  it('a wrong column fails', () => {
    expect(() =>
      checkInvalid(rule, {
        files,
        errors: [
          { file: 'a.json', messageId: 'duplicate', line: 1, column: 40 },
          { file: 'b.json', messageId: 'duplicate' },
        ],
      }),
    ).toThrow();
  });

  it('an expected error must say which file when the case has several inputs', () => {
    expect(() =>
      checkInvalid(rule, { files, errors: [{ messageId: 'duplicate' }, { messageId: 'duplicate' }] }),
    ).toThrow(/state its file/);
  });
});
