/**
 * The facts of one target environment that generated dashboards and alerts depend on: which InfluxDB
 * databases exist, where Telegraf routes each kind of metric, the retention policy it writes to, and
 * the Grafana datasources provisioned for them. Calvinverse keeps these in Consul KV
 * (`config/services/metrics/databases/*`, read by consul-template into telegraf.conf, and
 * `config/services/dashboards/metrics/provisioning/datasources/*`, read by Grafana); the defaults
 * below are those checked-in values, so an offline build renders what that environment reads.
 */

/** Telegraf's routes in Calvinverse: host metrics, application metrics, and what the statsd input receives. */
export type MetricRoute = 'system' | 'services' | 'statsd';
export const METRIC_ROUTES: readonly MetricRoute[] = ['system', 'services', 'statsd'];

export interface EnvironmentDatasource {
  /** The KV key's last segment (`system`, `services`, `statsd`). */
  key: string;
  /** The datasource name Grafana resolves references by (`InfluxDb.System`). */
  name: string;
  type: string;
  database?: string;
  uid?: string;
}

export interface EnvironmentModel {
  /** Route → database Telegraf writes it to (`config/services/metrics/databases/<route>`). */
  databases: Record<MetricRoute, string>;
  /** Telegraf writes `retention_policy = ""`: the database's default policy, `autogen` unless changed. */
  retentionPolicy: string;
  /** Sorted by key, as read from the KV. */
  datasources: EnvironmentDatasource[];
}

/** calvinverse.configuration metrics.yaml and calvinverse.metrics.dashboards datasources/*.notkv.yaml. */
export const DEFAULT_ENVIRONMENT: EnvironmentModel = Object.freeze({
  databases: Object.freeze({ system: 'system', services: 'services', statsd: 'services' }),
  retentionPolicy: 'autogen',
  datasources: Object.freeze([
    { key: 'services', name: 'InfluxDb.Services', type: 'influxdb', database: 'services' },
    { key: 'statsd', name: 'InfluxDb.StatsD', type: 'influxdb', database: 'services' },
    { key: 'system', name: 'InfluxDb.System', type: 'influxdb', database: 'system' },
  ]) as EnvironmentDatasource[],
}) as EnvironmentModel;

/** The databases Telegraf writes in the environment: the only ones a query can find data in. */
export function environmentDatabases(env: EnvironmentModel): Set<string> {
  return new Set(Object.values(env.databases));
}

/**
 * The datasource a panel reading `database` should reference: the one provisioned under the key of
 * the route that owns the database (`services` before `statsd` for the shared `services` database),
 * else any InfluxDB datasource on that database.
 */
export function datasourceForDatabase(env: EnvironmentModel, database: string): EnvironmentDatasource | undefined {
  const influx = env.datasources.filter((d) => d.type === 'influxdb' && d.database === database);
  const route = METRIC_ROUTES.find((r) => env.databases[r] === database);
  return influx.find((d) => d.key === route) ?? influx[0];
}

/** Whether a Grafana datasource reference resolves: Grafana looks a reference up by uid, then by name. */
export function resolveDatasource(env: EnvironmentModel, ref: string): EnvironmentDatasource | undefined {
  return env.datasources.find((d) => d.uid === ref) ?? env.datasources.find((d) => d.name === ref);
}
