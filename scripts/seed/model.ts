/** What a scenario describes: one Consul service on its own nodes, their metrics, logs and checks. */
import type { Random } from './random.js';

export const MINUTE = 60_000;
export const HISTORY_MS = 3 * 60 * MINUTE;

/** One host's state at one instant; scenarios bend these values during their incident. */
export interface Sample {
  cpuBusy: number;
  iowait: number;
  memUsedPercent: number;
  diskRootPercent: number;
  diskDataPercent: number;
  load1: number;
  load5: number;
  /** Seconds since the service's process (and, for the host, boot) started. */
  uptime: number;
  pid: number;
  /** Heap used as a fraction of max (Java services). */
  heapFraction: number;
  /** The host is down at this instant: nothing is reported. */
  down: boolean;
}

export interface HostContext {
  node: string;
  index: number;
  instances: number;
  now: number;
  /** Start of the incident, ms (scenario-defined). */
  onset: number;
  random: Random;
}

export interface LogLine {
  time: number;
  level: 'info' | 'warn' | 'error' | 'debug';
  message: string;
  /** syslog lines go to logs-os-linux-syslog-*, app lines to logs-application-<app>-*. */
  source: 'app' | 'syslog';
  process?: string;
  pid?: number;
  errorType?: string;
}

export interface CheckState {
  status: 'passing' | 'warning' | 'critical';
  output: string;
}

export interface ScenarioSpec {
  name: string;
  summary: string;
  service: string;
  nodePrefix: string;
  serviceIdPrefix: string;
  /** Application name in logs-application-<app>-YYYY.MM.dd and service.name. */
  app: string;
  process: string;
  port: number;
  tags: string[];
  /** Telegraf's `category` tag: the shipped service's tagFilters, so its dashboards and alerts read the seeded data. */
  category: string;
  /** Own indices logs-<area>-syslog-* and logs-<area>-<app>-* (wiped whole when reseeding) instead of the shared ones. */
  indexArea?: string;
  /** The `service` metric tag and ECS service.name; defaults to `app`. */
  serviceTag?: string;
  dataPath: string;
  java: boolean;
  rabbit: boolean;
  checkName: string;
  checkUrl: (node: string) => string;
  /** Index (0-based) of the instance the incident hits, 'all', or undefined for a healthy control. */
  incidentIndex?: number | 'all';
  onsetMinutesAgo: number;
  /** Subnet byte for node addresses 10.<n>.0.x. */
  subnet: number;
  appChatter: readonly string[];
  appWarnings: readonly string[];
  /** Bends one host's sample during the incident. */
  shape?: (ctx: HostContext, t: number, s: Sample) => void;
  /** Times (ms) the service process restarted on this host (uptime resets, pid changes). */
  restarts?: (ctx: HostContext) => number[];
  /** The incident's own log lines for this host. */
  incidentLogs?: (ctx: HostContext) => LogLine[];
  /** The service check at `now` when it is not passing. */
  check?: (ctx: HostContext) => CheckState | undefined;
}
