/** One driver per deploy target, for the targets that have an endpoint (configured or discovered). */
import type { Config } from '../config.js';
import type { Endpoints } from '../backends/discover.js';
import { CalvinError } from '../errors.js';
import { redact } from '../redact.js';
import type { DeployIo, DeployScope } from './types.js';
import type { DeployTarget, TargetDriver } from './types.js';

const ENDPOINT_OF: Record<Exclude<DeployTarget, 'consul-kv'>, keyof Endpoints> = {
  grafana: 'grafana',
  chronograf: 'chronograf',
  kapacitor: 'kapacitor',
  elasticsearch: 'elasticsearch',
};

const HOW_TO_CONFIGURE: Record<Exclude<DeployTarget, 'consul-kv'>, string> = {
  grafana: 'set GRAFANA_URL or register service "metrics" tagged "dashboard" in Consul',
  chronograf: 'set CHRONOGRAF_URL or register service "metrics" tagged "admin" in Consul',
  kapacitor: 'set KAPACITOR_URL or register service "metrics" tagged "monitoring" in Consul',
  elasticsearch: 'set ELASTICSEARCH_URL or register service "documents" tagged "http" in Consul',
};

/** Drivers for the targets that have an endpoint; the others are reported (or fail when named explicitly). */
export async function makeDrivers(
  config: Config,
  targets: readonly DeployTarget[],
  explicit: boolean,
  scope: DeployScope,
  io: DeployIo,
  commit: string,
): Promise<Map<DeployTarget, TargetDriver>> {
  const { discoverEndpoints } = await import('../backends/discover.js');
  const { tokenFor } = await import('../backends/secrets.js');
  const httpTargets = targets.filter((t): t is Exclude<DeployTarget, 'consul-kv'> => t !== 'consul-kv');
  const endpoints: Endpoints =
    scope.endpoints ??
    (httpTargets.length > 0
      ? await discoverEndpoints(
          config,
          httpTargets.map((t) => ENDPOINT_OF[t]),
        )
      : {});
  const log = config.debug ? (line: string): void => io.stderr(`${redact(line)}\n`) : undefined;
  const drivers = new Map<DeployTarget, TargetDriver>();
  for (const target of targets) {
    if (target === 'consul-kv') {
      const { createConsulKvDriver } = await import('../backends/consul-kv.js');
      drivers.set(target, createConsulKvDriver({ config, root: scope.kvRoot ?? '', ...(log ? { log } : {}) }));
      continue;
    }
    const endpoint = endpoints[ENDPOINT_OF[target]];
    if (!endpoint) {
      if (explicit)
        throw new CalvinError(
          'BAD_ARGUMENT',
          `no ${target} endpoint for environment "${config.consul.datacenter ?? ''}"`,
          HOW_TO_CONFIGURE[target],
        );
      io.stderr(`calvin: skipping ${target}: no endpoint (${HOW_TO_CONFIGURE[target]})\n`);
      continue;
    }
    const token = endpoint.token ?? tokenFor(target);
    const http = { url: endpoint.url, ...(token ? { token } : {}), ...(log ? { log } : {}) };
    if (target === 'grafana')
      drivers.set(target, (await import('../backends/grafana.js')).createGrafanaDriver({ ...http, commit }));
    if (target === 'chronograf')
      drivers.set(target, (await import('../backends/chronograf.js')).createChronografDriver(http));
    if (target === 'kapacitor')
      drivers.set(target, (await import('../backends/kapacitor.js')).createKapacitorDriver(http));
    if (target === 'elasticsearch') {
      const { createEsTemplateDriver } = await import('../backends/es-templates.js');
      const esEndpoint = { ...endpoint, ...(token ? { token } : {}) };
      drivers.set(
        target,
        createEsTemplateDriver({
          endpoint: esEndpoint,
          ...(scope.esNamePrefix ? { namePrefix: scope.esNamePrefix } : {}),
          ...(log ? { log } : {}),
        }),
      );
    }
  }
  return drivers;
}
