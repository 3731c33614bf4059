import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/diagnose/analyze.js';
import { keyCharts } from '../../../src/diagnose/charts.js';
import type { Diagnosis } from '../../../src/diagnose/types.js';
import { renderReport, type ReportFormat } from '../../../src/report/index.js';
import { collected, diskFull, group, hostLogs } from '../diagnose/fixtures.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const EXTENSIONS: Record<ReportFormat, string> = { text: 'txt', markdown: 'md', html: 'html', json: 'json' };

/** Golden files are rewritten only with UPDATE_GOLDEN=1, and reviewed as a diff. */
function golden(name: string, actual: string): void {
  const file = path.join(here, 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const c = diskFull();
const diagnosis = analyze(c, { now: () => 412 }, 0);
const input = { diagnosis, charts: keyCharts(c, diagnosis) };

describe('reports of the Nexus disk-full diagnosis', () => {
  for (const format of ['text', 'markdown', 'html', 'json'] as const) {
    it(`renders ${format} as its golden file`, () => {
      golden(`disk-full.${EXTENSIONS[format]}`, renderReport(format, input));
    });
  }

  it('renders coloured text only when asked', () => {
    expect(renderReport('text', input)).not.toContain('\u001b[');
    expect(renderReport('text', input, { color: true })).toContain('\u001b[');
  });

  it('fits the text report into 80 columns with sparklines', () => {
    const text = renderReport('text', input);
    // Only a URL (never cut, it is meant to be copied) may run past column 80.
    for (const line of text.split('\n').filter((l) => !/^\s+(runbook )?https?:\/\//.test(l)))
      expect([...line].length, line).toBeLessThanOrEqual(80);
    expect(text).toMatch(/[▁▂▃▄▅▆▇█]{10,}/);
  });

  it('keeps the JSON exactly to the contract', () => {
    const parsed = JSON.parse(renderReport('json', input)) as Diagnosis;
    expect(Object.keys(parsed)).toEqual([
      'service',
      'query',
      'environment',
      'window',
      'baseline',
      'status',
      'summary',
      'instances',
      'suspects',
      'timeline',
      'topErrors',
      'knownIssues',
      'runbooks',
      'sources',
      'durationMs',
    ]);
    expect(Object.keys(parsed.instances[0] ?? {})).toEqual([
      'node',
      'address',
      'serviceId',
      'status',
      'checks',
      'anomalies',
    ]);
  });

  it('draws one self-contained HTML file with inline SVG charts', () => {
    const html = renderReport('html', input);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|<link|src="http|href="\/\//i);
  });
});

describe('hostile strings from the backends', () => {
  const evil = {
    node: 'n<script>alert(1)</script>|`x`\u001b[31m',
    service: 'svc"\'/<b>.*|',
    message:
      'ERROR <img src=x onerror=alert(1)> | pipe | ```code``` \u001b[2J\u001b[Hreset\u0007 [link](javascript:alert(1))',
  };
  const h = collected({ nodes: [evil.node, 'ok-1'], service: evil.service, query: evil.service });
  h.instances[0]!.checks[1] = {
    name: 'check <b>"x"</b>',
    status: 'critical',
    output: '<script>alert(2)</script> \u001b]0;title\u0007',
  };
  h.logs.hosts = [hostLogs(evil.node, 300, 1, 10), hostLogs('ok-1', 1, 1)];
  h.logs.windowErrors = [group(evil.message, [[evil.node, 300]])];
  h.knownIssues = [{ id: 'x<y>', title: 'T | <b>', runbook: 'javascript:alert(1)', pattern: 'pipe' }];
  const d = analyze(h, { now: () => 1 }, 0);
  const hostile = { diagnosis: d, charts: keyCharts(h, d) };

  it('escapes HTML', () => {
    const html = renderReport('html', hostile);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('href="javascript');
    expect(html).not.toContain('\u001b');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  });

  it('escapes Markdown: no raw HTML, no table-breaking pipes, no links, balanced code spans', () => {
    const md = renderReport('markdown', hostile);
    // Code spans show their content literally (CommonMark): outside them no raw HTML may remain.
    const outsideCode = md.replace(/(`+) .*? \1/g, '');
    expect(outsideCode).not.toMatch(/<script|<img|<b>/);
    expect(outsideCode).not.toContain('](javascript');
    expect(md).not.toContain('\u001b');
    for (const row of md
      .split('\n')
      .filter((l) => l.startsWith('| ') && l.includes('ok-1') === false && l.includes('script'))) {
      const cells = row.replace(/\\\|/g, '').split('|').length;
      const header = md
        .split('\n')
        .find((l) => l.startsWith('| Node') || l.startsWith('| Count') || l.startsWith('| Time'));
      expect(cells, row).toBeGreaterThan(2);
      expect(header).toBeDefined();
    }
    expect(md).toContain('n&lt;script&gt;alert\\(1\\)&lt;/script&gt;\\|\\`x\\`');
  });

  it('strips control characters and ANSI sequences from text', () => {
    const text = renderReport('text', hostile);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });

  it('keeps JSON valid and the strings intact', () => {
    const parsed = JSON.parse(renderReport('json', hostile)) as Diagnosis;
    expect(parsed.service).toBe(evil.service);
    expect(parsed.instances[0]?.node).toBe(evil.node);
    expect(parsed.topErrors[0]?.example).toBe(evil.message);
  });
});

describe('wrap', () => {
  it('never cuts a runbook URL (keepUrls); cuts any other over-long word', async () => {
    const { wrap } = await import('../../../src/report/text.js');
    const url = `https://github.com/Calvinverse/calvin/blob/main/runbooks/${'a'.repeat(80)}.md`;
    expect(wrap(`see runbook: ${url} now`, 40, '  ', true)).toEqual(['see runbook:', `  ${url}`, '  now']);
    expect(wrap(`see runbook: ${url} now`, 40, '  ').every((l) => l.length <= 42)).toBe(true);
  });
});
