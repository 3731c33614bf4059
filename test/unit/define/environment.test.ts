/**
 * The environment model read from Consul KV the way Calvinverse provisions it: the values of
 * calvinverse.configuration's metrics.yaml and the datasource files calvinverse.metrics.dashboards
 * puts under config/services/dashboards/metrics/provisioning/datasources/*.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  DEFAULT_ENVIRONMENT,
  datasourceForDatabase,
  environmentDatabases,
  environmentDifferences,
  environmentFromKv,
  resolveDatasource,
} from '../../../src/define/index.js';

const CORPUS = '../shared/calvinverse-corpus';

/** The KV a Calvinverse environment holds, from the manifests' `key` + `value` / `file` entries. */
function corpusKv(): Map<string, string> {
  const kv = new Map<string, string>();
  const metrics = parse(
    readFileSync(`${CORPUS}/calvinverse.configuration/config/kv/config/services/metrics/metrics.yaml`, 'utf8'),
  ) as { config: { key: string; value: string }[] };
  for (const e of metrics.config) kv.set(e.key, String(e.value));
  const base = `${CORPUS}/calvinverse.metrics.dashboards/config/kv/config/services/dashboards`;
  const dashboards = parse(readFileSync(`${base}/dashboards.yaml`, 'utf8')) as {
    config: { key: string; file: string }[];
  };
  for (const e of dashboards.config)
    if (e.key.includes('/datasources/')) kv.set(e.key, readFileSync(`${base}/${e.file}`, 'utf8'));
  return kv;
}

describe('environment model', () => {
  it('reads Calvinverse KV into exactly the checked-in defaults', () => {
    const live = environmentFromKv(corpusKv());
    expect(live).toEqual(DEFAULT_ENVIRONMENT);
    expect(environmentDifferences(DEFAULT_ENVIRONMENT, live)).toEqual([]);
  });

  it('routes statsd to the services database: no database named statsd exists', () => {
    expect(DEFAULT_ENVIRONMENT.databases.statsd).toBe('services');
    expect([...environmentDatabases(DEFAULT_ENVIRONMENT)].sort()).toEqual(['services', 'system']);
  });

  it('falls back as telegraf.conf keyOrDefault does when a database key is missing', () => {
    const kv = new Map([['config/services/metrics/databases/system', 'hosts']]);
    expect(environmentFromKv(kv).databases).toEqual({ system: 'hosts', services: 'services', statsd: 'statsd' });
  });

  it('picks the datasource of the route owning a database, and resolves references by uid, then name', () => {
    expect(datasourceForDatabase(DEFAULT_ENVIRONMENT, 'services')?.name).toBe('InfluxDb.Services');
    expect(datasourceForDatabase(DEFAULT_ENVIRONMENT, 'statsd')).toBeUndefined();
    const env = {
      ...DEFAULT_ENVIRONMENT,
      datasources: [{ key: 'x', name: 'X', type: 'influxdb', uid: 'InfluxDb.System' }],
    };
    // Grafana DatasourceSrv.getInstanceSettings: settingsMapByUid[ref] ?? settingsMapByName[ref].
    expect(resolveDatasource(env, 'InfluxDb.System')?.name).toBe('X');
    expect(resolveDatasource(DEFAULT_ENVIRONMENT, 'InfluxDb.StatsD')?.database).toBe('services');
    expect(resolveDatasource(DEFAULT_ENVIRONMENT, 'influxdb-system')).toBeUndefined();
  });

  it('says where a live environment differs from the model', () => {
    const kv = corpusKv();
    kv.set('config/services/metrics/databases/statsd', 'statsd');
    kv.delete('config/services/dashboards/metrics/provisioning/datasources/system');
    expect(environmentDifferences(DEFAULT_ENVIRONMENT, environmentFromKv(kv))).toEqual([
      'route statsd writes to database "statsd" in the environment, "services" in the model',
      'datasource "InfluxDb.System" is not provisioned in the environment',
    ]);
  });
});
