import type { Formatter } from './types.js';

const xml = (s: string): string =>
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/**
 * JUnit XML as Jenkins, GitLab and the GitHub JUnit reporters read it: one testsuite per file, one
 * testcase per finding (failed), and one passing testcase for a clean file.
 */
export const junit: Formatter = (results, context) => {
  const byFile = new Map(results.map((r) => [r.filePath, r]));
  const files = [...new Set([...(context.files ?? []), ...byFile.keys()])].sort();
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const file of files) {
    const r = byFile.get(file);
    const cases: string[] = [];
    if (!r || r.messages.length === 0) cases.push(`    <testcase name="calvin lint" classname="${xml(file)}" time="0"/>`);
    else {
      for (const m of r.messages) {
        const type = m.severity === 'error' ? 'error' : 'warning';
        cases.push(
          `    <testcase name="${xml(`${m.ruleId} (${m.line}:${m.column})`)}" classname="${xml(file)}" time="0">\n` +
            `      <failure message="${xml(m.message)}" type="${type}">${xml(`${type} at ${file}:${m.line}:${m.column}: ${m.message} [${m.ruleId}]`)}</failure>\n` +
            '    </testcase>',
        );
      }
    }
    const fails = r?.messages.length ?? 0;
    tests += cases.length;
    failures += fails;
    suites.push(`  <testsuite name="${xml(file)}" tests="${cases.length}" failures="${fails}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="calvin lint" tests="${tests}" failures="${failures}" errors="0" time="0">\n${suites.join('\n')}\n</testsuites>\n`;
};
