/** Who served the service (history.ts) from InfluxDB, time-boxed: the logs wait for its answer. */
import type { Endpoint } from '../config.js';
import type { CallOptions, DiagnoseBackends } from './backend-types.js';
import { historyFromInflux, historyQuery, type NodeHistory } from './history.js';
import type { Windows } from './queries.js';

/** The logs of the predecessors are searched too: this bounds how long the logs wait and how many. */
const HISTORY_MS = 1_500;
const MAX_NODES = 100;

export async function collectHistory(
  backends: DiagnoseBackends,
  endpoint: Endpoint & { username?: string; password?: string },
  database: string,
  service: string,
  nodes: string[],
  windows: Windows,
  call: () => CallOptions,
): Promise<NodeHistory[]> {
  const options = call();
  // A quarter of what is left at most: the logs wait for this answer.
  const timeoutMs = Math.min(options.timeoutMs / 4, HISTORY_MS);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const query = historyQuery(database, service, nodes, windows);
    const answer = await Promise.race([
      backends.influxQuery(endpoint, database, query, { ...options, timeoutMs }),
      late,
    ]);
    if (answer === null) return [];
    const current = new Set(nodes);
    const history = historyFromInflux(answer);
    // Current instances first; then the most recent predecessors.
    const earlier = history.filter((h) => !current.has(h.node)).sort((a, b) => b.last.localeCompare(a.last));
    return [...history.filter((h) => current.has(h.node)), ...earlier.slice(0, MAX_NODES)];
  } catch {
    // Without history each instance is compared with its own past and its current peers, as before.
    return [];
  } finally {
    clearTimeout(timer);
  }
}
