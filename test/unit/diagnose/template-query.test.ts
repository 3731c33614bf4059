import { describe, expect, it } from 'vitest';
import { knownIssueQueries } from '../../../src/diagnose/collect-logs.js';
import type { KnownIssue } from '../../../src/diagnose/collected.js';
import {
  matcherFits,
  signatureToLucene,
  templateMatcher,
  templateQuery,
} from '../../../src/diagnose/template-query.js';
import { templateOf } from '../../../src/diagnose/templates.js';
import { logFields } from './fixtures.js';

const MESSAGES = [
  'Failed to write blob /srv/nexus/blobs/a1b2.bytes: java.io.IOException: No space left on device',
  'upload of artefact 100234 rejected by quota at 2026-11-23T10:42:01Z (job build-1234)',
  'request "GET /x?a=\\"1\\"" from 10.0.0.12:5543 failed after 1,234 ms\n  at stack.frame(Foo.java:12)',
  'ERROR <script>alert("x")</script> upload of <img src=x onerror=alert(1)> failed: /tmp/x',
  'RabbitMQ connection error. Connection refused - connect(2) for "queue.service.consul" port 5672',
];

describe('template queries', () => {
  it('match every message of their template, and only the first line matters', () => {
    for (const m of MESSAGES) {
      const t = templateOf(m);
      const matcher = templateMatcher(t);
      expect(matcher, t).not.toBeNull();
      expect(matcherFits(matcher!, t, [m]), t).toBe(true);
    }
    const t = templateOf(MESSAGES[1] as string);
    expect(
      matcherFits(templateMatcher(t)!, t, [
        'upload of artefact 9 rejected by quota at 2026-11-24T00:00:00Z (job build-9)',
      ]),
    ).toBe(true);
    expect(
      templateMatcher(t)!.js.test('upload of artefact 9 accepted by quota at 2026-11-24T00:00:00Z (job build-9)'),
    ).toBe(false);
  });

  it('are a Lucene regexp on a keyword field, or phrases of the fixed words on a text field', () => {
    const matcher = templateMatcher(templateOf(MESSAGES[0] as string))!;
    expect(templateQuery(matcher, 'message.keyword', 'message')).toMatchObject({
      regexp: { 'message.keyword': { flags: 'NONE' } },
    });
    expect(templateQuery(matcher, null, 'message')).toEqual({
      bool: {
        filter: [
          { match_phrase: { message: 'Failed to write blob' } },
          { match_phrase: { message: 'java io IOException No space left on device' } },
        ],
      },
    });
    expect(templateQuery(templateMatcher('<num> <hex>')!, null, 'message')).toBeNull();
  });
});

describe('known-issue signatures as Lucene regular expressions', () => {
  it('translates the shipped kind of signature, and refuses what Lucene lacks', () => {
    expect(signatureToLucene('java\\.lang\\.OutOfMemoryError|Java heap space')).toBe(
      '.*(java\\.lang\\.OutOfMemoryError|Java heap space).*',
    );
    expect(signatureToLucene('(?:a|b)\\d+\\s"x"')).toBe('.*((a|b)[0-9]+[ \t\r\n]\\"x\\").*');
    expect(signatureToLucene('^starts')).toBeNull();
    expect(signatureToLucene('(?=look)ahead')).toBeNull();
  });

  it('counts the applicable signatures only, with their field matches', () => {
    const fields = logFields({ process: null, pid: null });
    const issues: KnownIssue[] = [
      { id: 'a', title: 'A', runbook: 'r', pattern: 'boom', fields: { 'error.type': 'E' } },
      { id: 'b', title: 'B', runbook: 'r', pattern: 'boom', services: ['other'] },
      { id: 'c', title: 'C', runbook: 'r', pattern: 'boom', fields: { 'process.name': 'p' } },
    ];
    const queries = knownIssueQueries(issues, 'svc', fields);
    expect(queries.map((q) => q.key)).toEqual(['a']);
    expect(JSON.stringify(queries[0]?.query)).toContain('"term":{"error.type":"E"}');
    expect(knownIssueQueries(issues, 'svc', { ...fields, message: null })).toEqual([]);
  });
});
