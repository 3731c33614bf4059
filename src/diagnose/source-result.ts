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

export function messageOf(error: unknown): string {
  return isCalvinError(error)
    ? error.oneLine()
    : error instanceof Error
      ? (error.message.split('\n')[0] ?? '')
      : String(error);
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
