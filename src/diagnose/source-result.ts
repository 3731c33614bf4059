/** The outcome of asking one source (InfluxDB, Elasticsearch): a value, with a status and why not ok. */
import { isCalvinError } from '../errors.js';
import type { SourceStatus } from './types.js';

export interface SourceResult<T> {
  status: SourceStatus;
  error?: string;
  value: T;
}

export function statusOf(error: unknown): SourceStatus {
  return isCalvinError(error) && error.code === 'BACKEND_UNREACHABLE' ? 'unavailable' : 'error';
}

/** Why a source failed, for users: a CalvinError's line; an unexpected error is a bug, and its message no reason. */
export function messageOf(error: unknown): string {
  return isCalvinError(error) ? error.oneLine() : 'internal error in calvin (run with --debug for details)';
}

/** The `sources` and `sourceErrors` of a diagnosis whose Consul answered. */
export function sourcesOf(
  metrics: SourceResult<unknown>,
  logs: SourceResult<unknown>,
): {
  sources: { consul: SourceStatus; influx: SourceStatus; elasticsearch: SourceStatus };
  sourceErrors: { influx?: string; elasticsearch?: string };
} {
  return {
    sources: { consul: 'ok', influx: metrics.status, elasticsearch: logs.status },
    sourceErrors: {
      ...(metrics.error ? { influx: metrics.error } : {}),
      ...(logs.error ? { elasticsearch: logs.error } : {}),
    },
  };
}
