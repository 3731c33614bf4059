import type { RegisterCommand } from '../context.js';
import { CalvinError } from '../../errors.js';

const KINDS = ['service', 'dashboard', 'alert', 'log-filter', 'index-template'] as const;

interface ListFlags {
  kind?: string;
  only?: string;
  json?: boolean;
}

export const registerList: RegisterCommand = (program, ctx) => {
  program
    .command('list')
    .description('list the definitions: id, kind and the file that defines it')
    .option('--kind <kind>', `only one kind: ${KINDS.join(', ')}`)
    .option('--only <glob>', 'only definitions whose id, file or service matches the glob')
    .option('--json', 'print a JSON array of { id, kind, file, title } on stdout')
    .addHelpText(
      'after',
      `
Examples:
  $ calvin list
  $ calvin list --kind alert
  $ calvin list --only 'artefacts*' --json`,
    )
    .action(async (flags: ListFlags) => {
      if (flags.kind !== undefined && !(KINDS as readonly string[]).includes(flags.kind)) {
        throw new CalvinError(
          'BAD_ARGUMENT',
          `unknown --kind ${JSON.stringify(flags.kind)}`,
          `use one of ${KINDS.join(', ')}`,
        );
      }
      const config = await ctx.config();
      const [{ loadCatalog, catalogDefinitions }, { listRows, formatListTable }] = await Promise.all([
        import('../../load/load-catalog.js'),
        import('../../load/list.js'),
      ]);
      const catalog = await loadCatalog(config.root, flags.only === undefined ? {} : { only: flags.only });
      const rows = listRows(catalogDefinitions(catalog)).filter(
        (row) => flags.kind === undefined || row.kind === flags.kind,
      );
      if (flags.json) ctx.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      else ctx.stdout.write(formatListTable(rows));
    });
};
