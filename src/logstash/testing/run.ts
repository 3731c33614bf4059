/**
 * Runs test cases: typed log filters and alerts from a Catalog, and raw Logstash configs with
 * their case lists. Pure apart from the injected clock; files are read by the caller.
 */
import type { AlertDef, Catalog, LogFilterDef, LogFilterTestCase } from '../../define/types.js';
import type { Config } from '../../lang/logstash/ast.js';
import { checkAlertCase, AlertTestError, UnsupportedAlertError } from '../../simulate/index.js';
import { checkLogCase } from '../pipeline/expect.js';
import { compileLogFilterDef, compileLogstashFilters } from '../pipeline/program.js';
import type { FilterProgram, ProgramOptions } from '../pipeline/program.js';
import { FilterConfigError } from '../pipeline/types.js';
import type { TestCaseResult, TestReport, TestSuiteResult } from './types.js';
import { countResults } from './types.js';

export interface RunOptions {
  /** Only cases whose "suite › case" name matches; others are reported as skipped. */
  filter?: RegExp;
  /** Clock for dates without a year. */
  now: Date;
  /** Elapsed-time source for durations (tests pass a fake). */
  timer?: () => number;
  program?: ProgramOptions;
}

export interface RawLogstashSuite {
  file: string;
  config: Config;
  cases: LogFilterTestCase[];
  /** Overrides the run's clock for this file. */
  now?: Date;
  /** Reads a grok patterns_dir relative to the file (I/O injected by the caller). */
  loadPatternsDir?: (dir: string) => Record<string, string> | undefined;
}

const selected = (options: RunOptions, suite: string, name: string): boolean =>
  !options.filter || options.filter.test(`${suite} › ${name}`);

function skipped(name: string): TestCaseResult {
  return { name, status: 'skipped', problems: ['not selected by --run'], durationMs: 0 };
}

function logSuite(
  name: string,
  kind: TestSuiteResult['kind'],
  file: string | undefined,
  cases: LogFilterTestCase[],
  compile: () => FilterProgram,
  options: RunOptions,
  now: Date,
): TestSuiteResult {
  const suite: TestSuiteResult = { name, kind, cases: [] };
  if (file) suite.file = file;
  const timer = options.timer ?? (() => performance.now());
  let program: FilterProgram | undefined;
  let compileError: string | undefined;
  if (cases.some((c) => selected(options, name, c.name))) {
    try {
      program = compile();
    } catch (err) {
      if (!(err instanceof FilterConfigError)) throw err;
      compileError = err.message;
    }
  }
  for (const c of cases) {
    if (!selected(options, name, c.name)) {
      suite.cases.push(skipped(c.name));
      continue;
    }
    if (!program) {
      suite.cases.push({
        name: c.name,
        status: 'error',
        problems: [compileError ?? 'filter did not compile'],
        durationMs: 0,
      });
      continue;
    }
    const start = timer();
    const outcome = checkLogCase(program, c, { now });
    const result: TestCaseResult = {
      name: c.name,
      status: outcome.status,
      problems: outcome.problems,
      durationMs: timer() - start,
    };
    if (outcome.expected) result.expected = outcome.expected;
    if (outcome.actual) result.actual = outcome.actual;
    suite.cases.push(result);
  }
  return suite;
}

export function runLogFilterTests(def: LogFilterDef, options: RunOptions): TestSuiteResult {
  return logSuite(
    def.id,
    'log-filter',
    def.source?.file,
    def.tests,
    () => compileLogFilterDef(def, options.program),
    options,
    options.now,
  );
}

export function runLogstashTests(raw: RawLogstashSuite, options: RunOptions): TestSuiteResult {
  return logSuite(
    raw.file,
    'logstash',
    raw.file,
    raw.cases,
    () =>
      compileLogstashFilters(raw.config, raw.file, {
        ...options.program,
        ...(raw.loadPatternsDir ? { loadPatternsDir: raw.loadPatternsDir } : {}),
      }),
    options,
    raw.now ?? options.now,
  );
}

export function runAlertTests(alert: AlertDef, options: RunOptions): TestSuiteResult {
  const suite: TestSuiteResult = { name: alert.id, kind: 'alert', cases: [] };
  if (alert.source?.file) suite.file = alert.source.file;
  const timer = options.timer ?? (() => performance.now());
  for (const c of alert.tests) {
    if (!selected(options, alert.id, c.name)) {
      suite.cases.push(skipped(c.name));
      continue;
    }
    const start = timer();
    try {
      const { results, simulation } = checkAlertCase(alert, c);
      const failed = results.filter((r) => !r.passed);
      const problems = failed.map((r) => {
        const where = Object.keys(r.tags).length
          ? ` for ${Object.entries(r.tags)
              .map(([k, v]) => `${k}=${v}`)
              .join(',')}`
          : '';
        const got = r.actual.length === 0 ? 'no matching series (OK)' : r.actual.map((a) => a.level).join(', ');
        return `at ${r.at}${where}: expected ${r.expected}, got ${got}`;
      });
      const result: TestCaseResult = {
        name: c.name,
        status: failed.length ? 'failed' : 'passed',
        problems,
        durationMs: timer() - start,
      };
      if (failed.length) {
        result.expected = results.map((r) => ({ at: r.at, tags: r.tags, level: r.expected }));
        result.actual = results.map((r) => ({
          at: r.at,
          tags: r.tags,
          level: r.actual.length === 0 ? 'OK' : r.actual.map((a) => a.level).join(', '),
        }));
        result.problems.push(
          ...simulation.groups.map(
            (g) =>
              `timeline ${
                Object.entries(g.tags)
                  .map(([k, v]) => `${k}=${v}`)
                  .join(',') || '(all)'
              }: ${compress(g.steps.map((s) => s.level)).join(' ')}`,
          ),
        );
      }
      suite.cases.push(result);
    } catch (err) {
      if (err instanceof UnsupportedAlertError)
        suite.cases.push({ name: c.name, status: 'unsupported', problems: [err.message], durationMs: timer() - start });
      else if (err instanceof AlertTestError)
        suite.cases.push({ name: c.name, status: 'error', problems: [err.message], durationMs: timer() - start });
      else throw err;
    }
  }
  return suite;
}

/** `OK OK OK WARNING` → `OKx3 WARNING`. */
function compress(levels: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < levels.length; ) {
    let j = i;
    while (levels[j] === levels[i]) j++;
    out.push(j - i > 1 ? `${levels[i]}x${j - i}` : (levels[i] as string));
    i = j;
  }
  return out;
}

/** Every test of a catalog (log filters, then alerts) and of raw configs. */
export function runTests(input: { catalog?: Catalog; logstash?: RawLogstashSuite[] }, options: RunOptions): TestReport {
  const suites: TestSuiteResult[] = [];
  for (const def of input.catalog?.logFilters ?? []) if (def.tests.length) suites.push(runLogFilterTests(def, options));
  for (const alert of input.catalog?.alerts ?? []) if (alert.tests.length) suites.push(runAlertTests(alert, options));
  for (const raw of input.logstash ?? []) suites.push(runLogstashTests(raw, options));
  return { suites, counts: countResults(suites) };
}
