/**
 * Grafana dashboards reach an environment one way: through the HTTP API (`api`) or through Consul KV
 * file provisioning (`provisioning`). Never both: real Grafana (8.3+) refuses API saves of a
 * provisioned dashboard, and every provisioning reload bumps its version. Pure.
 */
import type { Config } from '../config.js';
import { CalvinError } from '../errors.js';
import { GRAFANA_KV_PREFIX } from '../render/grafana-kv.js';
import type { DesiredObject, LiveObject } from './types.js';

export type GrafanaRoute = 'api' | 'provisioning';

const DASHBOARD_KEYS = `${GRAFANA_KV_PREFIX}/dashboards/`;

/**
 * `CALVIN_GRAFANA_DELIVERY` (config `grafanaDelivery`): one route for all (`provisioning`), or per
 * environment (`test=api,production=provisioning`, `*=...` for the rest). Default `api`.
 */
export function grafanaRoute(config: Pick<Config, 'grafanaDelivery'>, environment: string): GrafanaRoute {
  const text = (config.grafanaDelivery ?? '').trim();
  if (!text) return 'api';
  const routes = new Map<string, string>();
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [env, route] = part.includes('=') ? part.split('=', 2).map((s) => s.trim()) : ['*', part];
    routes.set(env as string, route as string);
  }
  const route = routes.get(environment) ?? routes.get('*') ?? 'api';
  if (route !== 'api' && route !== 'provisioning')
    throw new CalvinError(
      'BAD_ARGUMENT',
      `Grafana delivery "${route}" for environment "${environment}" is neither api nor provisioning`,
      'set CALVIN_GRAFANA_DELIVERY to api, provisioning, or env=route pairs such as test=api,production=provisioning',
    );
  return route;
}

const isDashboardKey = (d: DesiredObject): boolean => d.kind === 'consul-kv/key' && d.name.startsWith(DASHBOARD_KEYS);
const uidOfKey = (name: string): string => name.slice(name.lastIndexOf('/') + 1);

/** Keeps the dashboards of one route only (datasource provisioning keys stay either way). */
export function routeGrafana(desired: readonly DesiredObject[], route: GrafanaRoute): DesiredObject[] {
  return desired.filter((d) => (route === 'api' ? !isDashboardKey(d) : d.kind !== 'grafana/dashboard'));
}

/** Live Grafana dashboards that file provisioning owns: not the API's to plan, save or delete. */
export const isProvisionedInGrafana = (o: LiveObject): boolean =>
  o.kind === 'grafana/dashboard' && o.ref?.provisioned === true;

/**
 * The plan refuses a uid that would go both through the API and through provisioning: `objects` are
 * the desired ones plus the live ones sent through the API (Grafana dashboards) or written to KV;
 * `provisionedUids` are the dashboards Grafana already holds from provisioning files.
 */
export function assertOneRoute(objects: readonly DesiredObject[], provisionedUids: readonly string[] = []): void {
  const viaApi = new Set(objects.filter((d) => d.kind === 'grafana/dashboard').map((d) => d.name));
  const viaProvisioning = [...objects.filter(isDashboardKey).map((d) => uidOfKey(d.name)), ...provisionedUids];
  const both = [...new Set(viaProvisioning)].filter((uid) => viaApi.has(uid));
  if (both.length > 0)
    throw new CalvinError(
      'BAD_ARGUMENT',
      `Grafana dashboard ${both[0]} would be delivered both through the API and through ` +
        `provisioning${both.length > 1 ? ` (and ${both.length - 1} more)` : ''}`,
      'Grafana refuses API saves of provisioned dashboards: choose one route per environment with ' +
        'CALVIN_GRAFANA_DELIVERY',
    );
}
