/** Report formats of `calvin test`: text (with diffs), json, junit. */
import { diffLines } from 'diff';
import type { TestCaseResult, TestReport, TestStatus } from './types.js';

export type TestFormat = 'text' | 'json' | 'junit';
export const TEST_FORMATS: readonly TestFormat[] = ['text', 'json', 'junit'];

export interface TextStyle {
  green(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
}

const PLAIN: TextStyle = { green: (s) => s, red: (s) => s, yellow: (s) => s, dim: (s) => s };

/** Strips control characters (names come from user files and are printed to a terminal). */
export function safeText(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');
}

function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    return v;
  };
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}

/** A line diff of expected vs actual: `-` expected, `+` actual. */
export function diffText(expected: unknown, actual: unknown, style: TextStyle = PLAIN): string {
  const out: string[] = [];
  for (const part of diffLines(stableJson(expected), stableJson(actual))) {
    const lines = part.value.replace(/\n$/, '').split('\n');
    for (const line of lines) {
      if (part.added) out.push(style.green(`+ ${line}`));
      else if (part.removed) out.push(style.red(`- ${line}`));
      else out.push(style.dim(`  ${line}`));
    }
  }
  return out.join('\n');
}

const MARK: Record<TestStatus, string> = { passed: '✓', failed: '✗', unsupported: '!', error: '✗', skipped: '-' };

export function formatText(report: TestReport, style: TextStyle = PLAIN): string {
  const lines: string[] = [];
  const paint = (status: TestStatus, s: string): string =>
    status === 'passed'
      ? style.green(s)
      : status === 'skipped'
        ? style.dim(s)
        : status === 'unsupported'
          ? style.yellow(s)
          : style.red(s);
  for (const suite of report.suites) {
    lines.push(
      safeText(suite.name) + (suite.file && suite.file !== suite.name ? style.dim(` (${safeText(suite.file)})`) : ''),
    );
    for (const c of suite.cases) {
      const label =
        c.status === 'passed' || c.status === 'skipped' || c.status === 'failed' ? '' : ` [${c.status.toUpperCase()}]`;
      lines.push(`  ${paint(c.status, `${MARK[c.status]} ${safeText(c.name)}${label}`)}`);
      if (c.status === 'passed' || c.status === 'skipped') continue;
      for (const p of c.problems) lines.push(`      ${safeText(p)}`);
      if (c.expected !== undefined && c.actual !== undefined) {
        lines.push(style.dim('      --- expected  +++ actual'));
        for (const l of diffText(c.expected, c.actual, style).split('\n')) lines.push(`      ${safeText(l)}`);
      }
    }
  }
  const c = report.counts;
  const parts = [`${c.passed} passed`];
  if (c.failed) parts.push(`${c.failed} failed`);
  if (c.unsupported) parts.push(`${c.unsupported} unsupported`);
  if (c.error) parts.push(`${c.error} errors`);
  if (c.skipped) parts.push(`${c.skipped} skipped`);
  const ok = c.failed + c.unsupported + c.error === 0;
  lines.push('');
  lines.push(
    (ok ? style.green : style.red)(`${parts.join(', ')} (${c.total} cases in ${report.suites.length} suites)`),
  );
  return `${lines.join('\n')}\n`;
}

export function formatJson(report: TestReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** XML 1.0 text: escaped, and characters XML cannot hold removed. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

function caseXml(classname: string, c: TestCaseResult): string {
  const open =
    `    <testcase classname="${xmlEscape(classname)}" name="${xmlEscape(c.name)}" ` +
    `time="${seconds(c.durationMs)}"`;
  const body =
    c.problems.join('\n') +
    (c.expected !== undefined && c.actual !== undefined
      ? `\n--- expected  +++ actual\n${diffText(c.expected, c.actual)}`
      : '');
  switch (c.status) {
    case 'passed':
      return `${open}/>`;
    case 'skipped':
      return `${open}>\n      <skipped message="${xmlEscape(c.problems[0] ?? 'skipped')}"/>\n    </testcase>`;
    case 'error': {
      const message = xmlEscape(c.problems[0] ?? 'error');
      return `${open}>\n      <error type="error" message="${message}">${xmlEscape(body)}</error>\n    </testcase>`;
    }
    default: {
      const type = c.status === 'unsupported' ? 'UNSUPPORTED' : 'failed';
      const message = xmlEscape(c.problems[0] ?? c.status);
      const failure = `<failure type="${type}" message="${message}">${xmlEscape(body)}</failure>`;
      return `${open}>\n      ${failure}\n    </testcase>`;
    }
  }
}

/** JUnit XML as Jenkins, GitLab, GitHub test reporters and Azure DevOps read it. */
export function formatJunit(report: TestReport): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const c = report.counts;
  const total = report.suites.reduce((n, s) => n + s.cases.reduce((m, x) => m + x.durationMs, 0), 0);
  out.push(
    `<testsuites name="calvin test" tests="${c.total}" failures="${c.failed + c.unsupported}" ` +
      `errors="${c.error}" skipped="${c.skipped}" time="${seconds(total)}">`,
  );
  for (const s of report.suites) {
    const count = (st: TestCaseResult['status']): number => s.cases.filter((x) => x.status === st).length;
    const time = s.cases.reduce((m, x) => m + x.durationMs, 0);
    const classname = `${s.kind}.${s.name}`;
    out.push(
      `  <testsuite name="${xmlEscape(s.name)}" tests="${s.cases.length}" ` +
        `failures="${count('failed') + count('unsupported')}" errors="${count('error')}" ` +
        `skipped="${count('skipped')}" time="${seconds(time)}"${s.file ? ` file="${xmlEscape(s.file)}"` : ''}>`,
    );
    for (const tc of s.cases) out.push(caseXml(classname, tc));
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

export function formatReport(report: TestReport, format: TestFormat, style?: TextStyle): string {
  if (format === 'json') return formatJson(report);
  if (format === 'junit') return formatJunit(report);
  return formatText(report, style);
}
