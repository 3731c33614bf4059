import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/diagnose/analyze.js';
import { localRunbookLinks, renderReport, runbookFileCandidates } from '../../../src/report/index.js';
import { collected } from '../diagnose/fixtures.js';

const base = analyze(collected(), { now: () => 1 }, 0);
const diagnosis = {
  ...base,
  runbooks: [
    {
      alert: 'ArtefactsDiskFull',
      title: 'Artefacts disk full',
      url: 'https://example.invalid/runbooks/artefacts-disk-full.md',
    },
    { alert: 'Other', title: 'Elsewhere', url: 'https://wiki.example/Other' },
  ],
  knownIssues: [
    {
      id: 'disk-full',
      title: 'A volume is full',
      runbook: 'https://x.invalid/b/runbooks/host-disk-full.md',
      matches: 3,
    },
  ],
};

describe('runbook links of a report written to a file', () => {
  it('finds the runbooks/<file>.md that a URL names', () => {
    expect(Object.fromEntries(runbookFileCandidates(diagnosis))).toEqual({
      'https://example.invalid/runbooks/artefacts-disk-full.md': 'runbooks/artefacts-disk-full.md',
      'https://x.invalid/b/runbooks/host-disk-full.md': 'runbooks/host-disk-full.md',
    });
  });

  it('links the local file, relative to the report, only when it exists', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'calvin-runbooks-'));
    mkdirSync(path.join(root, 'runbooks'));
    mkdirSync(path.join(root, 'reports'));
    writeFileSync(path.join(root, 'runbooks', 'artefacts-disk-full.md'), '# Artefacts disk full\n');
    const links = await localRunbookLinks(diagnosis, root, path.join(root, 'reports', 'nexus.html'));
    expect(links).toEqual({
      'https://example.invalid/runbooks/artefacts-disk-full.md': '../runbooks/artefacts-disk-full.md',
    });
    const html = renderReport('html', { diagnosis, runbookLinks: links });
    expect(html).toContain(
      '<a href="../runbooks/artefacts-disk-full.md" rel="noopener noreferrer">Artefacts disk full</a>',
    );
    expect(html).toContain('href="https://x.invalid/b/runbooks/host-disk-full.md"');
    const markdown = renderReport('markdown', { diagnosis, runbookLinks: links });
    expect(markdown).toContain('[Artefacts disk full](<../runbooks/artefacts-disk-full.md>)');
  });

  it('never turns a link replacement into a script or an absolute path', () => {
    const html = renderReport('html', {
      diagnosis,
      runbookLinks: { 'https://example.invalid/runbooks/artefacts-disk-full.md': 'javascript:alert(1)' },
    });
    expect(html).not.toContain('href="javascript:');
  });
});
