import type { RegisterCommand } from '../context.js';

interface RunbookFlags {
  env?: string;
  json?: boolean;
}

export const registerRunbook: RegisterCommand = (program, ctx) => {
  program
    .command('runbook')
    .description("print an alert's runbook, followed by the calvin diagnose command to run")
    .argument('<alert-id>', 'alert id, e.g. artefacts-disk-full (calvin list --kind alert)')
    .option('--env <datacenter>', 'Consul datacenter to put in the diagnose command')
    .option('--json', 'print { alert, title, url, markdown, service, diagnose } as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ calvin runbook artefacts-disk-full
  $ calvin runbook artefacts-disk-full --env calvinverse-01
  $ calvin runbook queue-memory-alarm --json | jq -r .diagnose`,
    )
    .action(async (alertId: string, flags: RunbookFlags) => {
      const config = await ctx.config();
      const [{ loadCatalog }, { runbookView, formatRunbook }] = await Promise.all([
        import('../../load/load-catalog.js'),
        import('../../load/runbook-text.js'),
      ]);
      const catalog = await loadCatalog(config.root);
      const view = runbookView(catalog, alertId, flags.env ?? config.consul.datacenter);
      ctx.stdout.write(flags.json ? `${JSON.stringify(view, null, 2)}\n` : formatRunbook(view));
    });
};
