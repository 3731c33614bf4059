import type { RegisterCommand } from '../context.js';

interface ServeFlags {
  host: string;
  port: string;
  register?: boolean;
  publicUrl?: string;
  spool?: string;
  indexSuffix?: string;
  coalesce: string;
  concurrency: string;
  claimLease: string;
  bodyLimit: string;
  env?: string;
}

export const registerServe: RegisterCommand = (program, ctx) => {
  program
    .command('serve')
    .description('receive Kapacitor and Alertmanager alerts, take a diagnosis at alert time, serve pages and an API')
    .option('--env <dc>', 'environment = Consul datacenter; picks the calvin.config section (default CALVIN_ENV)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on', '8080')
    .option(
      '--public-url <url>',
      'URL people and Kapacitor reach serve at (default: serveUrl of the config, else host:port)',
    )
    .option('--register', 'register in the local Consul agent as service "calvin" with an HTTP check on /healthz')
    .option('--spool <dir>', 'folder of the local alert spool (default .calvin/spool under --root)')
    .option('--index-suffix <suffix>', 'suffix of the calvin-alerts and calvin-diagnoses indices')
    .option('--coalesce <duration>', 'alerts of one service within this window share one diagnosis', '2m')
    .option('--concurrency <n>', 'diagnoses running at once', '2')
    .option('--claim-lease <duration>', 'a replica that stops renewing a diagnosis claim loses it after this', '30s')
    .option('--body-limit <size>', 'largest accepted request body', '1mb')
    .addHelpText(
      'after',
      `
Examples:
  $ CALVIN_SERVE_TOKEN=... calvin serve --port 8080
  $ calvin serve --host 0.0.0.0 --register --public-url https://calvin.test.example

Writes need Authorization: Bearer $CALVIN_SERVE_TOKEN (or CALVIN_SERVE_TOKEN_FILE). Elasticsearch from
ELASTICSEARCH_URL, calvin.config or the Consul catalog. SIGTERM finishes the diagnoses in flight, then exits.`,
    )
    .action(async (flags: ServeFlags) => {
      const [{ startServe }, { jsonLogger }, { readSecret }, { discoverEndpoints }, { parseDuration }] =
        await Promise.all([
          import('../../serve/server.js'),
          import('../../serve/log.js'),
          import('../../backends/secrets.js'),
          import('../../backends/discover.js'),
          import('../../diagnose/options.js'),
        ]);
      const { CalvinError } = await import('../../errors.js');
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CalvinError('BAD_ARGUMENT', `--port ${flags.port} is not a port`, 'use 0-65535');
      const token = readSecret('CALVIN_SERVE_TOKEN');
      if (!token)
        throw new CalvinError(
          'BAD_ARGUMENT',
          'calvin serve needs CALVIN_SERVE_TOKEN (or CALVIN_SERVE_TOKEN_FILE) to accept alerts',
          'set a random token; give Kapacitor the same one in the headers of its [[httppost]] endpoint "calvin"',
        );
      const base = await ctx.config(flags.env);
      const endpoints = await discoverEndpoints(base, ['elasticsearch', 'influx']);
      const config = { ...base, ...endpoints };
      const { loadCatalog } = await import('../../load/index.js');
      const catalog = await loadCatalog(config.root);
      const log = jsonLogger(process.stdout);
      const running = await startServe(config, catalog, {
        host: flags.host,
        port,
        token,
        protectReads: config.protectReads,
        log,
        coalesceMs: parseDuration(flags.coalesce, '--coalesce'),
        concurrency: Math.max(1, Number(flags.concurrency) || 2),
        claimLeaseMs: parseDuration(flags.claimLease, '--claim-lease'),
        bodyLimit: flags.bodyLimit,
        ...(flags.publicUrl ? { publicUrl: flags.publicUrl.replace(/\/+$/, '') } : {}),
        ...(flags.spool ? { spoolDir: flags.spool } : {}),
        ...(flags.indexSuffix ? { indexSuffix: flags.indexSuffix } : {}),
        ...(flags.register ? { register: true } : {}),
      });
      log({ event: 'listening', url: running.url, publicUrl: running.runtime.options.publicUrl });
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          log({ event: 'stopping', signal, inFlight: running.runtime.queue.active + running.runtime.queue.size });
          void running.stop().then(resolve);
        };
        process.once('SIGTERM', () => stop('SIGTERM'));
        process.once('SIGINT', () => stop('SIGINT'));
      });
      log({ event: 'stopped' });
    });
};
