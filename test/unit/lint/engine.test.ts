import { describe, expect, it } from 'vitest';
import { runRules } from '../../../src/lint/engine.js';
import { lintExitCode } from '../../../src/lint/exit-code.js';
import { buildProject, detectFileType } from '../../../src/lint/project.js';
import { RULES } from '../../../src/lint/rules/index.js';
import type { LintRule } from '../../../src/lint/types.js';

describe('lint engine', () => {
  it('registers visitors once and dispatches every node to them', () => {
    const seen: string[] = [];
    const rule: LintRule = {
      meta: {
        id: 'probe',
        type: 'problem',
        severity: 'warning',
        docs: { description: 'probe rule for the test', hint: 'nothing to do here' },
        messages: { m: 'panel {{title}}' },
      },
      create: (ctx) => ({
        'grafana-panel': (p) => {
          seen.push(p.title);
          ctx.report({ node: p, messageId: 'm', data: { title: p.title } });
        },
        project: () => seen.push('project'),
      }),
    };
    const project = buildProject({
      files: [
        {
          path: 'd.json',
          text: JSON.stringify({
            title: 'd',
            schemaVersion: 16,
            panels: [
              { id: 1, title: 'A', type: 'graph' },
              { id: 2, title: 'B', type: 'graph' },
            ],
          }),
        },
      ],
    });
    const results = runRules(project, [rule]);
    expect(seen).toEqual(['A', 'B', 'project']);
    expect(results).toEqual([
      {
        filePath: 'd.json',
        errorCount: 0,
        warningCount: 2,
        messages: [
          { ruleId: 'probe', messageId: 'm', severity: 'warning', message: 'panel A', line: 1, column: 43 },
          { ruleId: 'probe', messageId: 'm', severity: 'warning', message: 'panel B', line: 1, column: 79 },
        ],
      },
    ]);
  });

  it('rejects a messageId the rule does not declare', () => {
    const rule: LintRule = {
      meta: { id: 'bad', type: 'problem', severity: 'error', docs: { description: 'x', hint: 'y' }, messages: {} },
      create: (ctx) => ({ project: (n) => ctx.report({ node: n, messageId: 'nope' }) }),
    };
    expect(() => runRules(buildProject({ files: [] }), [rule])).toThrow(/unknown messageId "nope"/);
  });

  it('has at least 25 rules with unique ids, each with a test file', async () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(25);
    const { existsSync } = await import('node:fs');
    const path = await import('node:path');
    const { fileURLToPath } = await import('node:url');
    const here = path.dirname(fileURLToPath(import.meta.url));
    for (const id of ids) expect(existsSync(path.join(here, 'rules', `${id}.test.ts`)), id).toBe(true);
  });

  it('detects file types by extension and content', () => {
    expect(detectFileType('a.tick', '')).toBe('tickscript');
    expect(detectFileType('telegraf.ctmpl', '[[inputs.cpu]]\n')).toBe('telegraf');
    expect(detectFileType('f.ctmpl', 'filter {\n}\n')).toBe('logstash');
    expect(detectFileType('o.ctmpl', 'if "x" in [tags] {\n  output {}\n}\n')).toBe('logstash');
    expect(detectFileType('syslog-ng.ctmpl', 'body("$(format-json a=$A)")')).toBe('syslog-ng');
    expect(detectFileType('ds.yaml', 'datasources:\n- name: x\n')).toBe('grafana-datasources');
    expect(detectFileType('logs.yaml', 'config:\n  - key: a\n    file: b\n')).toBe('kv-manifest');
    expect(detectFileType('rabbitmq.config.ctmpl', '[{rabbit, []}].')).toBe('other');
  });
});

describe('lint exit code', () => {
  const r = (errorCount: number, warningCount: number) => [{ filePath: 'f', messages: [], errorCount, warningCount }];
  it('is 1 for errors, or warnings over --max-warnings; 0 otherwise', () => {
    expect(lintExitCode([])).toBe(0);
    expect(lintExitCode(r(1, 0))).toBe(1);
    expect(lintExitCode(r(0, 3))).toBe(0);
    expect(lintExitCode(r(0, 3), 3)).toBe(0);
    expect(lintExitCode(r(0, 3), 2)).toBe(1);
    expect(lintExitCode(r(0, 1), 0)).toBe(1);
  });
});
