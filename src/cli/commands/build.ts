import type { RegisterCommand } from '../context.js';
import { CalvinError } from '../../errors.js';
import type { Target } from '../../render/types.js';

const ALL_TARGETS: readonly Target[] = ['grafana', 'chronograf', 'kapacitor', 'logstash', 'elasticsearch'];

/** `--target grafana,kapacitor` or `--target all` (repeatable). */
export function parseTargets(values: readonly string[]): Target[] {
  const wanted = new Set<Target>();
  for (const value of values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean)) {
    if (value === 'all') ALL_TARGETS.forEach((t) => wanted.add(t));
    else if ((ALL_TARGETS as readonly string[]).includes(value)) wanted.add(value as Target);
    else
      throw new CalvinError(
        'BAD_ARGUMENT',
        `unknown --target ${JSON.stringify(value)}`,
        `use one of ${ALL_TARGETS.join(', ')}, or all`,
      );
  }
  return ALL_TARGETS.filter((t) => wanted.has(t));
}

interface BuildFlags {
  target: string[];
  out: string;
  only?: string;
  json?: boolean;
  env?: string;
}

export const registerBuild: RegisterCommand = (program, ctx) => {
  program
    .command('build')
    .description('render every definition into Grafana, Chronograf, Kapacitor, Logstash and Elasticsearch artifacts')
    .option(
      '--target <target>',
      'grafana|chronograf|kapacitor|logstash|elasticsearch|all (comma-separated or repeated)',
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .option('--out <dir>', 'output folder, replaced as a whole on success', 'out')
    .option('--only <glob>', 'only definitions whose id, file or service matches, e.g. "artefacts*" or "alerts/**"')
    .option('--json', 'list the written artifacts (path, target, type, name, sha256) as JSON on stdout')
    .option(
      '--env <dc>',
      'environment = Consul datacenter whose calvin.config section applies (serve URL); default CALVIN_ENV',
    )
    .addHelpText(
      'after',
      `
The output folder is written atomically: everything is rendered in memory, written to a temp folder
beside it and swapped in, so a failure leaves the previous output as it was.

Examples:
  $ calvin build --out out/                          every target
  $ calvin build --target grafana,chronograf          dashboards only
  $ calvin build --only 'artefacts*' --json           what the Nexus service's definitions produce
  $ calvin build --env production --out out/prod      alerts post to production's calvin serve
  $ calvin --root ~/my-infra build --out ~/my-infra/out`,
    )
    .action(async (flags: BuildFlags) => {
      const targets = parseTargets(flags.target.length === 0 ? ['all'] : flags.target);
      const config = await ctx.config(flags.env);
      const { buildProject, configuredEnvironment } = await import('../../load/build.js');
      const { serveRenderOptions } = await import('../../render/index.js');
      const result = await buildProject({
        root: config.root,
        out: flags.out,
        targets,
        ...(flags.only === undefined ? {} : { only: flags.only }),
        renderOptions: { environment: configuredEnvironment(config.databases), ...serveRenderOptions(config.serveUrl) },
      });
      const counts = targets.map((t) => `${t} ${result.counts[t] ?? 0}`).join(', ');
      ctx.stderr.write(`Built ${result.artifacts.length} artifacts into ${flags.out}: ${counts}\n`);
      if (flags.json) ctx.stdout.write(`${JSON.stringify({ out: flags.out, artifacts: result.artifacts }, null, 2)}\n`);
    });
};
