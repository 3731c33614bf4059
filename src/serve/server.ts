/**
 * Starting and stopping `calvin serve`: listen, optionally register in Consul with an HTTP check,
 * and on stop (SIGTERM) refuse new connections, finish the stores and diagnoses in flight, deregister.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deregisterServe, registerServe } from '../backends/consul-serve.js';
import { preloadElasticClient } from '../backends/es-client.js';
import type { Config } from '../config.js';
import type { Catalog } from '../define/types.js';
import { CalvinError } from '../errors.js';
import { createApp } from './app.js';
import { createRuntime, type ServeOptions, type ServeRuntime } from './runtime.js';

export interface StartOptions extends Omit<ServeOptions, 'publicUrl'> {
  host: string;
  port: number;
  publicUrl?: string;
  /** Register in Consul's local agent as service `calvin` with an HTTP check on /healthz. */
  register?: boolean;
}

export interface RunningServe {
  url: string;
  runtime: ServeRuntime;
  server: Server;
  stop(): Promise<void>;
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new CalvinError(
          'BAD_ARGUMENT',
          `cannot listen on ${host}:${port} (${error.code ?? error.message})`,
          'choose another --port, or stop what is using it',
        ),
      ),
    );
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
}

export async function startServe(config: Config, catalog: Catalog, options: StartOptions): Promise<RunningServe> {
  const base = options.publicUrl ?? config.serveUrl;
  // What calvin loads lazily for a one-shot command, a server loads before it listens: otherwise the
  // first burst of alerts waits ~100 ms behind the Elasticsearch client's import and the diagnosis modules.
  preloadElasticClient();
  await Promise.all([
    import('../diagnose/backends.js'),
    import('../diagnose/analyze.js'),
    import('../diagnose/charts.js'),
    import('../backends/consul.js'),
    import('../report/index.js'),
  ]);
  const runtime = await createRuntime(config, catalog, { ...options, publicUrl: base ?? '' });
  const app = createApp(runtime);
  const server = createServer(app);
  // Senders keep their connections between alerts (Go's HTTP client, Kapacitor's, for 90 s): a
  // server that closes them after Node's default 5 s idle makes the next burst open them all again.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const address = await listen(server, options.host, options.port);
  const url = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
  if (!base) runtime.options.publicUrl = url;
  const serviceId = `calvin-serve-${address.port}`;
  if (options.register) {
    await registerServe(config, {
      id: serviceId,
      name: 'calvin',
      address: address.address,
      port: address.port,
      checkUrl: `${url}/healthz`,
    });
  }
  let stopping: Promise<void> | undefined;
  return {
    url,
    runtime,
    server,
    stop() {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await runtime.stop();
        await closed;
        if (options.register) await deregisterServe(config, serviceId).catch(() => undefined);
      })();
      return stopping;
    },
  };
}
