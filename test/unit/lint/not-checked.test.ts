/**
 * lint never says "No problems found" about files it did not check: truncated templates, binary
 * .json, files over the size limit, JSON nested thousands deep. Each is a finding or a listed
 * "not checked" file (exit 2), in every formatter.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../../src/lint/formatters/index.js';
import { lintExitCode } from '../../../src/lint/exit-code.js';
import { lintPaths, type LintRun } from '../../../src/lint/lint.js';
import { RULES } from '../../../src/lint/rules/index.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'calvin-not-checked-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function lint(files: Record<string, string | Buffer>, maxFileBytes?: number): Promise<LintRun> {
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return lintPaths({
    paths: [dir],
    root: dir,
    cwd: dir,
    rules: RULES,
    loadCatalog: async () => ({ services: [], dashboards: [], alerts: [], logFilters: [], indexTemplates: [] }),
    ...(maxFileBytes ? { maxFileBytes } : {}),
  });
}

const findings = (run: LintRun): string[] =>
  run.results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line}:${m.column} ${m.ruleId} ${m.message}`));
const skipped = (run: LintRun): string[] => run.skipped.map((s) => `${s.file}: ${s.reason}`);
const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('lint never reports "clean" for what it did not check', () => {
  it('truncated JSON containing {{ is an invalid-JSON finding, not "No problems found"', async () => {
    const run = await lint({ 'svc.json': '{ "name": "{{ key "config/name" }}", "port": {{ .Port }}, "tags": [' });
    expect(findings(run)).toEqual([
      'svc.json:1:68 parse-error invalid JSON, even with its template expressions filled in: unexpected end of input',
    ]);
    expect(lintExitCode(run.results, -1, run.skipped)).toBe(1);
  });

  it('truncated JSON containing #{ is an invalid-JSON finding', async () => {
    const run = await lint({ 'svc.json': '{ "port": #{influxdb_http_port}, "name": "x"' });
    expect(findings(run)).toEqual([
      "svc.json:1:45 parse-error invalid JSON, even with its template expressions filled in: expected ',' or '}'",
    ]);
  });

  it('a complete template with #{...} and {{...}} still lints clean (the corpus case)', async () => {
    const run = await lint({ 'svc.json': '{ "port": #{port}, "name": "{{ key "a/b" }}", "tags": ["http"] }' });
    expect(findings(run)).toEqual([]);
    expect(run.skipped).toEqual([]);
    expect(lintExitCode(run.results, -1, run.skipped)).toBe(0);
  });

  it('a template with control structures is listed as not checked', async () => {
    const run = await lint({ 'svc.json': '{ "tags": [{{ range .Tags }}"{{ . }}",{{ end }}] }' });
    expect(skipped(run)).toEqual(['svc.json: template with control structures (line 1): JSON only once rendered']);
    expect(lintExitCode(run.results, -1, run.skipped)).toBe(2);
  });

  it('a random binary .json file is listed as not checked', async () => {
    const run = await lint({ 'blob.json': Buffer.from([0x7b, 0x00, 0xff, 0xfe, 0x12, 0x80, 0x7d]) });
    expect(skipped(run)).toEqual(['blob.json: binary file (contains NUL bytes), not text']);
    expect(findings(run)).toEqual([]);
    expect(lintExitCode(run.results, -1, run.skipped)).toBe(2);
  });

  it('a .json file that is not UTF-8 is listed as not checked', async () => {
    const run = await lint({ 'latin1.json': Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]) });
    expect(skipped(run)).toEqual(['latin1.json: not valid UTF-8 text']);
  });

  it('a file over 5 MB is listed with its size, and --max-file-size raises the limit', async () => {
    const big = `{"title":"big","panels":[],"pad":"${'x'.repeat(5 * 1024 * 1024)}"}`;
    const run = await lint({ 'big.json': big });
    expect(skipped(run)).toEqual(['big.json: 5.0 MB, over the 5.0 MB limit (raise it with --max-file-size)']);
    expect(lintExitCode(run.results, -1, run.skipped)).toBe(2);
    const raised = await lint({ 'big.json': big }, 6 * 1024 * 1024);
    expect(raised.skipped).toEqual([]);
    expect(lintExitCode(raised.results, -1, raised.skipped)).toBe(0);
  });

  it.each([3_000, 5_000, 8_000])(
    'a dashboard nested %i deep is rejected with a clear line, no stack overflow',
    async (depth) => {
      const run = await lint({ 'deep.json': `{"title":"deep","panels":${nested(depth)}}` });
      expect(skipped(run)).toEqual(['deep.json: JSON nested deeper than 256 levels (line 1)']);
      expect(lintExitCode(run.results, -1, run.skipped)).toBe(2);
    },
  );

  it('every formatter lists each file not checked with its reason', async () => {
    const run = await lint({ 'blob.json': Buffer.from([0, 1, 2]), 'deep.json': nested(400) });
    const context = { rules: new Map(RULES.map((r) => [r.meta.id, r.meta])), skipped: run.skipped, files: [] };
    for (const [name, format] of Object.entries(FORMATTERS)) {
      const out = format(run.results, context);
      for (const s of run.skipped) expect(out, name).toContain(s.file);
      expect(out, name).toContain('binary file');
      expect(out, name).not.toContain('No problems found.');
    }
    const text = FORMATTERS.text(run.results, context);
    expect(text).toContain('Not checked (2 files):');
    expect(text).toContain('No problems found in the files checked; 2 not checked.');
    expect(JSON.parse(FORMATTERS.json(run.results, context))).toContainEqual({
      filePath: 'blob.json',
      messages: [],
      errorCount: 0,
      warningCount: 0,
      skipped: 'binary file (contains NUL bytes), not text',
    });
    const sarif = JSON.parse(FORMATTERS.sarif(run.results, context));
    expect(sarif.runs[0].invocations[0].executionSuccessful).toBe(false);
  });
});
