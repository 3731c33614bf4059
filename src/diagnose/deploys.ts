/**
 * calvin's deploy markers (`calvin_deploys` points written by `calvin deploy` and rollbacks) as
 * changes of a diagnosis: the query that reads them (through the escaping builder) and its answer
 * parsed into plain records. Pure.
 */
import { renderInfluxQL } from '../define/influxql.js';
import type { InfluxSeries } from './parse.js';
import type { TimeWindow } from './types.js';

export const DEPLOY_MEASUREMENT = 'calvin_deploys';
/** At most this many markers are read: a diagnosis names the changes next to an incident, not a history. */
export const MAX_DEPLOYS = 50;

export type { DeployRecord } from './collected.js';
import type { DeployRecord } from './collected.js';

/** The markers of one environment (Consul datacenter) in a range, newest first. */
export function deployQuery(database: string, environment: string, range: TimeWindow): string {
  return renderInfluxQL({
    kind: 'influxql',
    database,
    measurement: DEPLOY_MEASUREMENT,
    select: ['what', 'who', 'commit'].map((field) => ({ field, functions: [] })),
    where: [{ key: 'environment', op: '=', value: { kind: 'literal', value: environment } }],
    timeFilter: false,
    timeRange: range,
    groupByTags: [],
    orderByTimeDesc: true,
    limit: MAX_DEPLOYS,
  });
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Records of the answer, oldest first; rows without a valid time are dropped. */
export function deploysFromInflux(series: InfluxSeries[]): DeployRecord[] {
  const out: DeployRecord[] = [];
  for (const s of series) {
    if (s.name !== undefined && s.name !== DEPLOY_MEASUREMENT) continue;
    const columns = Array.isArray(s.columns) ? s.columns : [];
    const at = (name: string): number => columns.indexOf(name);
    for (const row of Array.isArray(s.values) ? s.values : []) {
      if (!Array.isArray(row)) continue;
      const raw = row[at('time')];
      const ms = typeof raw === 'number' ? raw : typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
      if (!Number.isFinite(ms)) continue;
      out.push({
        time: new Date(ms).toISOString(),
        what: text(row[at('what')]),
        who: text(row[at('who')]),
        commit: text(row[at('commit')]),
      });
    }
  }
  return out.sort((a, b) => a.time.localeCompare(b.time) || a.what.localeCompare(b.what));
}
