/** The text report keeps to 80 terminal columns whatever the names: only a lone runbook URL may pass. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../../src/diagnose/types.js';
import { renderText } from '../../../src/report/text.js';
import { displayWidth, truncateWidth } from '../../../src/report/width.js';

const RUNBOOK =
  'https://github.com/Calvinverse/calvin/blob/main/runbooks/artefacts-disk-full-with-a-much-longer-name.md';
const CJK = '日本語のノード名前サーバー一二三四五六七八九十';
const LONG = `hostile-ünïcødé-☃-🚀-${'ü'.repeat(20)}`.padEnd(200, 'x');

function diagnosis(name: string, text: string, address: string): Diagnosis {
  const at = '2026-11-23T09:30:00Z';
  return {
    service: name,
    query: `${name}-q`,
    environment: name,
    window: { from: '2026-11-23T09:00:00Z', to: '2026-11-23T10:00:00Z' },
    baseline: { from: '2026-11-23T05:00:00Z', to: '2026-11-23T09:00:00Z' },
    status: 'critical',
    summary: `${name}: ${text} since 09:30; runbook: ${RUNBOOK}`,
    instances: [
      {
        node: name,
        address,
        serviceId: name,
        status: 'critical',
        checks: [
          ...Array.from({ length: 12 }, (_, i) => ({ name: `c${i}`, status: 'passing', output: '' })),
          {
            name,
            status: 'critical',
            output: `HTTP GET http://averyveryverylonghostname.example.internal:8081/service/rest/v1/status/${text}: 503`,
          },
        ],
        anomalies: [
          {
            source: 'metrics',
            signal: 'disk.used_percent',
            score: 9,
            value: 99,
            baseline: 70,
            since: at,
            evidence: `${text} ${name}`,
          },
        ],
      },
      { node: LONG, address: '10.0.0.1', serviceId: 'y', status: 'healthy', checks: [], anomalies: [] },
    ],
    suspects: [{ node: name + name, reason: `${text} ${name} ${text}`, score: 9 }],
    timeline: [{ time: at, node: name, source: 'metrics', summary: `${text} ${name}` }],
    topErrors: [{ pattern: `x ${text}`, count: 5, nodes: [name], first: at, last: at, example: `${name} ${text}` }],
    knownIssues: [{ id: name, title: `${text} ${name}`, runbook: RUNBOOK, matches: 1 }],
    runbooks: [{ alert: name, title: text, url: RUNBOOK }],
    sources: { consul: 'ok', influx: 'ok', elasticsearch: 'ok' },
    durationMs: 1,
  };
}

function tooWide(text: string): string[] {
  return text.split('\n').filter((l) => displayWidth(l) > 80 && !/^\s*https?:\/\/\S+$/.test(l));
}

describe('display width', () => {
  it('counts East Asian wide characters and emoji as two columns, combining marks as none', () => {
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth('🚀x')).toBe(3);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth(truncateWidth(CJK, 9))).toBeLessThanOrEqual(9);
  });
});

describe('the text report in 80 columns', () => {
  it('holds for CJK, emoji, long names and IPv6 addresses', () => {
    for (const [name, address] of [
      [CJK, 'fe80:0000:0000:0000:0202:b3ff:fe1e:8329'],
      [LONG, '2001:db8:85a3::8a2e:370:7334'],
      ['build-agent-linux-0012345', '2001:db8:85a3::8a2e:370:7334'],
    ] as const) {
      expect(tooWide(renderText({ diagnosis: diagnosis(name, CJK + CJK, address) }))).toEqual([]);
    }
  });

  it('holds for any hostile name and text (property)', () => {
    const hostile = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 120 }),
      fc.string({ unit: fc.constantFrom(...'日本語ノ🚀☃ü\u0301 -.*|<>"'), maxLength: 120 }),
      fc.constant(LONG),
    );
    fc.assert(
      fc.property(
        hostile.filter((s) => s.trim() !== ''),
        hostile,
        fc.string({ maxLength: 60 }),
        (name, text, address) => {
          expect(tooWide(renderText({ diagnosis: diagnosis(name, text, address) }))).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('lets a runbook URL stand alone on its line, uncut', () => {
    const text = renderText({ diagnosis: diagnosis('nexus-02', 'disk full', '10.0.0.2') });
    expect(text.split('\n').filter((l) => l.trim() === RUNBOOK).length).toBeGreaterThanOrEqual(2);
  });
});
