/** The one place a Consul client is made: address and token from Config (CONSUL_HTTP_*). */
import Consul from 'consul';
import type { Config } from '../config.js';
import { CalvinError } from '../errors.js';
import { redact } from '../redact.js';
import { poolFor } from './pool.js';
import { traceRequest } from './trace.js';

export type ConsulClient = InstanceType<typeof Consul>;

/** The `dc` parameter of a catalog or health call: the configured datacenter, else the agent's own. */
export function dcOption(config: Config): { dc?: string } {
  return config.consul.datacenter ? { dc: config.consul.datacenter } : {};
}

export function createConsulClient(config: Config, options: { timeoutMs?: number } = {}): ConsulClient {
  const url = new URL(config.consul.url);
  // `timeout` is honoured per call by the package but missing from its typings.
  const defaults = {
    timeout: options.timeoutMs ?? 5_000,
    ...(config.consul.token ? { token: config.consul.token } : {}),
    ...(config.consul.datacenter ? { dc: config.consul.datacenter } : {}),
  };
  const client = new Consul({
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
    secure: url.protocol === 'https:',
    agent: poolFor(url),
    defaults,
  });
  // papi (under the consul package) runs `onRequest` extensions once the request is built.
  const withExtensions = client as unknown as {
    _ext(
      event: 'onRequest',
      fn: (request: { req?: { method?: string; path?: string } }, next: () => void) => void,
    ): void;
  };
  withExtensions._ext('onRequest', (request, next) => {
    traceRequest('Consul', request.req?.method ?? 'GET', `${url.origin}${request.req?.path ?? ''}`);
    next();
  });
  return client;
}

/** Maps a failure of the consul package to the one-line errors users see. */
export function consulError(error: unknown, config: Config, what: string): CalvinError {
  const e = error as { code?: string; statusCode?: number; message?: string; response?: { statusCode?: number } };
  const status = e.statusCode ?? e.response?.statusCode;
  if (status === 403 || status === 401) {
    return new CalvinError('UNAUTHORIZED', `Consul refused ${what} (${status})`, 'check CONSUL_HTTP_TOKEN', {
      cause: error,
    });
  }
  if (status === undefined) {
    const address = new URL(config.consul.url).host;
    return new CalvinError(
      'CONSUL_UNREACHABLE',
      `Consul at ${address} is unreachable (${e.code ?? redact(e.message ?? 'no answer')})`,
      'set CONSUL_HTTP_ADDR to a reachable Consul agent, e.g. CONSUL_HTTP_ADDR=127.0.0.1:8500',
      { cause: error },
    );
  }
  if (status === 500 && /no path to datacenter/i.test(e.message ?? '')) {
    return new CalvinError(
      'BAD_ARGUMENT',
      `Consul knows no datacenter "${config.consul.datacenter ?? ''}"`,
      'pass --env with one of the datacenters that `consul catalog datacenters` lists',
      { cause: error },
    );
  }
  return new CalvinError(
    'BACKEND_ERROR',
    redact(`Consul answered ${status} to ${what}: ${e.message ?? ''}`),
    'see the Consul agent logs or run with --debug',
    { cause: error },
  );
}
