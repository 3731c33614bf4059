import type { EnvironmentModel } from '../../define/environment.js';

/** What `--live` found in the backends: gathered by live/gather.ts (I/O), checked by pure rules. */
export interface LiveInfluxDatabase {
  /** Measurements with data in the last N days. */
  measurements: Set<string>;
  /** measurement → field keys / tag keys. */
  fields: Map<string, Set<string>>;
  tags: Map<string, Set<string>>;
}

export interface LiveFacts {
  days: number;
  /** database name → what it holds; a database missing here was not reachable or does not exist. */
  influx?: Map<string, LiveInfluxDatabase>;
  /** Flat dotted field names mapped in the `logs-*` indices. */
  logFields?: Set<string>;
  /** Grafana datasource name → database, to resolve dashboard queries. */
  datasourceDatabases: Map<string, string>;
  /** The environment model read from the environment's Consul KV; undefined when Consul was not reachable. */
  environment?: EnvironmentModel;
}
