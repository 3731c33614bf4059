import type { Formatter } from './types.js';

const xml = (s: string): string =>
  s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/**
 * JUnit XML as Jenkins, GitLab and the GitHub JUnit reporters read it: one testsuite per file, one
 * testcase per finding, and one passing testcase for a clean file.
 *
 * Errors are always <failure>s. Warnings are failures only when they fail the run, that is with
 * --max-warnings N and more than N of them (the same test as the exit code); otherwise a CI
 * dashboard would show red tests for a run that exited 0, so they are passing testcases that carry
 * the finding in <system-out>.
 */
export const junit: Formatter = (results, context) => {
  const byFile = new Map(results.map((r) => [r.filePath, r]));
  const files = [...new Set([...(context.files ?? []), ...byFile.keys()])].sort();
  const maxWarnings = context.maxWarnings ?? -1;
  const totalWarnings = results.reduce((n, r) => n + r.warningCount, 0);
  const warningsFail = maxWarnings >= 0 && totalWarnings > maxWarnings;
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  const skipped = context.skipped ?? [];
  for (const s of skipped) {
    const skip = `      <skipped message="${xml(s.reason)}"/>`;
    const testcase = `    <testcase name="calvin lint" classname="${xml(s.file)}" time="0">\n${skip}\n    </testcase>`;
    suites.push(
      `  <testsuite name="${xml(s.file)}" tests="1" failures="0" errors="0" skipped="1" time="0">\n${testcase}\n  </testsuite>`,
    );
  }
  tests += skipped.length;
  for (const file of files) {
    const r = byFile.get(file);
    const cases: string[] = [];
    let fails = 0;
    if (!r || r.messages.length === 0)
      cases.push(`    <testcase name="calvin lint" classname="${xml(file)}" time="0"/>`);
    else {
      for (const m of r.messages) {
        const type = m.severity === 'error' ? 'error' : 'warning';
        const detail = xml(`${type} at ${file}:${m.line}:${m.column}: ${m.message} [${m.ruleId}]`);
        const failed = m.severity === 'error' || warningsFail;
        if (failed) fails++;
        const body = failed
          ? `      <failure message="${xml(m.message)}" type="${type}">${detail}</failure>`
          : `      <system-out>${detail}</system-out>`;
        cases.push(
          `    <testcase name="${xml(`${m.ruleId} (${m.line}:${m.column})`)}" classname="${xml(file)}" time="0">\n${body}\n    </testcase>`,
        );
      }
    }
    tests += cases.length;
    failures += fails;
    suites.push(
      `  <testsuite name="${xml(file)}" tests="${cases.length}" failures="${fails}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="calvin lint" tests="${tests}" failures="${failures}" errors="0" time="0">\n${suites.join('\n')}\n</testsuites>\n`;
};
