import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadKnownIssues, matchKnownIssues, parseKnownIssue } from '../../../src/diagnose/known-issues.js';
import { groupPatterns } from '../../../src/diagnose/log-analysis.js';
import { group } from './fixtures.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('known issues', () => {
  it('loads every signature file shipped in known-issues/', async () => {
    const issues = await loadKnownIssues(path.join(repoRoot, 'known-issues'));
    expect(issues.length).toBeGreaterThanOrEqual(5);
    expect(new Set(issues.map((i) => i.id)).size).toBe(issues.length);
  });

  it('matches by message pattern and field values, counting the messages', () => {
    const patterns = groupPatterns(
      [
        group('java.io.IOException: No space left on device', [['n1', 30]], undefined, undefined, {
          errorTypes: ['java.io.IOException'],
        }),
        group('write failed: No space left on device', [['n2', 5]]),
        group('Connection refused', [['n1', 3]]),
      ],
      [],
    );
    const any = parseKnownIssue(
      { id: 'disk', title: 'Disk full', runbook: 'https://r/disk', query: { message: 'no space left' } },
      'a.yaml',
    );
    const typed = parseKnownIssue(
      {
        id: 'io',
        title: 'IO',
        runbook: 'https://r/io',
        query: { message: 'space', fields: { 'error.type': 'java.io.IOException' } },
      },
      'b.yaml',
    );
    const elsewhere = parseKnownIssue(
      { id: 'q', title: 'Q', runbook: 'https://r/q', services: ['queue'], query: { message: 'refused' } },
      'c.yaml',
    );
    expect(matchKnownIssues([any, typed, elsewhere], patterns, 'artefacts')).toEqual([
      { id: 'disk', title: 'Disk full', runbook: 'https://r/disk', matches: 35 },
      { id: 'io', title: 'IO', runbook: 'https://r/io', matches: 30 },
    ]);
  });

  it('rejects a bad signature with the file name', () => {
    expect(() => parseKnownIssue({ id: 'x', title: 'x', runbook: 'r', query: { message: '(' } }, 'bad.yaml')).toThrow(
      /bad\.yaml: query\.message is not a valid regular expression/,
    );
    expect(() =>
      parseKnownIssue(
        { id: 'x', title: 'x', runbook: 'r', query: { message: 'a', fields: { 'user.name': 'x' } } },
        'f.yaml',
      ),
    ).toThrow(/query\.fields\.user\.name/);
  });
});
