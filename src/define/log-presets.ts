/**
 * Presets for log filters of Calvinverse syslog: the tag the RabbitMQ input sets, steps that map
 * any level spelling onto ECS `log.level` values, and the event shape the ECS base filter leaves
 * (used as input of service filters' test cases).
 */
import { allOf, fieldEq, grokStep, hasTag, mutateStep } from './log-filter.js';
import type { FilterStep, LogCondition, ProducedField } from './types.js';

/** Tag of events from the syslog RabbitMQ input (`input.rabbitmq.logs.syslog`). */
export const SYSLOG_TAG = 'logs.linux.syslog';

/** The ECS levels calvin writes to `log.level`. */
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;

/** Lower-cases `field`, then folds level spellings (WARNING, SEVERE, err, FINE, notice...) to error/warn/info/debug. */
export function logLevelSteps(field = 'log.level'): FilterStep[] {
  return [
    mutateStep({ lowercase: [field] }),
    mutateStep({
      gsub: [
        { field, pattern: '^(?:err|error|severe|fatal|crit|critical|alert|emerg|emergency)$', replacement: 'error' },
        { field, pattern: '^(?:warn|warning)$', replacement: 'warn' },
        { field, pattern: '^(?:info|information|informational|notice)$', replacement: 'info' },
        { field, pattern: '^(?:debug|trace|fine|finer|finest|config)$', replacement: 'debug' },
      ],
    }),
  ];
}

/** hclog, the layout of Consul and Vault: `2026-11-23T10:15:02.123Z [WARN]  agent: text`. */
export const HCLOG_LINE =
  '^%{TIMESTAMP_ISO8601}%{SPACE}\\[%{LOGLEVEL:[log][level]}\\]%{SPACE}%{DATA:[log][logger]}: %{GREEDYDATA:message}$';

/**
 * Groks an application's own line layout out of the syslog message (its level replaces the one
 * derived from the syslog severity, the text after the prefix becomes the message), tags lines
 * that do not match `_grokparsefailure_<app>`, and folds the level onto ECS values.
 */
export function appLineSteps(
  app: string,
  patterns: string[],
  options: { patternDefinitions?: Record<string, string> } = {},
): FilterStep[] {
  return [
    grokStep('message', patterns, {
      ...options,
      overwrite: ['message', 'log.level'],
      tagOnFailure: [`_grokparsefailure_${app}`],
    }),
    ...logLevelSteps(),
  ];
}

/** What every service log filter sets: the service, the dataset and the ECS level. */
export const SERVICE_LOG_FIELDS: readonly ProducedField[] = [
  { field: 'service.name', type: 'keyword' },
  { field: 'event.dataset', type: 'keyword' },
  { field: 'log.level', type: 'keyword' },
];

/** Syslog events of one program, after the ECS base filter: `process.name == program`. */
export function syslogProgram(program: string): LogCondition {
  return allOf(hasTag(SYSLOG_TAG), fieldEq('process.name', program));
}

export interface SyslogEventOptions {
  program: string;
  message: string;
  host?: string;
  /** ECS level the base filter derived from the syslog severity. */
  level?: string;
  pid?: number;
  timestamp?: string;
}

/** An event as the ECS base filter leaves it (nested, as Logstash holds it). */
export function ecsSyslogEvent(options: SyslogEventOptions): Record<string, unknown> {
  return {
    '@timestamp': options.timestamp ?? '2026-11-23T10:15:02.000Z',
    message: options.message,
    host: { name: options.host ?? 'node-01' },
    process: { name: options.program, pid: options.pid ?? 1234 },
    log: {
      level: options.level ?? 'info',
      syslog: {
        facility: { name: 'daemon' },
        severity: {
          name: options.level === 'warn' ? 'warning' : options.level === 'error' ? 'err' : 'info',
          code: options.level === 'error' ? 3 : options.level === 'warn' ? 4 : 6,
        },
      },
    },
    tags: [SYSLOG_TAG],
  };
}
