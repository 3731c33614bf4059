/** The diagnosis contract (`calvin diagnose <service> --json`, docs/diagnose.md). Keep it exact. */

export type DiagnosisStatus = 'healthy' | 'degraded' | 'critical' | 'unknown';
export type SourceStatus = 'ok' | 'unavailable' | 'error';
export type CheckStatus = 'passing' | 'warning' | 'critical' | 'maintenance' | string;

export interface TimeWindow {
  from: string;
  to: string;
}

export interface Anomaly {
  source: 'metrics' | 'logs' | 'health';
  signal: string;
  score: number;
  value: number | string | null;
  baseline: number | string | null;
  since: string | null;
  evidence: string;
}

export interface InstanceReport {
  node: string;
  address: string;
  serviceId: string;
  status: DiagnosisStatus;
  checks: { name: string; status: CheckStatus; output: string }[];
  anomalies: Anomaly[];
}

/** A service the diagnosed one depends on, looked at one level deep (an addition to the contract). */
export interface DependencyReport {
  service: string;
  /** What led to it: the name an error message used (`amqp.queue.service.consul`), or `dependsOn`. */
  reference: string;
  via: 'logs' | 'definition';
  status: DiagnosisStatus;
  instances: InstanceReport[];
}

export interface Diagnosis {
  service: string;
  query: string;
  environment: string;
  window: TimeWindow;
  baseline: TimeWindow;
  status: DiagnosisStatus;
  summary: string;
  instances: InstanceReport[];
  /** `version` and `nodes` when the suspect is a version of a rollout (node: its first failing instance). */
  suspects: { node: string; reason: string; score: number; version?: string; nodes?: string[] }[];
  timeline: { time: string; node: string; source: string; summary: string }[];
  topErrors: { pattern: string; count: number; nodes: string[]; first: string; last: string; example: string }[];
  knownIssues: { id: string; title: string; runbook: string; matches: number }[];
  runbooks: { alert: string; title: string; url: string }[];
  sources: { consul: SourceStatus; influx: SourceStatus; elasticsearch: SourceStatus };
  durationMs: number;
  /** Present when the instances run more than one version, or when asked (`--compare-versions`). */
  rollout?: Rollout;
  /** Present when a dependency was declared or named by the errors. */
  dependencies?: DependencyReport[];
}

/** Side-by-side comparison of versions during a rollout (see rollout.ts). */
export interface VersionGroup {
  version: string;
  nodes: string[];
  /** Nodes of this version that are not healthy. */
  unhealthy: string[];
}

export interface SignalComparison {
  signal: string;
  newer: string;
  older: string;
  u: number;
  p: number;
  /** Rank-biserial correlation, signed so that positive means the newer version is worse. */
  effect: number;
}

export type RolloutVerdict = 'new-version-worse' | 'not-the-version' | 'no-difference' | 'single-version';

export interface Rollout {
  versions: VersionGroup[];
  comparisons: SignalComparison[];
  verdict: RolloutVerdict;
  /** For `new-version-worse`: the top error of the new version, per instance ("'NPE' ×89/instance"). */
  evidence?: string;
}
