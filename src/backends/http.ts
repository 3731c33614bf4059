/**
 * Plain HTTP for the backends that have no client package here (Grafana, Chronograf, Kapacitor,
 * InfluxDB /query, the diagnosis's Elasticsearch reads): per-call timeout, JSON in and out, and errors
 * mapped to CalvinError with any secret redacted. Over node:http with the shared keep-alive pool rather
 * than fetch: a short CLI run pays 40–130 ms for fetch's first request (its HTTP parser is loaded and
 * compiled then) against under 10 ms for node:http, which Consul's client has loaded already.
 */
import http from 'node:http';
import https from 'node:https';
import { CalvinError } from '../errors.js';
import { redact } from '../redact.js';
import { poolFor } from './pool.js';
import { traceRequest } from './trace.js';

/**
 * The Authorization header for a backend's credentials: its token under the backend's own scheme
 * (InfluxDB `Token`, Elasticsearch `Bearer`), else Basic user:password, else none.
 */
export function credentialHeaders(
  credentials: { token?: string; username?: string; password?: string },
  tokenScheme: 'Bearer' | 'Token',
): Record<string, string> {
  if (credentials.token) return { authorization: `${tokenScheme} ${credentials.token}` };
  if (credentials.username && credentials.password) {
    const basic = Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64');
    return { authorization: `Basic ${basic}` };
  }
  return {};
}

export interface HttpRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /** Serialised as JSON unless it is already a string. */
  body?: unknown;
  timeoutMs?: number;
  /** Name used in error messages, e.g. "Grafana". */
  backend: string;
  /** Hint printed with an unreachable-backend error. */
  hint?: string;
  signal?: AbortSignal;
}

export interface HttpResponse<T> {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: T;
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** One exchange; rejects when the connection fails or `signal` aborts it. */
function exchange(
  url: URL,
  options: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal },
): Promise<RawResponse> {
  const send = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      { method: options.method, headers: options.headers, agent: poolFor(url), signal: options.signal },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        // Cut off mid-body (abort, reset): no 'end' comes, and the answer is not whole.
        response.on('close', () => {
          if (!response.complete) reject(new Error('the connection closed before the whole answer came'));
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

export const DEFAULT_TIMEOUT_MS = 5_000;

/** Sends one request; resolves for every HTTP status, rejects with CalvinError when unreachable. */
export async function httpRequest<T = unknown>(req: HttpRequest): Promise<HttpResponse<T>> {
  const timeout = AbortSignal.timeout(req.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = req.signal ? AbortSignal.any([timeout, req.signal]) : timeout;
  const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
  let body: string | undefined;
  if (req.body !== undefined) {
    body = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
      headers['content-type'] = 'application/json';
  }
  // An InfluxQL query travels in a form body: --debug shows its text.
  const influxql = typeof body === 'string' && /^q=|&q=/.test(body) ? new URLSearchParams(body).get('q') : null;
  traceRequest(req.backend, req.method ?? 'GET', req.url, influxql ?? undefined);
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  let response: RawResponse;
  try {
    response = await exchange(new URL(req.url), {
      method: req.method ?? 'GET',
      headers,
      ...(body !== undefined ? { body } : {}),
      signal,
    });
  } catch (error) {
    const reason = timeout.aborted
      ? `no answer within ${req.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`
      : describeNetworkError(error);
    throw new CalvinError(
      'BACKEND_UNREACHABLE',
      redact(`${req.backend} at ${safeOrigin(req.url)} is unreachable: ${reason}`),
      req.hint ?? `check that ${req.backend} is running and its address is right`,
      { cause: error },
    );
  }
  const text = response.text;
  let parsed: unknown = text;
  if (text && (response.headers['content-type'] ?? '').includes('json')) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}

/** Like httpRequest, but a non-2xx status becomes a CalvinError (401/403 → UNAUTHORIZED). */
export async function httpJson<T = unknown>(req: HttpRequest): Promise<T> {
  const res = await httpRequest<T>(req);
  if (res.status >= 200 && res.status < 300) return res.body;
  const detail = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
  const where = `${req.method ?? 'GET'} ${safePath(req.url)}`;
  if (res.status === 401 || res.status === 403) {
    throw new CalvinError(
      'UNAUTHORIZED',
      redact(`${req.backend} refused ${where} with ${res.status}`),
      `check the ${req.backend} token or credentials in the environment`,
    );
  }
  throw new CalvinError(
    'BACKEND_ERROR',
    redact(`${req.backend} answered ${res.status} to ${where}: ${detail.slice(0, 300)}`),
    `see the ${req.backend} logs or run with --debug`,
  );
}

function describeNetworkError(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && code !== 'ABORT_ERR') return code === 'ECONNREFUSED' ? 'connection refused' : code;
  return error instanceof Error ? error.message : String(error);
}

/** scheme://host:port only: never user:password or query strings in messages. */
export function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(invalid URL)';
  }
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '(invalid URL)';
  }
}
