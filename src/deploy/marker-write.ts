/** Sends the deploy marker through the InfluxDB backend (`writePoints`), as a `calvin_deploys` point. */
import { Point } from '@influxdata/influxdb-client';
import type { Config } from '../config.js';
import type { Endpoints } from '../backends/discover.js';
import { CalvinError } from '../errors.js';
import type { DeployMarker } from './marker.js';

export function markerPoint(marker: DeployMarker): Point {
  return new Point(marker.measurement)
    .tag('environment', marker.tags.environment)
    .stringField('what', marker.fields.what)
    .stringField('who', marker.fields.who)
    .stringField('commit', marker.fields.commit)
    .timestamp(marker.time);
}

export async function writeDeployMarker(config: Config, marker: DeployMarker, endpoints?: Endpoints): Promise<void> {
  const influx =
    endpoints?.influx ??
    config.influx ??
    (await (await import('../backends/discover.js')).discoverEndpoints(config, ['influx'])).influx;
  if (!influx)
    throw new CalvinError(
      'BAD_ARGUMENT',
      'no InfluxDB endpoint',
      'set INFLUX_URL or register service "metrics" tagged "http" in Consul',
    );
  const { writePoints } = await import('../backends/influx.js');
  await writePoints(influx, config.databases.services, [markerPoint(marker)], { timeoutMs: 5_000 });
}
