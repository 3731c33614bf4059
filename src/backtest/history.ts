/** Reads an alert's raw history from InfluxDB: one series per tag set, points in time order. */
import type { InfluxEndpoint } from '../backends/influx.js';
import { influxQuery } from '../backends/influx.js';
import type { AlertDef } from '../define/types.js';
import { quoteIdent } from '../define/influxql.js';
import type { SeriesInput } from '../simulate/index.js';

/** The query is built from escaped identifiers only; tag filters run in the simulator, as in Kapacitor. */
export function historyQuery(alert: AlertDef, retentionPolicy: string, from: number, to: number): string {
  const q = alert.query;
  const rp = quoteIdent(q.retentionPolicy || retentionPolicy);
  const source = `${quoteIdent(q.database)}.${rp}.${quoteIdent(q.measurement)}`;
  return `SELECT ${quoteIdent(q.field)} FROM ${source} WHERE time >= ${from}ms AND time < ${to}ms GROUP BY *`;
}

export async function readHistory(
  endpoint: InfluxEndpoint,
  alert: AlertDef,
  retentionPolicy: string,
  window: { from: number; to: number },
): Promise<SeriesInput[]> {
  const text = historyQuery(alert, retentionPolicy, window.from, window.to);
  const series = await influxQuery(endpoint, alert.query.database, text, { epoch: 'ms', timeoutMs: 120_000 });
  return series.map((s) => ({
    tags: s.tags,
    points: s.values.flatMap(([t, v]) => (typeof t === 'number' && typeof v === 'number' ? [{ t, v }] : [])),
  }));
}
