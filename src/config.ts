/**
 * One Config, read once: flags + environment (+ optional calvin.config.* later).
 * Endpoints left undefined are discovered through the Consul catalog.
 */
import { registerBasicCredentials, registerSecret } from './redact.js';

export interface Endpoint {
  url: string;
  token?: string;
}

export interface Config {
  /** Root of the definitions (dashboards/, alerts/, log-filters/, index-templates/, services/). */
  root: string;
  consul: { url: string; token?: string; datacenter?: string };
  influx?: Endpoint & { username?: string; password?: string };
  elasticsearch?: Endpoint & { username?: string; password?: string };
  grafana?: Endpoint;
  chronograf?: Endpoint;
  kapacitor?: Endpoint;
  /** Environments that need --yes or a terminal confirmation to deploy. */
  productionEnvironments: string[];
  databases: { system: string; services: string };
  debug: boolean;
  color: boolean;
}

function consulUrlFromEnv(env: NodeJS.ProcessEnv): string {
  const raw = env.CONSUL_HTTP_ADDR ?? '127.0.0.1:8500';
  if (/^https?:\/\//.test(raw)) return raw.replace(/\/+$/, '');
  const scheme = env.CONSUL_HTTP_SSL === 'true' || env.CONSUL_HTTP_SSL === '1' ? 'https' : 'http';
  return `${scheme}://${raw}`.replace(/\/+$/, '');
}

function endpointFromEnv(
  env: NodeJS.ProcessEnv,
  prefix: string,
): (Endpoint & { username?: string; password?: string }) | undefined {
  const url = env[`${prefix}_URL`];
  if (!url) return undefined;
  const token = env[`${prefix}_TOKEN`];
  const username = env[`${prefix}_USERNAME`];
  const password = env[`${prefix}_PASSWORD`];
  registerSecret(token);
  registerBasicCredentials(username, password);
  return {
    url: url.replace(/\/+$/, ''),
    ...(token ? { token } : {}),
    ...(username ? { username } : {}),
    ...(password ? { password } : {}),
  };
}

export interface ConfigOverrides {
  root?: string;
  consulAddr?: string;
  datacenter?: string;
  debug?: boolean;
  color?: boolean;
}

export function loadConfig(overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const consulToken = env.CONSUL_HTTP_TOKEN;
  registerSecret(consulToken);
  const consulUrl = overrides.consulAddr
    ? consulUrlFromEnv({ ...env, CONSUL_HTTP_ADDR: overrides.consulAddr })
    : consulUrlFromEnv(env);
  const colorWanted =
    overrides.color ??
    (!('NO_COLOR' in env && env.NO_COLOR !== '') && Boolean(process.stdout.isTTY) && env.TERM !== 'dumb');
  const influx = endpointFromEnv(env, 'INFLUX');
  const elasticsearch = endpointFromEnv(env, 'ELASTICSEARCH');
  const grafana = endpointFromEnv(env, 'GRAFANA');
  const chronograf = endpointFromEnv(env, 'CHRONOGRAF');
  const kapacitor = endpointFromEnv(env, 'KAPACITOR');
  return {
    root: overrides.root ?? env.CALVIN_ROOT ?? process.cwd(),
    consul: {
      url: consulUrl,
      ...(consulToken ? { token: consulToken } : {}),
      ...(overrides.datacenter ? { datacenter: overrides.datacenter } : {}),
    },
    ...(influx ? { influx } : {}),
    ...(elasticsearch ? { elasticsearch } : {}),
    ...(grafana ? { grafana } : {}),
    ...(chronograf ? { chronograf } : {}),
    ...(kapacitor ? { kapacitor } : {}),
    productionEnvironments: (env.CALVIN_PRODUCTION_ENVS ?? 'production,prod')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    databases: { system: env.CALVIN_DB_SYSTEM ?? 'system', services: env.CALVIN_DB_SERVICES ?? 'services' },
    debug: overrides.debug ?? env.CALVIN_DEBUG === '1',
    color: colorWanted,
  };
}
