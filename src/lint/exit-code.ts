import type { LintResult } from './types.js';

/** 0 clean; 1 when there are errors, or more warnings than allowed (`maxWarnings` < 0: unlimited). */
export function lintExitCode(results: readonly LintResult[], maxWarnings = -1): 0 | 1 {
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  return errors > 0 || (maxWarnings >= 0 && warnings > maxWarnings) ? 1 : 0;
}
