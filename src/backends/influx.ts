/**
 * InfluxDB 1.x over HTTP: InfluxQL on `/query`, line protocol on `/write`. Query text that names
 * anything is built with the escaping helpers of define/influxql.ts; points are built with
 * `Point` from @influxdata/influxdb-client. I/O only: no decisions here.
 */
import type { Point } from '@influxdata/influxdb-client';
import type { Endpoint } from '../config.js';
import { quoteIdent, quoteString } from '../define/influxql.js';
import { CalvinError } from '../errors.js';
import { redact } from '../redact.js';
import { credentialHeaders, httpRequest, safeOrigin } from './http.js';

export type InfluxEndpoint = Endpoint & { username?: string; password?: string };

export type InfluxValue = string | number | boolean | null;

export interface Series {
  name: string;
  tags: Record<string, string>;
  columns: string[];
  values: InfluxValue[][];
}

export interface InfluxQueryOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Time column as epoch numbers in this unit (default `ms`), or `rfc3339` for strings. */
  epoch?: 'ns' | 'u' | 'ms' | 's' | 'm' | 'h' | 'rfc3339';
}

interface RawResult {
  statement_id?: number;
  error?: string;
  series?: { name?: string; tags?: Record<string, string>; columns?: string[]; values?: InfluxValue[][] }[];
}

const INFLUX_HINT = 'check that InfluxDB is running and INFLUX_URL (or the Consul service metrics/http) points at it';

function base(endpoint: InfluxEndpoint): string {
  return endpoint.url.replace(/\/+$/, '');
}

/** Shortens a query for messages: the first line, at most 160 characters. */
function excerpt(queryText: string): string {
  const first = queryText.split('\n')[0] ?? '';
  return first.length > 160 ? `${first.slice(0, 157)}...` : first;
}

/**
 * Runs one or more `;`-separated statements; returns the series of each statement, by statement
 * index. An error in any statement's result becomes a CalvinError.
 */
export async function influxQueryStatements(
  endpoint: InfluxEndpoint,
  database: string,
  queryText: string,
  options: InfluxQueryOptions = {},
): Promise<Series[][]> {
  const form = new URLSearchParams({ q: queryText });
  if (database) form.set('db', database);
  const epoch = options.epoch ?? 'ms';
  if (epoch !== 'rfc3339') form.set('epoch', epoch);
  const res = await httpRequest<{ results?: RawResult[]; error?: string } | string>({
    method: 'POST',
    url: `${base(endpoint)}/query`,
    headers: { ...credentialHeaders(endpoint, 'Token'), 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    backend: 'InfluxDB',
    hint: INFLUX_HINT,
    timeoutMs: options.timeoutMs ?? 5_000,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const body = typeof res.body === 'string' ? { error: res.body } : res.body;
  if (res.status === 401 || res.status === 403) {
    throw new CalvinError(
      'UNAUTHORIZED',
      `InfluxDB at ${safeOrigin(endpoint.url)} refused the query (${res.status})`,
      'check INFLUX_TOKEN or INFLUX_USERNAME/INFLUX_PASSWORD',
    );
  }
  if (res.status < 200 || res.status >= 300 || body.error) {
    throw new CalvinError(
      'BACKEND_ERROR',
      redact(`InfluxDB rejected ${excerpt(queryText)}: ${body.error ?? `HTTP ${res.status}`}`),
      'see the query text with --debug; names are escaped, so this is likely a missing database or a syntax the ' +
        'server version lacks',
    );
  }
  const results = body.results ?? [];
  const out: Series[][] = [];
  results.forEach((result, index) => {
    if (result.error) {
      throw new CalvinError(
        'BACKEND_ERROR',
        redact(`InfluxDB rejected ${excerpt(queryText)} in database "${database}": ${result.error}`),
        /database not found/.test(result.error)
          ? `create the database or point calvin at the right one (databases: system, services)`
          : 'run with --debug to see the query',
      );
    }
    out[result.statement_id ?? index] = (result.series ?? []).map((s) => ({
      name: s.name ?? '',
      tags: s.tags ?? {},
      columns: s.columns ?? [],
      values: s.values ?? [],
    }));
  });
  return out;
}

/** Runs InfluxQL on `/query` and returns the series of all statements, in order. */
export async function influxQuery(
  endpoint: InfluxEndpoint,
  database: string,
  queryText: string,
  options: InfluxQueryOptions = {},
): Promise<Series[]> {
  return (await influxQueryStatements(endpoint, database, queryText, options)).flat();
}

export interface WriteOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Lines per request (default 5,000). */
  batchSize?: number;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
}

/** Line protocol with millisecond timestamps (numbers are taken as epoch ms). */
export function toLineProtocolMs(point: Point): string | undefined {
  return point.toLineProtocol({
    convertTime: (value) => {
      if (value === undefined) return undefined;
      if (value instanceof Date) return String(value.getTime());
      if (typeof value === 'number') return String(Math.round(value));
      return value;
    },
  });
}

async function postLines(
  endpoint: InfluxEndpoint,
  database: string,
  lines: string,
  options: WriteOptions,
): Promise<void> {
  const url = `${base(endpoint)}/write?${new URLSearchParams({ db: database, precision: 'ms' }).toString()}`;
  const res = await httpRequest<{ error?: string } | string>({
    method: 'POST',
    url,
    headers: { ...credentialHeaders(endpoint, 'Token'), 'content-type': 'text/plain; charset=utf-8' },
    body: lines,
    backend: 'InfluxDB',
    hint: INFLUX_HINT,
    timeoutMs: options.timeoutMs ?? 30_000,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (res.status === 204 || res.status === 200) return;
  const detail = typeof res.body === 'string' ? res.body : (res.body.error ?? '');
  if (res.status === 401 || res.status === 403) {
    throw new CalvinError(
      'UNAUTHORIZED',
      `InfluxDB at ${safeOrigin(endpoint.url)} refused the write (${res.status})`,
      'check INFLUX_TOKEN or INFLUX_USERNAME/INFLUX_PASSWORD',
    );
  }
  throw new CalvinError(
    'BACKEND_ERROR',
    redact(`InfluxDB rejected a write to "${database}" (${res.status}): ${detail.slice(0, 300)}`),
    res.status === 404 ? 'create the database first' : 'see the InfluxDB log',
  );
}

/** Writes points in batches (POST /write?precision=ms); returns the number of lines written. */
export async function writePoints(
  endpoint: InfluxEndpoint,
  database: string,
  points: Iterable<Point>,
  options: WriteOptions = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 5_000;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const inFlight = new Set<Promise<void>>();
  let batch: string[] = [];
  let written = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const lines = batch.join('\n');
    written += batch.length;
    batch = [];
    const request = postLines(endpoint, database, lines, options).finally(() => inFlight.delete(request));
    inFlight.add(request);
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  };
  for (const point of points) {
    const line = toLineProtocolMs(point);
    if (line === undefined) continue; // a point without fields is not writable
    batch.push(line);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  await Promise.all(inFlight);
  return written;
}

export async function createDatabase(
  endpoint: InfluxEndpoint,
  database: string,
  options: InfluxQueryOptions = {},
): Promise<void> {
  await influxQuery(endpoint, '', `CREATE DATABASE ${quoteIdent(database)}`, options);
}

export async function listDatabases(endpoint: InfluxEndpoint, options: InfluxQueryOptions = {}): Promise<string[]> {
  const series = await influxQuery(endpoint, '', 'SHOW DATABASES', options);
  return series.flatMap((s) => s.values.map((v) => String(v[0])));
}

export async function dropDatabase(
  endpoint: InfluxEndpoint,
  database: string,
  options: InfluxQueryOptions = {},
): Promise<void> {
  await influxQuery(endpoint, '', `DROP DATABASE ${quoteIdent(database)}`, options);
}

export async function showMeasurements(
  endpoint: InfluxEndpoint,
  database: string,
  options: InfluxQueryOptions = {},
): Promise<string[]> {
  const series = await influxQuery(endpoint, database, 'SHOW MEASUREMENTS', options);
  return series.flatMap((s) => s.values.map((v) => String(v[0])));
}

export interface FieldKey {
  measurement: string;
  fieldKey: string;
  fieldType: string;
}

export async function showFieldKeys(
  endpoint: InfluxEndpoint,
  database: string,
  measurement?: string,
  options: InfluxQueryOptions = {},
): Promise<FieldKey[]> {
  const text = measurement === undefined ? 'SHOW FIELD KEYS' : `SHOW FIELD KEYS FROM ${quoteIdent(measurement)}`;
  const series = await influxQuery(endpoint, database, text, options);
  return series.flatMap((s) =>
    s.values.map((v) => ({ measurement: s.name, fieldKey: String(v[0]), fieldType: String(v[1]) })),
  );
}

export interface TagKey {
  measurement: string;
  tagKey: string;
}

export async function showTagKeys(
  endpoint: InfluxEndpoint,
  database: string,
  measurement?: string,
  options: InfluxQueryOptions = {},
): Promise<TagKey[]> {
  const text = measurement === undefined ? 'SHOW TAG KEYS' : `SHOW TAG KEYS FROM ${quoteIdent(measurement)}`;
  const series = await influxQuery(endpoint, database, text, options);
  return series.flatMap((s) => s.values.map((v) => ({ measurement: s.name, tagKey: String(v[0]) })));
}

/** Values of one tag key, optionally within one measurement. */
export async function showTagValues(
  endpoint: InfluxEndpoint,
  database: string,
  tagKey: string,
  measurement?: string,
  options: InfluxQueryOptions = {},
): Promise<string[]> {
  const from = measurement === undefined ? '' : ` FROM ${quoteIdent(measurement)}`;
  const series = await influxQuery(
    endpoint,
    database,
    `SHOW TAG VALUES${from} WITH KEY = ${quoteIdent(tagKey)}`,
    options,
  );
  return [...new Set(series.flatMap((s) => s.values.map((v) => String(v[1]))))];
}

/** `DROP SERIES WHERE "<tag>" = '<value>'`: every series of every measurement with that tag value. */
export async function dropSeriesWhereTag(
  endpoint: InfluxEndpoint,
  database: string,
  tagKey: string,
  tagValue: string,
  options: InfluxQueryOptions = {},
): Promise<void> {
  await influxQuery(endpoint, database, `DROP SERIES WHERE ${quoteIdent(tagKey)} = ${quoteString(tagValue)}`, options);
}
