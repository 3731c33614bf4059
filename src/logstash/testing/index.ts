export { runTests, runAlertTests, runLogFilterTests, runLogstashTests } from './run.js';
export type { RunOptions, RawLogstashSuite } from './run.js';
export { formatReport, formatText, formatJson, formatJunit, diffText, xmlEscape, TEST_FORMATS } from './format.js';
export type { TestFormat, TextStyle } from './format.js';
export { countResults, testExitCode } from './types.js';
export type { TestCaseResult, TestCounts, TestReport, TestStatus, TestSuiteResult } from './types.js';
export {
  parseCases,
  readLogstashSuite,
  findCaseFiles,
  casesFileFor,
  configFileFor,
  isConfigFile,
  patternsDirLoader,
  CASES_SUFFIX,
} from './files.js';
