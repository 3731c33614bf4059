import type { RegisterCommand } from '../context.js';

interface NewFlags {
  service?: string;
}

export const registerNew: RegisterCommand = (program, ctx) => {
  program
    .command('new')
    .description('scaffold a definition file (never overwrites; refuses an id the project already uses)')
    .argument('<kind>', 'service | dashboard | alert | log-filter | index-template')
    .argument('<name>', 'kebab-case id, e.g. artefacts-disk-full')
    .option('--service <id>', 'service the definition belongs to (alerts default to the first word of the name)')
    .addHelpText(
      'after',
      `
Examples:
  $ calvin new service widget
  $ calvin new alert widget-disk-full --service widget     also writes runbooks/widget-disk-full.md
  $ calvin new log-filter widget-log --service widget
  $ calvin new dashboard widget-overview --service widget   starts from serviceDashboard(widget)`,
    )
    .action(async (kind: string, name: string, flags: NewFlags) => {
      const config = await ctx.config();
      const { newDefinition } = await import('../../load/new-definition.js');
      const { files } = await newDefinition(
        config.root,
        kind,
        name,
        flags.service === undefined ? {} : { service: flags.service },
      );
      for (const file of files) ctx.stderr.write(`created ${file.path}\n`);
      if (kind === 'alert') ctx.stderr.write(`then: calvin test ${files[0]?.path ?? ''} and calvin runbook ${name}\n`);
    });
};
