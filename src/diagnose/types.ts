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

export interface Diagnosis {
  service: string;
  query: string;
  environment: string;
  window: TimeWindow;
  baseline: TimeWindow;
  status: DiagnosisStatus;
  summary: string;
  instances: InstanceReport[];
  suspects: { node: string; reason: string; score: number }[];
  timeline: { time: string; node: string; source: string; summary: string }[];
  topErrors: { pattern: string; count: number; nodes: string[]; first: string; last: string; example: string }[];
  knownIssues: { id: string; title: string; runbook: string; matches: number }[];
  runbooks: { alert: string; title: string; url: string }[];
  sources: { consul: SourceStatus; influx: SourceStatus; elasticsearch: SourceStatus };
  durationMs: number;
}
