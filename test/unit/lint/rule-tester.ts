/** RuleTester in the ESLint style: tables of valid inputs and invalid inputs with expected findings. */
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../src/define/types.js';
import { runRules } from '../../../src/lint/engine.js';
import type { LiveFacts } from '../../../src/lint/live/facts.js';
import { buildProject, type InputFile } from '../../../src/lint/project.js';
import type { LintMessage, LintRule } from '../../../src/lint/types.js';

export interface RuleCase {
  files?: InputFile[];
  catalog?: Partial<Catalog>;
  live?: LiveFacts;
  fileExists?: (p: string) => boolean;
  knownPaths?: string[];
}

export interface InvalidCase extends RuleCase {
  errors: { messageId: string; file?: string; line?: number; column?: number }[];
}

export function lintWith(rule: LintRule, c: RuleCase): { file: string; message: LintMessage }[] {
  const catalog: Catalog | undefined = c.catalog
    ? { services: [], dashboards: [], alerts: [], logFilters: [], indexTemplates: [], ...c.catalog }
    : undefined;
  const project = buildProject({
    files: c.files ?? [],
    ...(catalog ? { catalog } : {}),
    ...(c.live ? { live: c.live } : {}),
    ...(c.fileExists ? { fileExists: c.fileExists } : {}),
    ...(c.knownPaths ? { knownPaths: new Set(c.knownPaths) } : {}),
  });
  return runRules(project, [rule]).flatMap((r) => r.messages.map((message) => ({ file: r.filePath, message })));
}

export function ruleTester(rule: LintRule, tables: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    it('has complete metadata', () => {
      expect(rule.meta.docs.description.length).toBeGreaterThan(10);
      expect(rule.meta.docs.hint.length).toBeGreaterThan(10);
      expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    });
    tables.valid.forEach((c, i) => {
      it(`valid #${i + 1} reports nothing`, () => {
        expect(lintWith(rule, c).map((f) => f.message.message)).toEqual([]);
      });
    });
    tables.invalid.forEach((c, i) => {
      it(`invalid #${i + 1} reports ${c.errors.map((e) => e.messageId).join(', ')}`, () => {
        checkInvalid(rule, c);
      });
    });
  });
}

type ExpectedError = InvalidCase['errors'][number];

/** Throws unless the rule reports exactly the expected errors: id, file, and the line and column stated. */
export function checkInvalid(rule: LintRule, c: InvalidCase): void {
  const found = lintWith(rule, c);
  expect(found.map((f, n) => actualAs(f, c.errors[n]))).toEqual(c.errors.map((e) => expectedOf(e, c)));
  for (const f of found) {
    expect(f.message.ruleId).toBe(rule.meta.id);
    expect(f.message.message).not.toMatch(/\{\{\w+\}\}/);
  }
}

/**
 * Every expected error is compared on its file (stated, or the case's only input file; a definition
 * case with no input files must state it), and on its line and column whenever it states them.
 */
export function expectedOf(e: ExpectedError, c: RuleCase): ExpectedError {
  const files = c.files ?? [];
  const file = e.file ?? (files.length === 1 ? files[0]?.path : undefined);
  if (file === undefined)
    throw new Error(`expected error ${e.messageId}: state its file (the case has ${files.length} input files)`);
  return {
    messageId: e.messageId,
    file,
    ...(e.line !== undefined ? { line: e.line } : {}),
    ...(e.column !== undefined ? { column: e.column } : {}),
  };
}

/** A finding in the shape of the expected error it is compared with (same location keys). */
function actualAs(f: { file: string; message: LintMessage }, e: ExpectedError | undefined): ExpectedError {
  return {
    messageId: f.message.messageId,
    file: f.file,
    ...(e?.line !== undefined ? { line: f.message.line } : {}),
    ...(e?.column !== undefined ? { column: f.message.column } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Input builders

export const json = (path: string, value: unknown): InputFile => ({
  path,
  text: `${JSON.stringify(value, null, 2)}\n`,
});
export const text = (path: string, body: string): InputFile => ({ path, text: body });

export interface TargetSpec {
  query?: string;
  measurement?: string;
  field?: string;
  datasource?: string | null;
  refId?: string;
}

export function target(t: TargetSpec): Record<string, unknown> {
  if (t.query !== undefined)
    return {
      refId: t.refId ?? 'A',
      rawQuery: true,
      query: t.query,
      ...(t.datasource !== undefined ? { datasource: t.datasource } : {}),
    };
  return {
    refId: t.refId ?? 'A',
    measurement: t.measurement ?? 'cpu',
    policy: 'default',
    select: [
      [
        { type: 'field', params: [t.field ?? 'usage_idle'] },
        { type: 'mean', params: [] },
      ],
    ],
    groupBy: [
      { type: 'time', params: ['$__interval'] },
      { type: 'fill', params: ['null'] },
    ],
    tags: [],
    ...(t.datasource !== undefined ? { datasource: t.datasource } : {}),
  };
}

export function panel(
  p: {
    id?: number;
    title?: string;
    type?: string;
    datasource?: string | null;
    targets?: Record<string, unknown>[];
    alert?: Record<string, unknown>;
    links?: unknown[];
  } = {},
): Record<string, unknown> {
  return {
    id: p.id ?? 1,
    title: p.title ?? 'CPU',
    type: p.type ?? 'graph',
    datasource: p.datasource === undefined ? 'InfluxDb.System' : p.datasource,
    targets: p.targets ?? [target({})],
    ...(p.alert ? { alert: p.alert } : {}),
    ...(p.links ? { links: p.links } : {}),
  };
}

export function dashboard(
  d: {
    uid?: string | null;
    title?: string;
    panels?: Record<string, unknown>[];
    variables?: Record<string, unknown>[];
  } = {},
): Record<string, unknown> {
  return {
    ...(d.uid === null ? {} : { uid: d.uid ?? 'test-dash' }),
    title: d.title ?? 'Test',
    schemaVersion: 16,
    panels: d.panels ?? [panel()],
    templating: { list: d.variables ?? [] },
  };
}

export const queryVariable = (name: string, query = 'SHOW TAG VALUES WITH KEY = "host"'): Record<string, unknown> => ({
  name,
  type: 'query',
  datasource: 'InfluxDb.System',
  query,
});

export const DATASOURCES = text(
  'datasources/influxdb.yaml',
  'apiVersion: 1\ndatasources:\n- name: InfluxDb.System\n  type: influxdb\n  database: system\n  isDefault: false\n- name: InfluxDb.Services\n  type: influxdb\n  database: services\n  isDefault: false\n',
);
