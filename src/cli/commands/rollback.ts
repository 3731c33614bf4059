import type { Command } from 'commander';
import type { RegisterCommand } from '../context.js';

export const registerRollback: RegisterCommand = (program: Command, ctx) => {
  program
    .command('rollback')
    .description('Undo a deploy from its backup: delete what it created, restore what it overwrote or deleted')
    .requiredOption('--env <dc>', 'environment = Consul datacenter')
    .option('--to <timestamp>', 'backup to restore (a folder name under .calvin/backups/<env>/); default the latest')
    .option('--list', 'list the backups of the environment and stop')
    .option('--json', 'machine-readable result on stdout')
    .option('--yes', 'do not ask (CI); needed without a terminal')
    .option('--no-wait', 'fail instead of waiting when a deploy holds the lock')
    .addHelpText(
      'after',
      `
Examples:
  $ calvin rollback --env test --list
  $ calvin rollback --env test                              undo the latest deploy to "test"
  $ calvin rollback --env production --to 2026-11-23T09-17-00-123Z --yes`,
    )
    .action(
      async (opts: { env: string; to?: string; list?: boolean; json?: boolean; yes?: boolean; wait: boolean }) => {
        const { rollbackCommand } = await import('../deploy-io.js');
        process.exitCode = await rollbackCommand(opts, ctx);
      },
    );
};
