/**
 * `calvin lint --live`: gathers what InfluxDB and Elasticsearch hold for the names the project
 * references. This module only calls the backends (through src/backends); the checks are the
 * pure `live-*` rules over the facts it returns.
 */
import type { Config } from '../../config.js';
import { discoverEndpoints } from '../../backends/discover.js';
import { esGetMapping } from '../../backends/elasticsearch.js';
import { influxQuery, showFieldKeys, showMeasurements, showTagKeys } from '../../backends/influx.js';
import { readKvPrefixes } from '../../backends/consul-kv-read.js';
import type { EnvironmentModel } from '../../define/environment.js';
import { DATABASES_KV_PREFIX, DATASOURCES_KV_PREFIX, environmentFromKv } from '../../define/environment-kv.js';
import { quoteIdent } from '../../define/influxql.js';
import { CalvinError, isCalvinError } from '../../errors.js';
import type { LintProject } from '../types.js';
import type { LiveFacts, LiveInfluxDatabase } from './facts.js';

export interface GatherOptions {
  days: number;
  /** Per request (default 5 s); the first failure stops the run, so a hanging backend costs one timeout. */
  timeoutMs?: number;
  /** Prefix of the environment's KV tree (tests keep their keys apart with it); default none. */
  kvRoot?: string;
}

/**
 * The environment model the real KV describes. Keys missing there fall back as consul-template's
 * keyOrDefault does for databases; with no datasource key at all Grafana is provisioned some other
 * way, so the linted set's datasources stand.
 */
export async function liveEnvironment(
  project: LintProject,
  config: Config,
  options: Pick<GatherOptions, 'timeoutMs' | 'kvRoot'> = {},
): Promise<EnvironmentModel> {
  const root = options.kvRoot ?? '';
  const timeout = options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs };
  const found = await readKvPrefixes(
    config,
    [`${root}${DATABASES_KV_PREFIX}`, `${root}${DATASOURCES_KV_PREFIX}`],
    timeout,
  );
  const kv = new Map([...found].map(([key, value]) => [key.slice(root.length), value]));
  const live = environmentFromKv(kv);
  return live.datasources.length > 0 ? live : { ...live, datasources: project.knowledge.environment.datasources };
}

const COULD_NOT_RUN = 'lint --live could not run';

/**
 * A backend that could not be asked is "could not run" (exit 2), never "clean" and never a finding:
 * every failure of a live look-up ends the run with one line naming the backend.
 */
function couldNotRun(error: unknown): CalvinError {
  if (isCalvinError(error))
    return new CalvinError(error.code, `${COULD_NOT_RUN}: ${error.message}`, error.hint, { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new CalvinError('BACKEND_ERROR', `${COULD_NOT_RUN}: ${message}`, 'run with --debug for details', {
    cause: error,
  });
}

function notFound(backend: string, service: string): CalvinError {
  return new CalvinError(
    'BACKEND_UNREACHABLE',
    `${COULD_NOT_RUN}: ${backend} was not found through Consul (service ${service}, tag http)`,
    `register it in Consul, or set ${backend === 'InfluxDB' ? 'INFLUX_URL' : 'ELASTICSEARCH_URL'}`,
  );
}

/** Only "database not found" is a fact about the data (nothing there); every other error is a failure. */
async function measurementsOf(run: () => Promise<string[]>): Promise<string[]> {
  try {
    return await run();
  } catch (error) {
    if (isCalvinError(error) && /database not found/.test(error.message)) return [];
    throw error;
  }
}

/** Whether any definition reads log fields (dashboards' log panels, services' log selectors). */
function readsLogFields(project: LintProject): boolean {
  return (
    project.dashboardDefs.some((d) => d.definition.rows.some((r) => r.panels.some((p) => p.logQuery))) ||
    project.serviceDefs.some((s) => s.definition.logs.serviceNames.length + s.definition.logs.processNames.length > 0)
  );
}

/** Databases and measurements the project's queries read, with databases resolved through datasources. */
export function referencedMeasurements(project: LintProject): {
  byDatabase: Map<string, Set<string>>;
  datasourceDatabases: Map<string, string>;
} {
  const datasourceDatabases = new Map<string, string>();
  for (const d of project.knowledge.datasources)
    if (d.database) {
      datasourceDatabases.set(d.name, d.database);
      if (d.uid) datasourceDatabases.set(d.uid, d.database);
    }
  const byDatabase = new Map<string, Set<string>>();
  for (const q of project.queries) {
    for (const f of q.facts) {
      for (const m of f.measurements) {
        const database = m.database ?? q.database ?? (q.datasource ? datasourceDatabases.get(q.datasource) : undefined);
        if (!database || !m.name || database.includes('$')) continue;
        byDatabase.set(database, (byDatabase.get(database) ?? new Set()).add(m.name));
      }
    }
  }
  for (const a of project.alertDefs) {
    const { database, measurement } = a.definition.query;
    byDatabase.set(database, (byDatabase.get(database) ?? new Set()).add(measurement));
  }
  return { byDatabase, datasourceDatabases };
}

/** Flat dotted field names of a mapping's `properties`. */
export function mappedFields(properties: unknown, prefix = '', into = new Set<string>()): Set<string> {
  if (typeof properties !== 'object' || properties === null) return into;
  for (const [name, spec] of Object.entries(properties as Record<string, unknown>)) {
    const full = prefix ? `${prefix}.${name}` : name;
    into.add(full);
    const s = spec as { properties?: unknown; fields?: unknown };
    if (s.properties) mappedFields(s.properties, full, into);
    if (s.fields) mappedFields(s.fields, full, into);
  }
  return into;
}

export async function gatherLiveFacts(
  project: LintProject,
  config: Config,
  options: GatherOptions,
): Promise<LiveFacts> {
  try {
    return await gather(project, config, options);
  } catch (error) {
    throw couldNotRun(error);
  }
}

async function gather(project: LintProject, config: Config, options: GatherOptions): Promise<LiveFacts> {
  const days = Math.max(1, Math.floor(options.days));
  const timeout = { timeoutMs: options.timeoutMs ?? 5_000 };
  const endpoints = await discoverEndpoints(config, ['influx', 'elasticsearch'], timeout);
  const { byDatabase, datasourceDatabases } = referencedMeasurements(project);
  const facts: LiveFacts = { days, datasourceDatabases };
  if (byDatabase.size > 0 && !endpoints.influx) throw notFound('InfluxDB', 'metrics');
  if (readsLogFields(project) && !endpoints.elasticsearch) throw notFound('Elasticsearch', 'documents');
  facts.environment = await liveEnvironment(project, config, { ...options, ...timeout });
  if (endpoints.influx && byDatabase.size > 0) {
    const influx = endpoints.influx;
    facts.influx = new Map();
    for (const [database, wanted] of byDatabase) {
      const existing = new Set(await measurementsOf(() => showMeasurements(influx, database, timeout)));
      const db: LiveInfluxDatabase = { measurements: new Set(), fields: new Map(), tags: new Map() };
      for (const m of wanted) {
        if (!existing.has(m)) continue;
        // Present in the index is not enough: it must have points in the last N days.
        const recent = await influxQuery(
          influx,
          database,
          `SELECT * FROM ${quoteIdent(m)} WHERE time > now() - ${days}d LIMIT 1`,
          timeout,
        );
        if (!recent.some((s) => s.values.length > 0)) continue;
        db.measurements.add(m);
        db.fields.set(m, new Set((await showFieldKeys(influx, database, m, timeout)).map((f) => f.fieldKey)));
        db.tags.set(m, new Set((await showTagKeys(influx, database, m, timeout)).map((t) => t.tagKey)));
      }
      facts.influx.set(database, db);
    }
  }
  if (endpoints.elasticsearch) {
    const mapping = await esGetMapping(endpoints.elasticsearch, 'logs-*', timeout);
    const fields = new Set<string>();
    for (const index of Object.values(mapping))
      mappedFields((index as { mappings?: { properties?: unknown } }).mappings?.properties, '', fields);
    // No logs-* index at all: nothing to compare with (not "every field is missing").
    if (Object.keys(mapping).length > 0) facts.logFields = fields;
  }
  return facts;
}
