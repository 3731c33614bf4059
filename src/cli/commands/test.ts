import type { RegisterCommand } from '../context.js';
import { CalvinError } from '../../errors.js';

interface TestFlags {
  format: string;
  run?: string;
  output?: string;
  now?: string;
}

const FORMATS = ['text', 'json', 'junit'];

export const registerTest: RegisterCommand = (program, ctx) => {
  program
    .command('test')
    .description(
      'run log-filter and alert test cases in-process (grok on Oniguruma, Logstash filters, alert levels over series)',
    )
    .argument(
      '[paths...]',
      'definition files or folders, Logstash configs (<name>.conf + <name>.cases.yaml) or case files; none: the ' +
        'definitions under --root and the case files in its definition folders',
    )
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'text')
    .option('--run <regex>', 'run only cases whose "suite › case" name matches (others are reported as skipped)')
    .option('--output <file>', 'write the report to a file (atomically) instead of stdout')
    .option('--now <iso-date>', 'clock for dates without a year (syslog timestamps); default: the current time')
    .addHelpText(
      'after',
      `
Exit codes: 0 every case passed, 1 a case failed, was UNSUPPORTED or errored, 2 could not run.

Examples:
  $ calvin test
  $ calvin test log-filters/syslog-ecs.ts --run 'warning'
  $ calvin test pipelines/nexus.conf            # with pipelines/nexus.cases.yaml beside it
  $ calvin test --format junit --output test-results.xml
  $ calvin test alerts/ --format json`,
    )
    .action(async (paths: string[], flags: TestFlags) => {
      if (!FORMATS.includes(flags.format))
        throw new CalvinError(
          'BAD_ARGUMENT',
          `unknown --format ${JSON.stringify(flags.format)}`,
          `use one of ${FORMATS.join(', ')}`,
        );
      let filter: RegExp | undefined;
      if (flags.run !== undefined) {
        try {
          filter = new RegExp(flags.run);
        } catch {
          throw new CalvinError(
            'BAD_ARGUMENT',
            `--run ${JSON.stringify(flags.run)} is not a valid regular expression`,
            "for example --run 'syslog-ecs'",
          );
        }
      }
      let now = new Date();
      if (flags.now !== undefined) {
        now = new Date(flags.now);
        if (Number.isNaN(now.getTime()))
          throw new CalvinError(
            'BAD_ARGUMENT',
            `--now ${JSON.stringify(flags.now)} is not a date`,
            'use an ISO 8601 date, e.g. 2026-11-23T00:00:00Z',
          );
      }
      const config = await ctx.config();
      const { runTestCommand } = await import('../../logstash/testing/command.js');
      const { report, exitCode } = await runTestCommand({
        paths,
        root: config.root,
        format: flags.format as 'text' | 'json' | 'junit',
        now,
        color: config.color && !flags.output && Boolean(ctx.stdout.isTTY),
        ...(filter ? { filter } : {}),
      });
      if (flags.output) {
        const { writeFileAtomic } = await import('../../fsutil/atomic-file.js');
        await writeFileAtomic(flags.output, report);
      } else ctx.stdout.write(report);
      process.exitCode = exitCode;
    });
};
