import type { Command } from 'commander';
import type { RegisterCommand } from '../context.js';

const FORMATS = ['text', 'json', 'markdown'];

export const registerBacktest: RegisterCommand = (program: Command, ctx) => {
  program
    .command('backtest <alert>')
    .description('Replay an alert over real InfluxDB history: how often it would have fired and flapped')
    .option('--since <duration>', 'how far back', '7d')
    .option('--env <dc>', "environment = Consul datacenter (default: the agent's own)")
    .option('--format <format>', `output: ${FORMATS.join(', ')}`, 'text')
    .addHelpText(
      'after',
      `
Examples:
  $ calvin backtest artefacts-disk-full
  $ calvin backtest host-cpu-busy --since 14d --env production --format markdown   for a PR comment`,
    )
    .action(async (alertId: string, flags: { since: string; env?: string; format: string }) => {
      const [{ CalvinError }, { loadCatalog }, { backtest, formatBacktest }, { terminalSafe }, { redact }] =
        await Promise.all([
          import('../../errors.js'),
          import('../../load/index.js'),
          import('../../backtest/index.js'),
          import('../../deploy/format.js'),
          import('../../redact.js'),
        ]);
      if (!FORMATS.includes(flags.format))
        throw new CalvinError('BAD_ARGUMENT', `unknown --format ${flags.format}`, `use one of ${FORMATS.join(', ')}`);
      const config = await ctx.config(flags.env);
      const catalog = await loadCatalog(config.root);
      const alert = catalog.alerts.find((a) => a.id === alertId);
      if (!alert)
        throw new CalvinError(
          'UNKNOWN_ALERT',
          `no alert "${alertId}"`,
          'alert ids are the first argument of alert(...) in alerts/*.ts',
        );
      const environment = flags.env ?? config.consul.datacenter ?? 'default';
      const summary = await backtest({ config, alert, environment, since: flags.since, now: Date.now() });
      ctx.stdout.write(redact(formatBacktest(summary, flags.format as 'text', terminalSafe)));
      process.exitCode = 0;
    });
};
