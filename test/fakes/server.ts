/** Common plumbing for the contract fakes: a real HTTP server on 127.0.0.1, bearer auth, write counting, failure injection. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
}

export interface FakeServer {
  url: string;
  /** Successful writes (POST/PUT/PATCH/DELETE) since start or the last reset. */
  writes(): number;
  resetWrites(): void;
  /** Every request seen, as "METHOD /path". */
  log: string[];
  /** Make the n-th write from now (1 = the next one) fail with a 500. */
  failWrite(n: number): void;
  /** Runs (and is awaited) before each write is handled: lets a test act at a precise point of an apply. */
  beforeWrite(hook: ((req: FakeRequest) => Promise<void>) | undefined): void;
  close(): Promise<void>;
}

export interface FakeOptions {
  /** Bearer token required on every request; omit for no auth. */
  token?: string;
}

export async function startFake(options: FakeOptions, handle: (req: FakeRequest) => FakeResponse): Promise<FakeServer> {
  let writes = 0;
  let failAt: number | undefined;
  let writesSinceArm = 0;
  let hook: ((req: FakeRequest) => Promise<void>) | undefined;
  const log: string[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const method = req.method ?? 'GET';
      log.push(`${method} ${url.pathname}`);
      const send = (status: number, body?: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(body === undefined ? '' : JSON.stringify(body));
      };
      if (options.token && req.headers.authorization !== `Bearer ${options.token}`) {
        send(401, { message: 'Unauthorized' });
        return;
      }
      const isWrite = method !== 'GET' && method !== 'HEAD';
      if (isWrite && failAt !== undefined) {
        writesSinceArm += 1;
        if (writesSinceArm === failAt) {
          failAt = undefined;
          send(500, { message: 'injected failure' });
          return;
        }
      }
      let body: unknown;
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        send(400, { message: 'invalid JSON' });
        return;
      }
      const request = { method, path: url.pathname, query: url.searchParams, body };
      if (isWrite && hook) await hook(request);
      const answer = handle(request);
      if (isWrite && answer.status < 300) writes += 1;
      send(answer.status, answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    writes: () => writes,
    resetWrites: () => {
      writes = 0;
    },
    log,
    failWrite(n) {
      failAt = n;
      writesSinceArm = 0;
    },
    beforeWrite(next) {
      hook = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A test's request to a fake, with its bearer token; the answer's status and parsed JSON body. */
export async function callFake(
  url: string,
  method: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: any }> {
  const res = await fetch(url, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
