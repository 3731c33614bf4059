/** CLI glue for deploy/rollback: flags → options, streams → DeployIo. Loaded lazily by the command modules. */
import { createInterface } from 'node:readline/promises';
import type { CliContext } from './context.js';
import type { Config } from '../config.js';
import { CalvinError } from '../errors.js';
import { redact } from '../redact.js';
import type { Artifact } from '../render/types.js';
import { listBackups, backupsDir } from '../deploy/backup.js';
import { runDeploy, runRollback, type DeployIo } from '../deploy/run.js';
import { DEPLOY_TARGETS, type DeployTarget } from '../deploy/types.js';

function io(ctx: CliContext, color: boolean): DeployIo {
  const interactive = ctx.interactive && Boolean(process.stdin.isTTY);
  return {
    // runDeploy and runRollback redact what they print on stdout themselves (JSON before serialising).
    stdout: (text) => ctx.stdout.write(text),
    stderr: (text) => ctx.stderr.write(redact(text)),
    interactive,
    color,
    ...(interactive
      ? {
          async ask(question: string) {
            const rl = createInterface({ input: process.stdin, output: process.stderr });
            try {
              return await rl.question(question);
            } finally {
              rl.close();
            }
          },
        }
      : {}),
  };
}

export function parseTargets(value: string): { targets: DeployTarget[]; explicit: boolean } {
  if (value === 'all') return { targets: [...DEPLOY_TARGETS], explicit: false };
  const targets = value.split(',').map((t) => t.trim());
  for (const t of targets) {
    if (!(DEPLOY_TARGETS as readonly string[]).includes(t)) {
      throw new CalvinError(
        'BAD_ARGUMENT',
        `unknown deploy target "${t}"`,
        `use one of ${[...DEPLOY_TARGETS, 'all'].join(', ')}`,
      );
    }
  }
  return { targets: targets as DeployTarget[], explicit: true };
}

export function checkEnvironment(env: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/.test(env)) {
    throw new CalvinError(
      'BAD_ARGUMENT',
      `"${env}" is not a Consul datacenter name`,
      'pass --env with letters, digits, dot, dash or underscore, e.g. --env test',
    );
  }
  return env;
}

async function renderForDeploy(config: Config, only: string | undefined): Promise<Artifact[]> {
  const { loadCatalog } = await import('../load/index.js');
  const { renderCatalog, defaultRenderOptions, serveRenderOptions } = await import('../render/index.js');
  const catalog = await loadCatalog(config.root, only === undefined ? {} : { only });
  // The serve token stays out of the scripts: Kapacitor's `calvin` endpoint (kapacitor.conf) sends it.
  return renderCatalog(catalog, defaultRenderOptions(serveRenderOptions(config.serveUrl)));
}

export async function deployCommand(
  opts: {
    env: string;
    target: string;
    plan?: boolean;
    json?: boolean;
    yes?: boolean;
    prune?: boolean;
    wait: boolean;
    only?: string;
  },
  ctx: CliContext,
): Promise<number> {
  const environment = checkEnvironment(opts.env);
  const { targets, explicit } = parseTargets(opts.target);
  if (opts.prune && opts.only !== undefined) {
    // With a subset of definitions, every other managed object would look "no longer defined".
    throw new CalvinError(
      'BAD_ARGUMENT',
      '--prune cannot be combined with --only',
      'prune with the full set of definitions: drop --only',
    );
  }
  const { withSecrets } = await import('../backends/secrets.js');
  const config = withSecrets(await ctx.config(environment));
  const artifacts = await renderForDeploy(config, opts.only);
  const result = await runDeploy({
    config,
    environment,
    artifacts,
    targets,
    explicitTargets: explicit,
    planOnly: Boolean(opts.plan),
    json: Boolean(opts.json),
    yes: Boolean(opts.yes),
    prune: Boolean(opts.prune),
    wait: opts.wait,
    io: io(ctx, config.color),
  });
  return result.exitCode;
}

export async function rollbackCommand(
  opts: { env: string; to?: string; list?: boolean; json?: boolean; yes?: boolean; wait: boolean },
  ctx: CliContext,
): Promise<number> {
  const environment = checkEnvironment(opts.env);
  const { withSecrets } = await import('../backends/secrets.js');
  const config = withSecrets(await ctx.config(environment));
  if (opts.list) {
    const { fetchBackups } = await import('../deploy/run.js');
    await fetchBackups(
      { ...config, consul: { ...config.consul, datacenter: environment } },
      {},
      environment,
      io(ctx, false),
    );
    const names = listBackups(config.root, environment);
    if (opts.json) ctx.stdout.write(`${JSON.stringify({ environment, backups: names }, null, 2)}\n`);
    else
      ctx.stdout.write(
        names.length
          ? `${names.join('\n')}\n`
          : `No backups for "${environment}" in ${backupsDir(config.root, environment)}.\n`,
      );
    return 0;
  }
  const { exitCode } = await runRollback({
    config,
    environment,
    ...(opts.to ? { to: opts.to } : {}),
    yes: Boolean(opts.yes),
    wait: opts.wait,
    json: Boolean(opts.json),
    io: io(ctx, config.color),
  });
  return exitCode;
}
