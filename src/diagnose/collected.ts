/**
 * What collect hands to analyze: plain data fetched from Consul, InfluxDB and Elasticsearch,
 * already reshaped so that analysis is a pure function of it (and of an injected clock).
 */
import type { MetricSignal, RunbookLink } from '../define/types.js';
import type { CheckStatus, SourceStatus, TimeWindow } from './types.js';

export interface CollectedCheck {
  name: string;
  status: CheckStatus;
  output: string;
}

export interface CollectedInstance {
  node: string;
  address: string;
  serviceId: string;
  checks: CollectedCheck[];
  /** Version of what the instance runs (Consul service Meta `version`, a version tag, node Meta `image`). */
  version?: string;
}

/** A metric the diagnosis watches; `splitBy` names a tag whose values are separate series (disk path). */
export interface WatchedSignal extends MetricSignal {
  splitBy?: string;
}

export interface SeriesPoint {
  /** Start of the bucket, ISO 8601. */
  time: string;
  value: number | null;
}

/** One host's (and split tag value's) buckets of one signal over the baseline and the window. */
export interface SignalSeries {
  signal: string;
  host: string;
  /** Value of the `splitBy` tag, e.g. `/srv`. */
  split?: string;
  points: SeriesPoint[];
}

export interface LogBucket {
  time: string;
  total: number;
  errors: number;
}

export interface HostLogStats {
  host: string;
  window: { total: number; errors: number };
  baseline: { total: number; errors: number };
  /** Per bucket of the window. */
  buckets: LogBucket[];
}

/** Error messages with identical text, counted by an aggregation (or estimated from a sample). */
export interface MessageGroup {
  message: string;
  count: number;
  /** Count per host (host.name). */
  hosts: { name: string; count: number }[];
  first: string;
  last: string;
  errorTypes: string[];
  services: string[];
  processes: string[];
}

export interface CollectedLogs {
  hosts: HostLogStats[];
  /** Error/critical messages of the window. */
  windowErrors: MessageGroup[];
  /** Error messages of the baseline (to tell new patterns from old ones). */
  baselineErrors: MessageGroup[];
  /** Window errors matching each known issue's signature, counted by the cluster (by issue id). */
  knownIssueCounts?: Record<string, number>;
  /** Per host and process, its pids in the window and the window's length before it (restarts). */
  processes?: ProcessPids[];
  /** Start-up lines (the service's start markers) in that time, with the host's first line then. */
  starts?: StartLine[];
  /** Hosts that logged the service's `service.name` over baseline and window and are no instance now. */
  former?: FormerLogHost[];
}

export interface ProcessPids {
  host: string;
  process: string;
  /** The newest pids (at most a few), each with its first and last line and its count of lines. */
  pids: { pid: string; first: string; last: string; count: number }[];
  /** The process had more pids than those listed (it spawns: cron, sshd sessions). */
  more: boolean;
}

export interface StartLine {
  host: string;
  time: string;
  message: string;
  /** The host's first line of any kind in the same time (a first start is no restart). */
  hostFirst: string;
}

export interface FormerLogHost {
  host: string;
  first: string;
  last: string;
}

export interface AlertRunbook {
  alert: string;
  title: string;
  url: string;
  /** Measurement and field the alert watches: runbooks of alerts on anomalous signals rank first. */
  measurement: string;
  field: string;
}

export interface KnownIssue {
  id: string;
  title: string;
  runbook: string;
  /** Regular expression (case-insensitive) tested on error messages. */
  pattern: string;
  /** Optional exact matches on ECS fields of the messages: error.type, service.name, process.name, host.name. */
  fields?: Record<string, string>;
  /** Restrict to services (Consul names); absent = any service. */
  services?: string[];
}

/** A service this one depends on (declared, or named by its errors), one level deep. */
export interface CollectedDependency {
  service: string;
  /** How it was found: the text an error message named, or `dependsOn`. */
  reference: string;
  via: 'logs' | 'definition';
  /** The nodes the message named, when it named a node or an address rather than the service. */
  nodes?: string[];
  instances: CollectedInstance[];
  signals: WatchedSignal[];
  metrics: SignalSeries[];
  logs: CollectedLogs;
}

export interface Collected {
  service: string;
  query: string;
  environment: string;
  window: TimeWindow;
  baseline: TimeWindow;
  /** Bucket length used in the window, in milliseconds. */
  bucketMs: number;
  instances: CollectedInstance[];
  /** Every Consul service name of the environment (to name a dependency that logs mention). */
  knownServices: string[];
  signals: WatchedSignal[];
  metrics: SignalSeries[];
  logs: CollectedLogs;
  serviceRunbooks: RunbookLink[];
  alertRunbooks: AlertRunbook[];
  knownIssues: KnownIssue[];
  sources: { consul: SourceStatus; influx: SourceStatus; elasticsearch: SourceStatus };
  /** Why a source is not ok (shown in reports; never secrets). */
  sourceErrors: { influx?: string; elasticsearch?: string };
  /** Services this one depends on, with their own health, metrics and logs. */
  dependencies?: CollectedDependency[];
  /** calvin's deploy markers of the environment over the baseline and the window, oldest first. */
  deploys?: DeployRecord[];
  /**
   * Every node that served the service over the baseline and the window (its metrics' `service` tag),
   * current instances or not. Their logs are in `logs.hosts` too: the service's history.
   */
  history?: NodeHistory[];
}

/** A `calvin_deploys` marker point (written by calvin deploy and rollback). */
export interface DeployRecord {
  time: string;
  what: string;
  who: string;
  commit: string;
}

export interface NodeHistory {
  node: string;
  /** Start of the first and of the last bucket with a metric point. */
  first: string;
  last: string;
  /** The metrics' `version` tag, else their `image` tag (the last one seen). */
  version?: string;
}

/** What the metric analysis reads: the window, the watched signals and their series, nothing of the logs. */
export type MetricInputs = Pick<Collected, 'window' | 'signals' | 'metrics'>;
