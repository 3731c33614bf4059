import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOniguruma } from '../../../../src/logstash/index.js';
import { runTestCommand } from '../../../../src/logstash/testing/command.js';
import { formatJunit, formatText, xmlEscape } from '../../../../src/logstash/testing/format.js';
import { parseCases } from '../../../../src/logstash/testing/files.js';
import { runLogstashTests } from '../../../../src/logstash/testing/run.js';
import { countResults } from '../../../../src/logstash/testing/types.js';
import type { TestReport } from '../../../../src/logstash/testing/types.js';
import { parseLogstash } from '../../../../src/lang/logstash/index.js';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const fixtures = path.join(repoRoot, 'test/fixtures/logstash');
const corpusFilters = path.resolve(
  repoRoot,
  '../shared/calvinverse-corpus/calvinverse.logs.filters/config/kv/config/services/logs/filters',
);
const NOW = new Date('2026-11-23T12:00:00Z');

const run = (paths: string[], format: 'text' | 'json' | 'junit' = 'json') =>
  runTestCommand({ paths: paths.map((p) => path.join(fixtures, p)), root: repoRoot, format, now: NOW, color: false });

beforeAll(async () => {
  await loadOniguruma();
});

describe('calvin test on Logstash configs with case files', () => {
  it('passes a realistic filter: exit 0', async () => {
    const { report, exitCode } = await run(['pass']);
    const parsed = JSON.parse(report) as TestReport;
    expect(exitCode).toBe(0);
    expect(parsed.counts).toEqual({ total: 4, passed: 4, failed: 0, unsupported: 0, error: 0, skipped: 0 });
  });

  it('fails a wrong expectation with a diff: exit 1', async () => {
    const { report, exitCode } = await run(['fail/retag.conf'], 'text');
    expect(exitCode).toBe(1);
    expect(report).toContain('✗ consul lines are retagged');
    expect(report).toContain(
      'tags are ["_grokparsefailure","logs.linux.syslog"] (expected ["logs.application.consul"])',
    );
    expect(report).toContain('-     "logs.application.consul"');
    expect(report).toContain('+     "_grokparsefailure",');
    expect(report).toContain('1 passed, 1 failed (2 cases in 1 suites)');
  });

  it('fails an unevaluated plugin as UNSUPPORTED: exit 1', async () => {
    const { report, exitCode } = await run(['unsupported/geo.cases.yaml']);
    const parsed = JSON.parse(report) as TestReport;
    expect(exitCode).toBe(1);
    expect(parsed.suites[0]?.cases.map((c) => c.status)).toEqual(['unsupported', 'passed']);
  });

  it('cannot run a config with a syntax error, or a path that does not exist', async () => {
    await expect(run(['broken'])).rejects.toMatchObject({
      code: 'BAD_INPUT_FILE',
      exitCode: 2,
      message: expect.stringMatching(/syntax\.conf:4:3: expected a value/),
    });
    await expect(run(['nope.conf'])).rejects.toMatchObject({ code: 'BAD_ARGUMENT', exitCode: 2 });
  });

  it('writes JUnit with counts per suite, failure types and escaped text', async () => {
    const { report } = await run(['pass', 'fail', 'unsupported'], 'junit');
    expect(
      report.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="calvin test" tests="8" failures="2" errors="0" skipped="0"',
      ),
    ).toBe(true);
    expect(report).toMatch(
      /<testsuite name="test\/fixtures\/logstash\/fail\/retag.conf" tests="2" failures="1" errors="0" skipped="0"/,
    );
    expect(report).toContain(
      '<failure type="failed" message="tags are [&quot;_grokparsefailure&quot;,&quot;logs.linux.syslog&quot;] (expected [&quot;logs.application.consul&quot;])">',
    );
    expect(report).toContain('<failure type="UNSUPPORTED"');
    // Well-formed: every opened element is closed.
    const opened = (report.match(/<(testsuites|testsuite|testcase|failure)[ >]/g) ?? []).length;
    const closed = (report.match(/<\/(testsuites|testsuite|testcase|failure)>|<testcase [^>]*\/>/g) ?? []).length;
    expect(closed).toBe(opened);
  });
});

describe('calvin test without paths', () => {
  it('runs the case files kept in the definition folders of the root, and nothing else', async () => {
    const { mkdtempSync, mkdirSync, copyFileSync, rmSync } = await import('node:fs');
    const os = await import('node:os');
    const root = mkdtempSync(path.join(os.tmpdir(), 'calvin-h5-test-'));
    try {
      mkdirSync(path.join(root, 'log-filters/legacy'), { recursive: true });
      mkdirSync(path.join(root, 'elsewhere'));
      copyFileSync(path.join(fixtures, 'pass/nexus.conf'), path.join(root, 'log-filters/legacy/nexus.conf'));
      copyFileSync(
        path.join(fixtures, 'pass/nexus.cases.yaml'),
        path.join(root, 'log-filters/legacy/nexus.cases.yaml'),
      );
      copyFileSync(path.join(fixtures, 'fail/retag.conf'), path.join(root, 'elsewhere/retag.conf'));
      copyFileSync(path.join(fixtures, 'fail/retag.cases.yaml'), path.join(root, 'elsewhere/retag.cases.yaml'));
      const { report, exitCode } = await runTestCommand({ paths: [], root, format: 'json', now: NOW, color: false });
      const parsed = JSON.parse(report) as TestReport;
      expect(exitCode).toBe(0);
      expect(parsed.suites.map((s) => s.kind)).toEqual(['logstash']);
      expect(parsed.counts.passed).toBe(4);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('formats', () => {
  const report: TestReport = {
    suites: [
      {
        name: 'x<&>"',
        kind: 'logstash',
        cases: [
          { name: 'ok', status: 'passed', problems: [], durationMs: 1 },
          {
            name: 'bad\u0007<',
            status: 'failed',
            problems: ['field a is "b" (expected "c")'],
            expected: { a: 'c' },
            actual: { a: 'b' },
            durationMs: 2,
          },
          { name: 'err', status: 'error', problems: ['grok pattern %{X} is not defined'], durationMs: 0 },
          { name: 'skip', status: 'skipped', problems: ['not selected by --run'], durationMs: 0 },
        ],
      },
    ],
    counts: { total: 0, passed: 0, failed: 0, unsupported: 0, error: 0, skipped: 0 },
  };
  report.counts = countResults(report.suites);

  it('escapes XML and drops characters XML cannot hold', () => {
    expect(xmlEscape('a<b>&"c\'\u0007')).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
    const xml = formatJunit(report);
    expect(xml).toContain('<testsuite name="x&lt;&amp;&gt;&quot;" tests="4" failures="1" errors="1" skipped="1"');
    expect(xml).toContain('<testcase classname="logstash.x&lt;&amp;&gt;&quot;" name="bad&lt;" time="0.002">');
    expect(xml).toContain('<error type="error" message="grok pattern %{X} is not defined">');
    expect(xml).toContain('<skipped message="not selected by --run"/>');
  });

  it('shows a diff and strips control characters in text', () => {
    const text = formatText(report);
    expect(text).toContain('✗ bad?<');
    expect(text).toContain('-   "a": "c"');
    expect(text).toContain('+   "a": "b"');
    expect(text).toContain('1 passed, 1 failed, 1 errors, 1 skipped (4 cases in 1 suites)');
  });
});

describe('case files', () => {
  it('rejects malformed case files with the reason', () => {
    expect(() => parseCases('- name: x\n  input: {}\n', 'c.cases.yaml')).toThrow(/needs an expect mapping/);
    expect(() => parseCases('- name: x\n  input: {}\n  expect: { field: {} }\n', 'c.cases.yaml')).toThrow(
      /unknown expect key field/,
    );
    expect(() => parseCases('{ now: never, cases: [] }', 'c.cases.yaml')).toThrow(/is not a date/);
    expect(() => parseCases('a: [', 'c.cases.yaml')).toThrow(/not valid YAML/);
  });

  it('rejects an expectation that asserts nothing (it would pass for any filter)', () => {
    expect(() => parseCases('- name: x\n  input: {}\n  expect: {}\n', 'c.cases.yaml')).toThrow(
      /expect asserts nothing/,
    );
    expect(() => parseCases('- name: x\n  input: {}\n  expect: { fields: {}, absent: [] }\n', 'c.cases.yaml')).toThrow(
      /expect asserts nothing/,
    );
    expect(parseCases('- name: x\n  input: {}\n  expect: { tags: [] }\n', 'c.cases.yaml').cases).toHaveLength(1);
    expect(parseCases('- name: x\n  input: {}\n  expect: { dropped: false }\n', 'c.cases.yaml').cases).toHaveLength(1);
  });
});

describe('the Calvinverse corpus filters, evaluated', () => {
  it('shows that the consul retag filter never adds its tag (grok without match fails)', () => {
    const file = path.join(corpusFilters, 'filter.logs.linux.syslog.consul.ctmpl');
    const { config } = parseLogstash(readFileSync(file, 'utf8'));
    const suite = runLogstashTests(
      {
        file: 'filter.logs.linux.syslog.consul.ctmpl',
        config,
        cases: [
          {
            name: 'retag',
            input: { prog: 'consul', tags: ['logs.linux.syslog'] },
            expect: { tags: ['logs.application.consul'] },
          },
        ],
      },
      { now: NOW },
    );
    expect(suite.cases[0]?.status).toBe('failed');
    expect(suite.cases[0]?.problems).toEqual([
      'tags are ["_grokparsefailure","logs.linux.syslog"] (expected ["logs.application.consul"])',
    ]);
  });

  it('reports the patterns_dir filters as UNSUPPORTED here (the directory does not exist)', () => {
    const file = path.join(corpusFilters, 'filter.logs.linux.syslog.vault.ctmpl');
    const { config } = parseLogstash(readFileSync(file, 'utf8'));
    const suite = runLogstashTests(
      {
        file: 'vault',
        config,
        cases: [{ name: 'vault', input: { prog: 'vault', message: 'x', tags: ['logs.linux.syslog'] }, expect: {} }],
      },
      { now: NOW },
    );
    expect(suite.cases[0]).toMatchObject({
      status: 'unsupported',
      problems: [expect.stringMatching(/patterns_dir '\/etc\/logstash\/conf.d\/patterns' does not exist/)],
    });
  });
});

describe('the CLI process', () => {
  const exec = promisify(execFile);
  const cli = (args: string[]) =>
    exec(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), 'test', ...args], {
      cwd: repoRoot,
    }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('exits 0, 1 and 2', async () => {
    const [pass, fail, bad] = await Promise.all([
      cli(['test/fixtures/logstash/pass', '--now', '2026-11-23T12:00:00Z']),
      cli(['test/fixtures/logstash/fail', '--format', 'junit']),
      cli(['test/fixtures/logstash/pass', '--format', 'yaml']),
    ]);
    expect(pass.code).toBe(0);
    expect(pass.stdout).toContain('4 passed');
    expect(fail.code).toBe(1);
    expect(fail.stdout).toContain('<testsuites');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown --format "yaml"/);
  }, 60_000);
});
