import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { formatterByName, FORMATTERS } from '../../../src/lint/formatters/index.js';
import { RULES } from '../../../src/lint/rules/index.js';
import type { LintResult } from '../../../src/lint/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const rules = new Map(RULES.map((r) => [r.meta.id, r.meta]));

const results: LintResult[] = [
  {
    filePath: 'filters/filter.fabio.ctmpl',
    messages: [
      {
        ruleId: 'logstash-unknown-field',
        messageId: 'unknown',
        severity: 'error',
        message: 'Condition tests [prog], which no input produces. Did you mean "program"?',
        line: 4,
        column: 16,
      },
      {
        ruleId: 'logstash-unrouted-tag',
        messageId: 'unrouted',
        severity: 'warning',
        message: 'Tag "a,b:c" is added <but> 100% & unrouted\nsecond line',
        line: 9,
        column: 34,
      },
    ],
    errorCount: 1,
    warningCount: 1,
  },
  {
    filePath: 'dashboards/vault.json',
    messages: [
      {
        ruleId: 'grafana-missing-uid',
        messageId: 'missing',
        severity: 'warning',
        message: 'Dashboard "x" has no uid.',
        line: 1,
        column: 1,
      },
    ],
    errorCount: 0,
    warningCount: 1,
  },
];

function sarifValidator() {
  const schema = JSON.parse(
    readFileSync(path.resolve(here, '../../fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8'),
  ) as Record<string, unknown>;
  // The official schema is draft-04 (`id`); ajv 8 reads it as draft-07 once the root id is `$id`.
  // Its "language" pattern is not valid with the u flag: compile patterns without it.
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s));
  ajv.addFormat('uri-reference', (s: string) => !/\s/.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema);
}

describe('lint formatters', () => {
  it('are found by name, and an unknown name is a clear error', () => {
    expect(Object.keys(FORMATTERS).sort()).toEqual(['github', 'json', 'junit', 'sarif', 'text']);
    expect(() => formatterByName('xml')).toThrow(/unknown lint format "xml"/);
  });

  it('text groups by file with line:col, severity, message, rule id and a summary', () => {
    const out = formatterByName('text')(results, { rules });
    expect(out).toContain('filters/filter.fabio.ctmpl\n  4:16  error    Condition tests [prog]');
    expect(out).toContain('logstash-unknown-field');
    expect(out).toMatch(/✖ 3 problems \(1 error, 2 warnings\)\n$/);
    expect(formatterByName('text')([], { rules })).toBe('✔ No problems found.\n');
  });

  it('json is the results array', () => {
    expect(JSON.parse(formatterByName('json')(results, { rules }))).toEqual(results);
  });

  it('github writes escaped workflow commands', () => {
    const lines = formatterByName('github')(results, { rules }).trimEnd().split('\n');
    expect(lines[0]).toBe(
      '::error file=filters/filter.fabio.ctmpl,line=4,col=16,title=logstash-unknown-field::Condition tests [prog], which no input produces. Did you mean "program"?',
    );
    expect(lines[1]).toBe(
      '::warning file=filters/filter.fabio.ctmpl,line=9,col=34,title=logstash-unrouted-tag::Tag "a,b:c" is added <but> 100%25 & unrouted%0Asecond line',
    );
    expect(lines).toHaveLength(3);
  });

  it('sarif validates against the official SARIF 2.1.0 schema', () => {
    const validate = sarifValidator();
    const log = JSON.parse(formatterByName('sarif')(results, { rules, version: '0.1.0' })) as {
      runs: {
        tool: { driver: { rules: { id: string }[] } };
        results: { ruleId: string; ruleIndex: number; level: string }[];
      }[];
    };
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const run = log.runs[0];
    expect(run?.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['logstash-unknown-field', 'error'],
      ['logstash-unrouted-tag', 'warning'],
      ['grafana-missing-uid', 'warning'],
    ]);
    expect(run?.tool.driver.rules.length).toBe(RULES.length);
    for (const r of run?.results ?? []) expect(run?.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
  });

  it('sarif of a clean run is valid too, and the validator does reject a broken log', () => {
    const validate = sarifValidator();
    expect(validate(JSON.parse(formatterByName('sarif')([], { rules })))).toBe(true);
    const broken = JSON.parse(formatterByName('sarif')(results, { rules })) as {
      runs: { results: { level: string }[] }[];
    };
    (broken.runs[0]?.results[0] as { level: string }).level = 'fatal';
    expect(validate(broken)).toBe(false);
  });

  it('junit has one testsuite per file, a testcase per finding, a passed one for clean files', () => {
    const out = formatterByName('junit')(results, {
      rules,
      files: ['clean.json', 'dashboards/vault.json', 'filters/filter.fabio.ctmpl'],
      maxWarnings: 0,
    });
    expect(out).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="calvin lint" tests="4" failures="3"/,
    );
    expect(out).toContain('<testsuite name="clean.json" tests="1" failures="0" errors="0" skipped="0" time="0">');
    expect(out).toContain('<testcase name="calvin lint" classname="clean.json" time="0"/>');
    expect(out).toContain('<testsuite name="filters/filter.fabio.ctmpl" tests="2" failures="2"');
    expect(out).toContain('message="Tag &quot;a,b:c&quot; is added &lt;but&gt; 100% &amp; unrouted');
    expect(out.match(/<testsuite /g)).toHaveLength(3);
  });

  it('junit fails warnings only when they fail the run (more than --max-warnings), like the exit code', () => {
    // No limit: exit code 0 for warnings, so they are passing testcases with the finding in system-out.
    const unlimited = formatterByName('junit')(results, { rules });
    expect(unlimited).toMatch(/<testsuites name="calvin lint" tests="3" failures="1"/);
    expect(unlimited).toContain('<testsuite name="dashboards/vault.json" tests="1" failures="0"');
    expect(unlimited).toContain(
      '<system-out>warning at dashboards/vault.json:1:1: Dashboard &quot;x&quot; has no uid. [grafana-missing-uid]</system-out>',
    );
    expect(unlimited).not.toContain('type="warning"');
    // Within the limit (2 warnings, --max-warnings 2): still passing. Beyond it: failures.
    expect(formatterByName('junit')(results, { rules, maxWarnings: 2 })).toMatch(/failures="1"/);
    expect(formatterByName('junit')(results, { rules, maxWarnings: 1 })).toMatch(
      /<testsuites name="calvin lint" tests="3" failures="3"/,
    );
  });
});
