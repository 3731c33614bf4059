/** calvin's deploy markers of the environment, over the baseline and the window: one InfluxQL query. */
import type { Endpoint } from '../config.js';
import type { CallOptions, DiagnoseBackends } from './backend-types.js';
import { deployQuery, deploysFromInflux, type DeployRecord } from './deploys.js';
import type { Windows } from './queries.js';

export async function collectDeploys(
  backends: DiagnoseBackends,
  endpoint: Endpoint & { username?: string; password?: string },
  database: string,
  environment: string,
  windows: Windows,
  call: () => CallOptions,
): Promise<DeployRecord[]> {
  const range = { from: windows.baseline.from, to: windows.window.to };
  try {
    return deploysFromInflux(
      await backends.influxQuery(endpoint, database, deployQuery(database, environment, range), call()),
    );
  } catch {
    // A missing database or measurement means no deploys were marked: nothing to tell.
    return [];
  }
}
