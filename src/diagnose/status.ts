/** `environmentStatus()`: the library entry point behind `calvin status`. */
import type { Config } from '../config.js';
import type { Catalog } from '../define/types.js';
import type { Clock } from './analyze.js';
import type { DiagnoseBackends } from './backend-types.js';
import { collectEnvironment } from './collect-environment.js';
import { analyzeEnvironment, type EnvironmentStatus } from './environment-analysis.js';
import type { KnownIssue } from './collected.js';
import { DEFAULT_DEADLINE_MS, DEFAULT_WINDOW_MS } from './run.js';

export interface StatusOptions {
  to?: Date;
  lengthMs?: number;
  deadlineMs?: number;
  catalog?: Catalog;
  knownIssues?: KnownIssue[];
  backends?: DiagnoseBackends;
  clock?: Clock;
  /** Index pattern of the logs (default `logs-*`). */
  logIndex?: string;
}

export async function environmentStatus(config: Config, options: StatusOptions = {}): Promise<EnvironmentStatus> {
  const clock = options.clock ?? { now: () => Date.now() };
  const started = clock.now();
  const backends = options.backends ?? (await import('./backends.js')).createDiagnoseBackends(config);
  const env = await collectEnvironment(backends, {
    to: options.to ?? new Date(clock.now()),
    lengthMs: options.lengthMs ?? DEFAULT_WINDOW_MS,
    deadlineAt: started + (options.deadlineMs ?? DEFAULT_DEADLINE_MS),
    now: () => clock.now(),
    systemDatabase: config.databases.system,
    logIndex: options.logIndex ?? 'logs-*',
  });
  const catalog = options.catalog ?? { services: [], dashboards: [], alerts: [], logFilters: [], indexTemplates: [] };
  return analyzeEnvironment(env, catalog, options.knownIssues ?? [], config.databases.system, clock, started);
}
