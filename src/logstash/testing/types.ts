/** Results of `calvin test`: suites (one per definition or config file) of cases. */
export type TestStatus = 'passed' | 'failed' | 'unsupported' | 'error' | 'skipped';

export interface TestCaseResult {
  name: string;
  status: TestStatus;
  /** One line per unmet expectation, or the reason (unsupported, error, skipped). */
  problems: string[];
  /** Expected and actual values for a diff (failed cases). */
  expected?: unknown;
  actual?: unknown;
  durationMs: number;
}

export interface TestSuiteResult {
  /** Definition id or config file. */
  name: string;
  kind: 'log-filter' | 'alert' | 'logstash';
  file?: string;
  cases: TestCaseResult[];
}

export interface TestCounts {
  total: number;
  passed: number;
  failed: number;
  unsupported: number;
  error: number;
  skipped: number;
}

export interface TestReport {
  suites: TestSuiteResult[];
  counts: TestCounts;
}

export function countResults(suites: readonly TestSuiteResult[]): TestCounts {
  const counts: TestCounts = { total: 0, passed: 0, failed: 0, unsupported: 0, error: 0, skipped: 0 };
  for (const s of suites) {
    for (const c of s.cases) {
      counts.total++;
      counts[c.status]++;
    }
  }
  return counts;
}

/** 0 when every case that ran passed, 1 otherwise (a case that could not be evaluated fails too). */
export function testExitCode(report: TestReport): 0 | 1 {
  const c = report.counts;
  return c.failed + c.unsupported + c.error === 0 ? 0 : 1;
}
