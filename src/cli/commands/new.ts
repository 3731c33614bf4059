import type { RegisterCommand } from '../context.js';

interface NewFlags {
  service?: string;
}

export const registerNew: RegisterCommand = (program, ctx) => {
  program
    .command('new')
    .description('scaffold a definition file (never overwrites)')
    .argument('<kind>', 'service | dashboard | alert | log-filter | index-template')
    .argument('<name>', 'kebab-case id, e.g. artefacts-disk-full')
    .option('--service <id>', 'service the definition belongs to (alerts default to the first word of the name)')
    .addHelpText(
      'after',
      `
Examples:
  $ calvin new service artefacts
  $ calvin new alert artefacts-disk-full --service artefacts   also writes alerts/runbooks/artefacts-disk-full.md
  $ calvin new log-filter nexus-request-log --service artefacts
  $ calvin new dashboard artefacts-overview --service artefacts`,
    )
    .action(async (kind: string, name: string, flags: NewFlags) => {
      const config = await ctx.config();
      const { scaffold } = await import('../../load/scaffold.js');
      const { writeScaffold } = await import('../../load/write-scaffold.js');
      const files = scaffold(kind, name, flags.service === undefined ? {} : { service: flags.service });
      await writeScaffold(config.root, files);
      for (const file of files) ctx.stderr.write(`created ${file.path}\n`);
      if (kind === 'alert') ctx.stderr.write(`next: check that the service exists (calvin list --kind service), then calvin runbook ${name}\n`);
    });
};
