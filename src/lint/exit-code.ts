import type { LintResult, SkippedFile } from './types.js';

/**
 * 1 when there are errors, or more warnings than allowed (`maxWarnings` < 0: unlimited); otherwise 2
 * when a file could not be checked (never "clean" about it); 0 clean.
 */
export function lintExitCode(
  results: readonly LintResult[],
  maxWarnings = -1,
  skipped: readonly SkippedFile[] = [],
): 0 | 1 | 2 {
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0 || (maxWarnings >= 0 && warnings > maxWarnings)) return 1;
  return skipped.length > 0 ? 2 : 0;
}
