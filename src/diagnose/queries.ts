/**
 * The backend queries of a diagnosis, built as data (pure): InfluxQL through the escaping builder,
 * Elasticsearch as an aggregation-only search body. collect.ts sends them; the benchmark sends the
 * very same ones straight through the backends.
 */
import { exactMatchPattern, renderInfluxQL } from '../define/influxql.js';
import type { FieldSelection, InfluxQuery, TagCondition } from '../define/types.js';
import type { WatchedSignal } from './collected.js';
import type { TimeWindow } from './types.js';
import { hostChangeAggs, restartLeadRange } from './changes-query.js';

export interface Windows {
  window: TimeWindow;
  baseline: TimeWindow;
  /** Bucket of the window and of the baseline, in milliseconds. */
  bucketMs: number;
  baselineBucketMs: number;
}

const NICE_BUCKETS_MS = [1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400].map(
  (s) => s * 1000,
);
const POINTS = 60;

function niceBucket(lengthMs: number): number {
  const wanted = lengthMs / POINTS;
  return NICE_BUCKETS_MS.find((b) => b >= wanted) ?? (NICE_BUCKETS_MS[NICE_BUCKETS_MS.length - 1] as number);
}

/**
 * The window ends at `to` and starts `lengthMs` earlier, aligned down to its bucket so that every
 * bucket is whole; the baseline is the `baselineFactor` windows right before it.
 */
export function planWindows(to: Date, lengthMs: number, baselineFactor = 4): Windows {
  const bucketMs = niceBucket(lengthMs);
  const fromMs = Math.floor((to.getTime() - lengthMs) / bucketMs) * bucketMs;
  const baselineLength = (to.getTime() - fromMs) * baselineFactor;
  const baselineBucketMs = niceBucket(baselineLength);
  const baselineFromMs = Math.floor((fromMs - baselineLength) / baselineBucketMs) * baselineBucketMs;
  return {
    window: { from: iso(fromMs), to: iso(to.getTime()) },
    baseline: { from: iso(baselineFromMs), to: iso(fromMs) },
    bucketMs,
    baselineBucketMs,
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function duration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

export interface SignalQuery {
  signal: string;
  part: 'window' | 'baseline';
  database: string;
  text: string;
}

function selection(signal: WatchedSignal): FieldSelection {
  if (signal.aggregate === 'non_negative_derivative')
    return { field: signal.field, functions: [{ fn: 'mean' }, { fn: 'non_negative_derivative', args: ['1s'] }] };
  return { field: signal.field, functions: [{ fn: signal.aggregate }] };
}

/** One query per signal and part, covering every instance at once, grouped by time and host. */
export function signalQueries(signals: WatchedSignal[], nodes: string[], w: Windows): SignalQuery[] {
  if (nodes.length === 0) return [];
  const queries: SignalQuery[] = [];
  for (const signal of signals) {
    const where: TagCondition[] = [
      { key: 'host', op: '=~', value: { kind: 'regex', pattern: exactMatchPattern(nodes) } },
    ];
    for (const [key, value] of Object.entries(signal.where ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
      where.push({ key, op: '=', value: { kind: 'literal', value }, join: 'AND' });
    }
    for (const part of ['window', 'baseline'] as const) {
      const range = part === 'window' ? w.window : w.baseline;
      const query: InfluxQuery = {
        kind: 'influxql',
        database: signal.database,
        measurement: signal.measurement,
        select: [selection(signal)],
        where,
        timeFilter: false,
        timeRange: range,
        groupByTime: duration(part === 'window' ? w.bucketMs : w.baselineBucketMs),
        groupByTags: signal.splitBy ? ['host', signal.splitBy] : ['host'],
        fill: 'none',
      };
      queries.push({ signal: signal.name, part, database: signal.database, text: renderInfluxQL(query) });
    }
  }
  return queries;
}

/** Which ECS fields can be aggregated on this cluster (keyword, or a `.keyword` sub-field). */
export interface LogFields {
  host: string;
  level: string;
  message: string | null;
  service: string | null;
  process: string | null;
  errorType: string | null;
  /** `process.pid` (a long in calvin's template): a new pid of a process on a host is a restart. */
  pid: string | null;
}

export const ERROR_LEVELS = [
  'error',
  'err',
  'critical',
  'crit',
  'fatal',
  'alert',
  'emerg',
  'emergency',
  'severe',
  'ERROR',
  'FATAL',
  'CRITICAL',
  'SEVERE',
];
export const TOP_MESSAGES = 100;
export const SAMPLE_SIZE = 100;

export interface LogSelectorFilter {
  serviceNames: string[];
  processNames: string[];
}

/** What the changes aggregations of the log search look for (changes-query.ts). */
export interface ChangeContext {
  /** Phrases a process logs when it has started ("Jenkins is fully up and running"). */
  startMarkers?: string[];
}

/** A keyed query counted by a `filters` aggregation (a known issue's signature, a template). */
export interface CountQuery {
  key: string;
  query: Record<string, unknown>;
}

/** The documents of the service's instances over baseline and window, narrowed by the log selector. */
function scopeFilter(
  nodes: string[],
  w: Windows,
  fields: LogFields,
  selector: LogSelectorFilter | undefined,
): unknown[] {
  const filter: unknown[] = [
    { terms: { [fields.host]: nodes } },
    { range: { '@timestamp': { gte: w.baseline.from, lt: w.window.to, format: 'strict_date_optional_time' } } },
  ];
  const should: unknown[] = [];
  if (selector && fields.service && selector.serviceNames.length > 0)
    should.push({ terms: { [fields.service]: selector.serviceNames } });
  if (selector && fields.process && selector.processNames.length > 0)
    should.push({ terms: { [fields.process]: selector.processNames } });
  if (should.length > 0) filter.push({ bool: { should, minimum_should_match: 1 } });
  return filter;
}

const errorsFilter = (fields: LogFields): Record<string, unknown> => ({ terms: { [fields.level]: ERROR_LEVELS } });
const rangeOf = (t: TimeWindow): Record<string, unknown> => ({
  range: { '@timestamp': { gte: t.from, lt: t.to, format: 'strict_date_optional_time' } },
});

/** Per message (or template): hosts, first, last and the ECS fields known issues may test. */
function messageDetails(nodes: string[], fields: LogFields): Record<string, unknown> {
  const details: Record<string, unknown> = {
    hosts: { terms: { field: fields.host, size: Math.min(nodes.length, 100) } },
    first: { min: { field: '@timestamp' } },
    last: { max: { field: '@timestamp' } },
  };
  if (fields.errorType) details.types = { terms: { field: fields.errorType, size: 3 } };
  if (fields.service) details.services = { terms: { field: fields.service, size: 3 } };
  if (fields.process) details.processes = { terms: { field: fields.process, size: 3 } };
  return details;
}

/** The distinct error messages (terms), or a bounded sample when `message` is not aggregatable. */
function messageSample(nodes: string[], fields: LogFields, size: number): Record<string, unknown> {
  return fields.message
    ? {
        messages: {
          terms: { field: fields.message, size, order: { _count: 'desc' } },
          aggs: messageDetails(nodes, fields),
        },
      }
    : {
        sample: {
          top_hits: {
            size: SAMPLE_SIZE,
            // An index may not map @timestamp yet (created, never written): sorting must not fail there.
            sort: [{ '@timestamp': { order: 'desc', unmapped_type: 'date' } }],
            _source: { includes: ['message', '@timestamp', 'host.name', 'error.type', 'service.name', 'process.name'] },
          },
        },
      };
}

const keyed = (queries: CountQuery[]): Record<string, unknown> =>
  Object.fromEntries(queries.map((q) => [q.key, q.query]));

/** The known issues' signatures counted by a `filters` aggregation (nothing when there are none). */
const knownCounts = (known: CountQuery[]): Record<string, unknown> =>
  known.length > 0 ? { known: { filters: { filters: keyed(known) } } } : {};

/** The error lines of the scope: what the error sample, the template follow-up and the fetch read. */
function errorLinesQuery(
  nodes: string[],
  w: Windows,
  fields: LogFields,
  selector: LogSelectorFilter | undefined,
): Record<string, unknown> {
  return { bool: { filter: [...scopeFilter(nodes, w, fields, selector), errorsFilter(fields)] } };
}

/**
 * The main log search, aggregations only: per host a date histogram split into errors over the
 * window, and the line and error counts of the baseline (plus the changes, changes-query.ts). The
 * error messages have a search of their own (`errorSampleBody`), sent beside it.
 */
export function logSearchBody(
  nodes: string[],
  w: Windows,
  fields: LogFields,
  selector: LogSelectorFilter | undefined,
  changes: ChangeContext = {},
): Record<string, unknown> {
  const errors = errorsFilter(fields);
  const hostTerms = { field: fields.host, size: Math.min(nodes.length, 1000) };
  const hostChanges = hostChangeAggs(fields, changes.startMarkers ?? [], selector?.processNames ?? []);
  // Restarts just before the window too: the baseline's last minutes, under its per-host terms.
  const leadChanges =
    Object.keys(hostChanges).length > 0 ? { lead: { filter: rangeOf(restartLeadRange(w)), aggs: hostChanges } } : {};
  return {
    size: 0,
    track_total_hits: false,
    query: { bool: { filter: scopeFilter(nodes, w, fields, selector) } },
    aggs: {
      window: {
        filter: rangeOf(w.window),
        aggs: {
          hosts: {
            terms: hostTerms,
            aggs: {
              // The host's errors are the histogram's, summed: no per-level terms over every line.
              histogram: {
                date_histogram: {
                  field: '@timestamp',
                  fixed_interval: duration(w.bucketMs),
                  min_doc_count: 0,
                  extended_bounds: { min: w.window.from, max: w.window.to },
                },
                aggs: { errors: { filter: errors } },
              },
              ...hostChanges,
            },
          },
        },
      },
      baseline: {
        filter: rangeOf(w.baseline),
        aggs: { hosts: { terms: hostTerms, aggs: { errors: { filter: errors }, ...leadChanges } } },
      },
    },
  };
}

/**
 * The error messages of the window and the baseline: the most frequent distinct messages (a sample
 * when there are more of them), plus exact counts of the known issues' signatures (`known`). Its
 * query keeps to the error lines, so it reads those alone (as aggregations under the main search,
 * they had every line of the scope tested against the levels: 15 % of that search at 1 M lines).
 */
export function errorSampleBody(
  nodes: string[],
  w: Windows,
  fields: LogFields,
  selector: LogSelectorFilter | undefined,
  known: CountQuery[] = [],
): Record<string, unknown> {
  return overErrorLines(nodes, w, fields, selector, {
    window: {
      filter: rangeOf(w.window),
      aggs: { ...messageSample(nodes, fields, TOP_MESSAGES), ...knownCounts(known) },
    },
    baseline: { filter: rangeOf(w.baseline), aggs: messageSample(nodes, fields, TOP_MESSAGES * 2) },
  });
}

/** A search of aggregations alone over the scope's error lines (errorSampleBody, templateCountBody). */
function overErrorLines(
  nodes: string[],
  w: Windows,
  fields: LogFields,
  selector: LogSelectorFilter | undefined,
  aggs: Record<string, unknown>,
): Record<string, unknown> {
  return { size: 0, track_total_hits: false, query: errorLinesQuery(nodes, w, fields, selector), aggs };
}

/**
 * The follow-up of a sample that did not hold every distinct message: exact counts per template
 * (one query each) in the window, with hosts, first and last, and in the baseline (is it new?);
 * and, when `excluded` is given, a sample of the window's errors that no template counted yet; and
 * the known issues' signatures, counted (`known`: sent only when the sample missed messages, as a
 * signature's regexp reads the whole term dictionary of the message field and costs accordingly).
 */
export function templateCountBody(
  nodes: string[],
  w: Windows,
  fields: LogFields,
  selector: LogSelectorFilter | undefined,
  templates: CountQuery[],
  excluded?: Record<string, unknown>[],
  known: CountQuery[] = [],
): Record<string, unknown> {
  const filters = keyed(templates);
  const rest = excluded
    ? { rest: { filter: { bool: { must_not: excluded } }, aggs: messageSample(nodes, fields, TOP_MESSAGES) } }
    : {};
  const knownAgg = knownCounts(known);
  return overErrorLines(nodes, w, fields, selector, {
    window: {
      filter: rangeOf(w.window),
      aggs: {
        ...(templates.length > 0 ? { templates: { filters: { filters }, aggs: messageDetails(nodes, fields) } } : {}),
        ...rest,
        ...knownAgg,
      },
    },
    ...(templates.length > 0
      ? { baseline: { filter: rangeOf(w.baseline), aggs: { templates: { filters: { filters } } } } }
      : {}),
  });
}

/** Where each ECS field of an error line is read from `_source` (dotted or nested alike). */
export const ERROR_LINE_SOURCE = ['message', '@timestamp', 'host.name', 'error.type', 'service.name', 'process.name'];

/**
 * Every error line of the window and the baseline, as stored (error-lines.ts counts them): asked
 * instead of `templateCountBody` when the first search counted few of them.
 */
export function errorLinesBody(
  nodes: string[],
  w: Windows,
  fields: LogFields,
  selector: LogSelectorFilter | undefined,
  size: number,
): Record<string, unknown> {
  return {
    size,
    track_total_hits: false,
    sort: ['_doc'],
    _source: { includes: ERROR_LINE_SOURCE },
    query: errorLinesQuery(nodes, w, fields, selector),
  };
}

/** The ECS fields diagnose aggregates on, to look up in `_field_caps`. */
export const LOG_FIELD_CANDIDATES: Record<keyof LogFields, string> = {
  host: 'host.name',
  level: 'log.level',
  message: 'message',
  service: 'service.name',
  process: 'process.name',
  errorType: 'error.type',
  pid: 'process.pid',
};
