/** Grafana datasource provisioning YAML (`datasources: [{ name, type, database, uid, isDefault }]`). */
import { parse } from 'yaml';

export interface DatasourceFact {
  name: string;
  uid?: string;
  type: string;
  database?: string;
  isDefault: boolean;
}

export function isDatasourceProvisioning(text: string): boolean {
  return /^datasources\s*:/m.test(text);
}

export function parseDatasourceProvisioning(text: string): DatasourceFact[] {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    return [];
  }
  const list = (doc as { datasources?: unknown } | null)?.datasources;
  if (!Array.isArray(list)) return [];
  const out: DatasourceFact[] = [];
  for (const item of list as Record<string, unknown>[]) {
    if (typeof item?.name !== 'string') continue;
    const fact: DatasourceFact = { name: item.name, type: String(item.type ?? ''), isDefault: item.isDefault === true };
    if (typeof item.uid === 'string') fact.uid = item.uid;
    if (typeof item.database === 'string') fact.database = item.database;
    out.push(fact);
  }
  return out;
}
