/** `calvin diagnose` as a library: collect (backends, time-boxed) → analyze (pure) → Diagnosis. */
export type {
  Anomaly,
  CheckStatus,
  DependencyReport,
  Diagnosis,
  DiagnosisStatus,
  InstanceReport,
  SourceStatus,
  TimeWindow,
} from './types.js';
export type {
  Collected,
  CollectedInstance,
  HostLogStats,
  KnownIssue,
  MessageGroup,
  SignalSeries,
  WatchedSignal,
} from './collected.js';
export {
  diagnose,
  exitCodeOf as diagnosisExitCode,
  DEFAULT_DEADLINE_MS,
  DEFAULT_WINDOW_MS,
  type DiagnoseOptions,
  type DiagnoseResult,
} from './run.js';
export { analyze as analyzeDiagnosis, type Clock } from './analyze.js';
export {
  collect as collectDiagnosis,
  type CallOptions,
  type CollectRequest,
  type DiagnoseBackends,
} from './collect.js';
export { createDiagnoseBackends } from './backends.js';
export { keyCharts as diagnosisCharts, type ChartSeries } from './charts.js';
export { loadKnownIssues, matchKnownIssues, parseKnownIssue } from './known-issues.js';
export { templateLabel as messageTemplateLabel, templateOf as messageTemplate } from './templates.js';
export {
  resolveByName as resolveServiceByName,
  resolveByServiceId as resolveServiceById,
  type ServiceMatch,
} from './resolve.js';
export { DEPENDENCY_PREFIX } from './dependency.js';
export { environmentStatus, type StatusOptions } from './status.js';
export {
  environmentExitCode,
  worstStatus,
  type EnvironmentStatus,
  type ServiceStatus,
} from './environment-analysis.js';
export { windowFromFlags as diagnosisWindow } from './options.js';
