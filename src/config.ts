/**
 * One Config, read once: flags + environment + `calvin.config.(ts|json|yaml)` (one section per
 * environment). Precedence: flags, then environment variables, then the file's section of the
 * environment. Endpoints left undefined are discovered through the Consul catalog.
 */
import { registerBasicCredentials, registerSecret } from './redact.js';
import type { ConfigFile, EnvironmentSection } from './config-file.js';

export type { ConfigFile, EnvironmentSection } from './config-file.js';
export { readConfigFile } from './config-file.js';

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
  /** How dashboards reach Grafana: `api`, `provisioning`, or per environment `test=api,production=provisioning`. */
  grafanaDelivery?: string;
  databases: { system: string; services: string };
  debug: boolean;
  color: boolean;
  /** Where `calvin serve` answers (`CALVIN_SERVE_URL`, else the file): alert handlers post and runbooks link there. */
  serveUrl?: string;
  /** Grafana as people open it in a browser (links from serve's pages); default the API URL. */
  grafanaUrl?: string;
  /** Reads of `calvin serve` need the token too (`CALVIN_SERVE_PROTECT_READS=1`, else the file). */
  protectReads: boolean;
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
  /** The parsed calvin.config file, if the project has one. */
  file?: ConfigFile;
  consulAddr?: string;
  datacenter?: string;
  debug?: boolean;
  color?: boolean;
}

function trimUrl(url: string | undefined): string | undefined {
  return url ? url.replace(/\/+$/, '') : undefined;
}

/** The file's section for the environment: `--env`, else `CALVIN_ENV`, else the file's `default`. */
function fileSection(overrides: ConfigOverrides, env: NodeJS.ProcessEnv): EnvironmentSection {
  const file = overrides.file;
  if (!file) return {};
  const name = overrides.datacenter ?? env.CALVIN_ENV ?? file.default;
  return (name ? file.environments[name] : undefined) ?? {};
}

/** Environment variables first, then the file's section (endpoints given as URLs there). */
function withFileEndpoints(env: NodeJS.ProcessEnv, section: EnvironmentSection): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...env };
  const fromFile: [string, string | undefined][] = [
    ['CONSUL_HTTP_ADDR', section.consul],
    ['INFLUX_URL', section.influx],
    ['ELASTICSEARCH_URL', section.elasticsearch],
    ['GRAFANA_URL', section.grafana],
    ['CHRONOGRAF_URL', section.chronograf],
    ['KAPACITOR_URL', section.kapacitor],
  ];
  for (const [name, value] of fromFile) if (merged[name] === undefined && value) merged[name] = value;
  return merged;
}

export function loadConfig(overrides: ConfigOverrides = {}, processEnv: NodeJS.ProcessEnv = process.env): Config {
  const section = fileSection(overrides, processEnv);
  const env = withFileEndpoints(processEnv, section);
  const serveUrl = trimUrl(env.CALVIN_SERVE_URL ?? section.serveUrl);
  const grafanaUrl = trimUrl(env.CALVIN_GRAFANA_PUBLIC_URL ?? section.grafanaPublicUrl ?? env.GRAFANA_URL);
  const protectReads = env.CALVIN_SERVE_PROTECT_READS
    ? env.CALVIN_SERVE_PROTECT_READS === '1' || env.CALVIN_SERVE_PROTECT_READS === 'true'
    : (section.protectReads ?? false);
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
    ...(env.CALVIN_GRAFANA_DELIVERY ? { grafanaDelivery: env.CALVIN_GRAFANA_DELIVERY } : {}),
    databases: { system: env.CALVIN_DB_SYSTEM ?? 'system', services: env.CALVIN_DB_SERVICES ?? 'services' },
    debug: overrides.debug ?? env.CALVIN_DEBUG === '1',
    color: colorWanted,
    ...(serveUrl ? { serveUrl } : {}),
    ...(grafanaUrl ? { grafanaUrl } : {}),
    protectReads,
  };
}
