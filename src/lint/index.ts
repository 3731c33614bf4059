/** calvin lint: rules over typed definitions and hand-written artifacts, with CI formatters. */
export { lintPaths, lintInputs, type LintRunOptions, type LintRun } from './lint.js';
export { lintExitCode } from './exit-code.js';
export { runRules } from './engine.js';
export {
  buildProject as buildLintProject,
  detectFileType,
  type InputFile as LintInputFile,
  type ProjectInputs as LintProjectInputs,
  type FileType as LintFileType,
} from './project.js';
export { RULES as LINT_RULES, ruleById as lintRuleById } from './rules/index.js';
export {
  FORMATTERS as LINT_FORMATTERS,
  formatterByName as lintFormatterByName,
  type Formatter as LintFormatter,
  type FormatterContext as LintFormatterContext,
  type FormatterName as LintFormatterName,
} from './formatters/index.js';
export {
  parseInfluxQL,
  queryFacts,
  type Statement as InfluxQLStatement,
  type QueryFacts as InfluxQLQueryFacts,
} from '../lang/influxql/index.js';
export { parseJsonWithLocations } from './parsers/json-locations.js';
export type {
  LintRule,
  LintResult,
  LintMessage,
  RuleMeta,
  RuleContext,
  LintProject,
  SkippedFile as LintSkippedFile,
  Severity as LintSeverity,
} from './types.js';
export type { LiveFacts } from './live/facts.js';
