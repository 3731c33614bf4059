/**
 * Presets for what every Telegraf-monitored Linux host has: the signals diagnose watches on any
 * node (CPU, memory, disk, load) in the `system` database.
 */
import { DEFAULT_ENVIRONMENT } from './environment.js';
import type { MetricSignal } from './types.js';

/** The databases of the environment model's Telegraf routes (see environment.ts). */
export const SYSTEM_DATABASE = DEFAULT_ENVIRONMENT.databases.system;
export const SERVICES_DATABASE = DEFAULT_ENVIRONMENT.databases.services;
/**
 * Where statsd metrics land: the statsd input tags them with the route `statsd`, and Telegraf's
 * output for that route writes to KV `config/services/metrics/databases/statsd`, `services` in Calvinverse.
 */
export const STATSD_DATABASE = DEFAULT_ENVIRONMENT.databases.statsd;

export interface HostSignalOptions {
  cpu?: { warning: number; critical: number };
  mem?: { warning: number; critical: number };
  disk?: { warning: number; critical: number };
  load?: { warning: number; critical: number };
}

/** cpu.busy (100 - usage_idle of cpu-total), mem.used_percent, disk.used_percent (worst mount), system.load1. */
export function hostSignals(options: HostSignalOptions = {}): MetricSignal[] {
  const cpu = options.cpu ?? { warning: 85, critical: 95 };
  const mem = options.mem ?? { warning: 85, critical: 95 };
  const disk = options.disk ?? { warning: 80, critical: 90 };
  const load = options.load ?? { warning: 4, critical: 8 };
  return [
    {
      name: 'cpu.busy',
      title: 'CPU busy',
      database: SYSTEM_DATABASE,
      measurement: 'cpu',
      field: 'usage_idle',
      aggregate: 'mean',
      where: { cpu: 'cpu-total' },
      invert: 100,
      unit: 'percent',
      worseWhen: 'higher',
      warning: cpu.warning,
      critical: cpu.critical,
    },
    {
      name: 'mem.used_percent',
      title: 'Memory used',
      database: SYSTEM_DATABASE,
      measurement: 'mem',
      field: 'used_percent',
      aggregate: 'mean',
      unit: 'percent',
      worseWhen: 'higher',
      warning: mem.warning,
      critical: mem.critical,
    },
    {
      name: 'disk.used_percent',
      title: 'Disk used (fullest mount)',
      database: SYSTEM_DATABASE,
      measurement: 'disk',
      field: 'used_percent',
      aggregate: 'max',
      unit: 'percent',
      worseWhen: 'higher',
      warning: disk.warning,
      critical: disk.critical,
    },
    {
      name: 'system.load1',
      title: 'Load (1 min)',
      database: SYSTEM_DATABASE,
      measurement: 'system',
      field: 'load1',
      aggregate: 'mean',
      unit: 'short',
      worseWhen: 'higher',
      warning: load.warning,
      critical: load.critical,
    },
  ];
}
