/** Grafana datasource provisioning YAML (`datasources: [{ name, type, database, uid, isDefault }]`). */
import { parseDatasourceYaml, type ProvisionedDatasource } from '../../define/environment-kv.js';

export type DatasourceFact = ProvisionedDatasource;

export function isDatasourceProvisioning(text: string): boolean {
  return /^datasources\s*:/m.test(text);
}

export const parseDatasourceProvisioning = parseDatasourceYaml;
