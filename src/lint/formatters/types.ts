import { escapeControlLine } from '../../terminal.js';
import type { LintResult, RuleMeta, SkippedFile } from '../types.js';

export interface FormatterContext {
  /** Metadata of the rules that ran, by id (for SARIF rule descriptors and hints). */
  rules: Map<string, RuleMeta>;
  /** Every linted file (results hold only files with findings); JUnit lists the clean ones as passed. */
  files?: string[];
  color?: boolean;
  /**
   * --max-warnings of the run (< 0 or absent: unlimited). Formatters never pick the exit code, but
   * JUnit must not mark as failed what the exit code passes (warnings within the limit).
   */
  maxWarnings?: number;
  /** calvin's version, for SARIF tool.driver.version. */
  version?: string;
  /** Files lint did not check, with the reason: every formatter lists them, none calls them clean. */
  skipped?: readonly SkippedFile[];
}

/** A formatter turns results into text. It never decides the exit code. */
export type Formatter = (results: LintResult[], context: FormatterContext) => string;

/** Control characters and bidi marks in names that came from files or backends, shown escaped (terminal safety). */
export const clean = (text: string): string => escapeControlLine(text);
