/** The metrics of a diagnosis: one InfluxQL query per signal and part, covering every node at once. */
import type { Endpoint } from '../config.js';
import type { CallOptions, DiagnoseBackends } from './backend-types.js';
import type { SignalSeries, WatchedSignal } from './collected.js';
import { seriesFromInflux } from './parse.js';
import { signalQueries, type Windows } from './queries.js';
import { messageOf, statusOf, type SourceResult } from './source-result.js';

export async function collectMetrics(
  backends: DiagnoseBackends,
  endpoint: Endpoint,
  signals: WatchedSignal[],
  nodes: string[],
  windows: Windows,
  call: () => CallOptions,
): Promise<SourceResult<SignalSeries[]>> {
  const queries = signalQueries(signals, nodes, windows);
  const answers = await Promise.allSettled(
    queries.map((q) => backends.influxQuery(endpoint, q.database, q.text, call())),
  );
  const failures = answers.flatMap((a) => (a.status === 'rejected' ? [a.reason as unknown] : []));
  const nodeSet = new Set(nodes);
  const series: SignalSeries[] = [];
  for (const signal of signals) {
    const mine = answers.flatMap((a, i) =>
      a.status === 'fulfilled' && queries[i]?.signal === signal.name ? [a.value] : [],
    );
    series.push(...seriesFromInflux(signal.name, signal.splitBy, mine, nodeSet));
  }
  if (failures.length === 0) return { status: 'ok', value: series };
  // Some answers and some failures (a missing database, say): the answers are kept.
  // Reported as an error, never "ok": what the failed queries would have shown is missing.
  if (failures.length < answers.length && !failures.some((f) => statusOf(f) === 'unavailable'))
    return {
      status: 'error',
      value: series,
      error: `${failures.length} of ${answers.length} queries failed: ${messageOf(failures[0])}`,
    };
  return { status: statusOf(failures[0]), error: messageOf(failures[0]), value: series };
}
