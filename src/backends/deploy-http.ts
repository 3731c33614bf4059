/** Shared bits of the deploy drivers that speak plain HTTP (Grafana, Chronograf, Kapacitor). */
import { CalvinError } from '../errors.js';
import { httpJson, httpRequest, type HttpRequest } from './http.js';
import { redact } from '../redact.js';

export interface DriverOptions {
  url: string;
  token?: string;
  /** Debug trace of requests (method and path only; never headers or bodies). */
  log?: (line: string) => void;
  timeoutMs?: number;
}

export interface JsonClient {
  json<T>(method: NonNullable<HttpRequest['method']>, path: string, body?: unknown): Promise<T>;
  /** Like json, but resolves `undefined` on 404. */
  maybe<T>(path: string): Promise<T | undefined>;
  /**
   * Sends once and resolves with any status: for callers that turn some statuses (Grafana's 412) into their own errors.
   */
  send<T>(
    method: NonNullable<HttpRequest['method']>,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
  /** The standard error for a non-2xx answer `send` got (401/403 → UNAUTHORIZED). */
  failure(method: string, path: string, answer: { status: number; body: unknown }): CalvinError;
  writes(): number;
}

export function jsonClient(backend: string, options: DriverOptions): JsonClient {
  const base = options.url.replace(/\/+$/, '');
  const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
  let writes = 0;
  const request = (method: NonNullable<HttpRequest['method']>, path: string, body?: unknown): HttpRequest => ({
    method,
    url: `${base}${path}`,
    headers,
    backend,
    ...(body !== undefined ? { body } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  return {
    async json<T>(method: NonNullable<HttpRequest['method']>, path: string, body?: unknown): Promise<T> {
      options.log?.(redact(`${backend}: ${method} ${path}`));
      if (method !== 'GET') writes += 1;
      return httpJson<T>(request(method, path, body));
    },
    async maybe<T>(path: string): Promise<T | undefined> {
      options.log?.(redact(`${backend}: GET ${path}`));
      const res = await httpRequest<T>(request('GET', path));
      if (res.status === 404) return undefined;
      if (res.status >= 200 && res.status < 300) return res.body;
      // Let httpJson produce the standard error (401/403 → UNAUTHORIZED).
      return httpJson<T>(request('GET', path));
    },
    async send<T>(
      method: NonNullable<HttpRequest['method']>,
      path: string,
      body?: unknown,
    ): Promise<{ status: number; body: T }> {
      options.log?.(redact(`${backend}: ${method} ${path}`));
      if (method !== 'GET') writes += 1;
      const res = await httpRequest<T>(request(method, path, body));
      return { status: res.status, body: res.body };
    },
    failure(method, path, answer) {
      const where = `${method} ${path.split('?')[0] ?? ''}`;
      if (answer.status === 401 || answer.status === 403) {
        return new CalvinError(
          'UNAUTHORIZED',
          redact(`${backend} refused ${where} with ${answer.status}`),
          `check the ${backend} token or credentials in the environment`,
        );
      }
      const detail = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      return new CalvinError(
        'BACKEND_ERROR',
        redact(`${backend} answered ${answer.status} to ${where}: ${detail.slice(0, 300)}`),
        `see the ${backend} logs or run with --debug`,
      );
    },
    writes: () => writes,
  };
}

export const enc = encodeURIComponent;
