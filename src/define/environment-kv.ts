/**
 * The environment model from Consul KV values, the way Calvinverse provisions them: database names
 * under `config/services/metrics/databases/<route>` and Grafana datasource provisioning YAML under
 * `config/services/dashboards/metrics/provisioning/datasources/<key>`. Pure: the caller reads the KV.
 */
import { createRequire } from 'node:module';
import {
  DEFAULT_ENVIRONMENT,
  type EnvironmentDatasource,
  type EnvironmentModel,
  METRIC_ROUTES,
  type MetricRoute,
} from './environment.js';

export const DATABASES_KV_PREFIX = 'config/services/metrics/databases/';
export const DATASOURCES_KV_PREFIX = 'config/services/dashboards/metrics/provisioning/datasources/';

/** One entry of Grafana's datasource provisioning file (`datasources: [{ name, type, database, uid, isDefault }]`). */
export interface ProvisionedDatasource {
  name: string;
  type: string;
  database?: string;
  uid?: string;
  isDefault: boolean;
}

/** yaml is required on first use: the model's index is on every command's path, few of which read KV YAML. */
function parseYaml(text: string): unknown {
  const { parse } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return parse(text);
}

export function parseDatasourceYaml(text: string): ProvisionedDatasource[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch {
    return [];
  }
  const list = (doc as { datasources?: unknown } | null)?.datasources;
  if (!Array.isArray(list)) return [];
  const out: ProvisionedDatasource[] = [];
  for (const item of list as Record<string, unknown>[]) {
    if (typeof item?.name !== 'string') continue;
    const fact: ProvisionedDatasource = {
      name: item.name,
      type: String(item.type ?? ''),
      isDefault: item.isDefault === true,
    };
    if (typeof item.uid === 'string') fact.uid = item.uid;
    if (typeof item.database === 'string') fact.database = item.database;
    out.push(fact);
  }
  return out;
}

/**
 * The model an environment's KV describes. A route without a key falls back as consul-template's
 * `keyOrDefault` in telegraf.conf does (statsd → `statsd`); datasources come only from the KV when
 * it has any, since Grafana knows only what is provisioned.
 */
export function environmentFromKv(kv: ReadonlyMap<string, string>): EnvironmentModel {
  const databases = {} as Record<MetricRoute, string>;
  for (const route of METRIC_ROUTES) databases[route] = kv.get(`${DATABASES_KV_PREFIX}${route}`)?.trim() || route;
  const datasources: EnvironmentDatasource[] = [];
  const keys = [...kv.keys()].filter((k) => k.startsWith(DATASOURCES_KV_PREFIX)).sort();
  for (const key of keys) {
    for (const d of parseDatasourceYaml(kv.get(key) ?? '')) {
      const entry: EnvironmentDatasource = { key: key.slice(DATASOURCES_KV_PREFIX.length), name: d.name, type: d.type };
      if (d.database !== undefined) entry.database = d.database;
      if (d.uid !== undefined) entry.uid = d.uid;
      datasources.push(entry);
    }
  }
  return { databases, retentionPolicy: DEFAULT_ENVIRONMENT.retentionPolicy, datasources };
}

/** Where a live environment differs from the model calvin builds with: one sentence per difference. */
export function environmentDifferences(model: EnvironmentModel, live: EnvironmentModel): string[] {
  const out: string[] = [];
  for (const route of METRIC_ROUTES) {
    if (model.databases[route] !== live.databases[route])
      out.push(
        `route ${route} writes to database "${live.databases[route]}" in the environment, ` +
          `"${model.databases[route]}" in the model`,
      );
  }
  for (const d of model.datasources) {
    const found = live.datasources.find((l) => l.name === d.name);
    if (!found) out.push(`datasource "${d.name}" is not provisioned in the environment`);
    else if (found.database !== d.database)
      out.push(`datasource "${d.name}" reads database "${found.database ?? ''}", "${d.database ?? ''}" in the model`);
  }
  return out;
}
