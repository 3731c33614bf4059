import type { RegisterCommand } from '../context.js';
import { windowDeadlineConfig } from '../diagnose-flags.js';

interface StatusFlags {
  env?: string;
  since?: string;
  to?: string;
  json?: boolean;
  deadline?: string;
}

export const registerStatus: RegisterCommand = (program, ctx) => {
  program
    .command('status')
    .description('every service of an environment with its status and a one-line reason, worst first')
    .option('--env <datacenter>', "Consul datacenter of the environment (default: the agent's own)")
    .option('--since <duration>', 'window length ending now (or at --to), e.g. 15m, 1h (default 1h)')
    .option('--to <time>', 'window end (default now)')
    .option('--json', 'print the status as JSON on stdout')
    .option('--deadline <duration>', 'time budget; slow backends are cut off (default 10s)')
    .addHelpText(
      'after',
      `
Examples:
  $ calvin status
  $ calvin status --env production --json | jq '.services[] | select(.status != "healthy")'

Batched: Consul health of every service, one InfluxQL query per host signal across all hosts,
one Elasticsearch multi-search. Exit codes as diagnose: 0 all healthy, 1 any degraded or critical,
2 calvin could not run, 3 some service unknown (no instances) and none unhealthy.`,
    )
    .action(async (flags: StatusFlags) => {
      const [{ environmentStatus }, { environmentExitCode }, { window, deadlineMs, config }] = await Promise.all([
        import('../../diagnose/status.js'),
        import('../../diagnose/environment-analysis.js'),
        windowDeadlineConfig(flags, ctx),
      ]);
      const { closeElasticClients } = await import('../../backends/elasticsearch.js');
      try {
        const status = await environmentStatus(config, { to: window.to, lengthMs: window.lengthMs, deadlineMs });
        if (flags.json) ctx.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
        else {
          const { renderStatusText } = await import('../../report/status-text.js');
          ctx.stdout.write(renderStatusText(status, { width: ctx.stdout.columns ?? 100 }));
        }
        process.exitCode = environmentExitCode(status);
      } finally {
        await closeElasticClients();
      }
    });
};
