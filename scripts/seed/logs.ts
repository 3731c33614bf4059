/** ECS log documents for one host: ordinary chatter, a trickle of benign warnings, and the incident. */
import type { BulkDocument } from '../../src/backends/elasticsearch.js';
import { HISTORY_MS, MINUTE, type HostContext, type LogLine, type ScenarioSpec } from './model.js';

const SYSLOG_CHATTER: readonly { process: string; pid: number; message: string }[] = [
  { process: 'CRON', pid: 0, message: 'pam_unix(cron:session): session opened for user root by (uid=0)' },
  { process: 'CRON', pid: 0, message: 'pam_unix(cron:session): session closed for user root' },
  { process: 'systemd', pid: 1, message: 'Started Session {n} of user root.' },
  { process: 'telegraf', pid: 640, message: 'I! [outputs.influxdb] Wrote batch of {n} metrics in 7.{n}ms' },
  { process: 'consul', pid: 711, message: 'agent: Synced node info' },
  { process: 'systemd-timesyncd', pid: 402, message: 'Synchronized to time server 10.0.0.1:123 (ntp.service.consul).' },
  {
    process: 'consul-template',
    pid: 733,
    message: '(runner) rendered "/etc/telegraf/telegraf.d/inputs.ctmpl" => "/etc/telegraf/telegraf.d/inputs.conf"',
  },
];
const SYSLOG_WARNINGS: readonly { process: string; pid: number; message: string }[] = [
  {
    process: 'systemd-resolved',
    pid: 412,
    message: 'Using degraded feature set UDP instead of EDNS0 for DNS server 10.0.0.2.',
  },
  { process: 'consul', pid: 711, message: 'agent: Coordinate update blocked by rate limit' },
];

export interface LogRates {
  /** Chatter lines per host per minute. */
  appPerMinute: number;
  syslogPerMinute: number;
  warningsPerHour: number;
}

export const DEFAULT_RATES: LogRates = { appPerMinute: 4, syslogPerMinute: 3, warningsPerHour: 3 };

function fill(template: string, ctx: HostContext): string {
  return template
    .replace(/\{n\}/g, () => String(ctx.random.int(2, 999)))
    .replace(/\{p\}/g, () => String(ctx.random.int(32768, 60999)))
    .replace(/\{v\}/g, () => `${ctx.random.int(1, 9)}.${ctx.random.int(0, 30)}.${ctx.random.int(0, 200)}`)
    .replace(/\{h\}/g, () => ctx.random.hex(24));
}

/** Every log line of one host over the history, incident included, in no particular order. */
export function* hostLogLines(spec: ScenarioSpec, ctx: HostContext, rates: LogRates): Generator<LogLine> {
  const start = ctx.now - HISTORY_MS;
  const perMinuteWarn = rates.warningsPerHour / 60;
  for (let minute = start; minute < ctx.now; minute += MINUTE) {
    const at = () => minute + Math.floor(ctx.random.next() * MINUTE);
    for (let i = ctx.random.count(rates.appPerMinute); i > 0; i -= 1) {
      yield { time: at(), level: 'info', source: 'app', message: fill(ctx.random.pick(spec.appChatter), ctx) };
    }
    for (let i = ctx.random.count(rates.syslogPerMinute); i > 0; i -= 1) {
      const line = ctx.random.pick(SYSLOG_CHATTER);
      yield {
        time: at(),
        level: 'info',
        source: 'syslog',
        process: line.process,
        pid: line.pid || ctx.random.int(3000, 30000),
        message: fill(line.message, ctx),
      };
    }
    if (ctx.random.next() < perMinuteWarn) {
      yield { time: at(), level: 'warn', source: 'app', message: fill(ctx.random.pick(spec.appWarnings), ctx) };
    }
    if (ctx.random.next() < perMinuteWarn / 2) {
      const line = ctx.random.pick(SYSLOG_WARNINGS);
      yield {
        time: at(),
        level: 'warn',
        source: 'syslog',
        process: line.process,
        pid: line.pid,
        message: line.message,
      };
    }
  }
  for (const line of spec.incidentLogs?.(ctx) ?? []) if (line.time <= ctx.now && line.time >= start) yield line;
}

function day(time: number): string {
  return new Date(time).toISOString().slice(0, 10).replace(/-/g, '.');
}

/** logs-os-linux-syslog-<day> and logs-application-<app>-<day>, or the scenario's own area. */
export function indexName(spec: ScenarioSpec, source: LogLine['source'], time: number): string {
  if (spec.indexArea)
    return source === 'syslog'
      ? `logs-${spec.indexArea}-syslog-${day(time)}`
      : `logs-${spec.indexArea}-${spec.app}-${day(time)}`;
  return source === 'syslog' ? `logs-os-linux-syslog-${day(time)}` : `logs-application-${spec.app}-${day(time)}`;
}

export function indexFor(spec: ScenarioSpec, line: LogLine): string {
  return indexName(spec, line.source, line.time);
}

/** The ECS document of a line. `pidAt` gives the service's pid at that time (it changes on restarts). */
export function toDocument(
  spec: ScenarioSpec,
  node: string,
  line: LogLine,
  pidAt: (t: number) => number,
): BulkDocument {
  const app = line.source === 'app';
  const doc: Record<string, unknown> = {
    '@timestamp': new Date(line.time).toISOString(),
    message: line.message,
    host: { name: node },
    service: { name: spec.serviceTag ?? spec.app },
    log: { level: line.level },
    process: { name: app ? spec.process : (line.process ?? 'syslog'), pid: app ? pidAt(line.time) : (line.pid ?? 1) },
    event: { dataset: app ? `${spec.app}.log` : 'system.syslog' },
    tags: ['calvinverse', 'environment:test', app ? 'application' : 'syslog'],
  };
  if (line.errorType) doc.error = { type: line.errorType };
  return { index: indexFor(spec, line), doc };
}

/** Mapping the seeds create their daily indices with: ECS names, keywords where diagnose aggregates. */
export const LOG_INDEX_BODY = {
  settings: { number_of_shards: 1, number_of_replicas: 0 },
  mappings: {
    properties: {
      '@timestamp': { type: 'date' },
      message: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 2048 } } },
      host: { properties: { name: { type: 'keyword' } } },
      service: { properties: { name: { type: 'keyword' } } },
      log: { properties: { level: { type: 'keyword' } } },
      process: { properties: { name: { type: 'keyword' }, pid: { type: 'long' } } },
      event: { properties: { dataset: { type: 'keyword' } } },
      error: { properties: { type: { type: 'keyword' }, message: { type: 'text' } } },
      tags: { type: 'keyword' },
    },
  },
} as const;
