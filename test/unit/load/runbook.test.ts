import { describe, expect, it } from 'vitest';
import { closest, levenshtein } from '../../../src/load/closest.js';
import { catalogOf } from '../../../src/load/index.js';
import { formatRunbook, runbookView, shellWord } from '../../../src/load/runbook-text.js';
import { formatListTable, listRows } from '../../../src/load/list.js';
import type { AlertDef, ServiceDef } from '../../../src/define/types.js';

const service = {
  kind: 'service',
  id: 'artefacts',
  consulName: 'artefacts',
  title: 'Nexus',
  aliases: ['nexus'],
  owner: 'o',
  metrics: { database: 'system', measurements: [], tagFilters: {}, signals: [] },
  logs: { indexPattern: 'logs-*', serviceNames: [], processNames: [] },
  runbooks: [],
  source: { file: 'services/artefacts.ts' },
} satisfies ServiceDef;
const alert = (id: string): AlertDef => ({
  kind: 'alert',
  id,
  name: id,
  service: 'artefacts',
  owner: 'o',
  severity: 'page',
  description: 'd',
  message: 'm',
  query: {
    database: 'system',
    retentionPolicy: 'autogen',
    measurement: 'disk',
    field: 'used_percent',
    fn: 'mean',
    where: [],
    groupBy: ['host'],
    period: '5m',
    every: '1m',
  },
  condition: { type: 'threshold', direction: 'above', crit: 90 },
  runbook: {
    title: 'Disk full',
    url: `https://runbooks.example/${id}`,
    markdown: '# Disk full\n\nFree space.\u001b[2J\n',
  },
  handlers: [],
  tests: [],
  source: { file: `alerts/${id}.ts` },
});
const catalog = catalogOf([
  service,
  alert('artefacts-disk-full'),
  alert('artefacts-heap-high'),
  alert('queue-memory-high'),
]);

describe('closest', () => {
  it('measures edit distance', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
  });
  it('suggests the nearest ids first', () => {
    expect(closest('artefacts-disk-ful', ['queue-memory-high', 'artefacts-disk-full', 'artefacts-heap-high'])[0]).toBe(
      'artefacts-disk-full',
    );
    expect(closest('artefacts-disk-ful', ['queue-memory-high', 'artefacts-disk-full'])).toEqual([
      'artefacts-disk-full',
    ]);
    expect(closest('zzzzzzzzzzzzzzzz', ['artefacts-disk-full'])).toEqual([]);
  });
});

describe('runbook', () => {
  it('prints the markdown without control characters and then the diagnose command', () => {
    const text = formatRunbook(runbookView(catalog, 'artefacts-disk-full', 'calvinverse-01'));
    expect(text).toContain('# Disk full\n\nFree space.[2J');
    expect(text).not.toContain('\u001b');
    expect(text.trimEnd().endsWith('calvin diagnose artefacts --env calvinverse-01 --since 1h')).toBe(true);
  });
  it('omits --env when no datacenter is known, and never prints a placeholder', () => {
    const view = runbookView(catalog, 'artefacts-disk-full');
    expect(view.diagnose).toBe('calvin diagnose artefacts --since 1h');
    expect(formatRunbook(view)).not.toContain('<env>');
  });
  it('quotes hostile environment names for the shell', () => {
    expect(runbookView(catalog, 'artefacts-disk-full', "dc'; rm -rf /").diagnose).toBe(
      `calvin diagnose artefacts --env 'dc'\\''; rm -rf /' --since 1h`,
    );
    expect(shellWord('calvinverse-01')).toBe('calvinverse-01');
  });
  it('names the closest ids for an unknown alert', () => {
    expect(() => runbookView(catalog, 'artefacts-disk')).toThrow(
      expect.objectContaining({
        code: 'UNKNOWN_ALERT',
        hint: expect.stringContaining('did you mean artefacts-disk-full'),
      }),
    );
  });
});

describe('list', () => {
  it('aligns the table and orders by kind then id', () => {
    const table = formatListTable(listRows([alert('b-alert'), service, alert('a-alert')]));
    expect(table.split('\n')).toEqual([
      'ID         KIND     FILE                   TITLE',
      'artefacts  service  services/artefacts.ts  Nexus',
      'a-alert    alert    alerts/a-alert.ts      a-alert',
      'b-alert    alert    alerts/b-alert.ts      b-alert',
      '',
    ]);
  });
});
