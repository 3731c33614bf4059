import type { RegisterCommand } from '../context.js';
import { CalvinError } from '../../errors.js';

interface LintFlags {
  live?: boolean;
  liveDays: string;
  format: string;
  maxWarnings?: string;
  output?: string;
  rule?: string[];
  maxFileSize: string;
}

/** `5MB`, `512k`, `1048576`: a size in bytes. */
function fileSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|k|kb|m|mb|g|gb)?$/i.exec(value.trim());
  if (!m)
    throw new CalvinError(
      'BAD_ARGUMENT',
      `--max-file-size must be a size, not ${JSON.stringify(value)}`,
      'for example --max-file-size 20MB',
    );
  const unit = (m[2] ?? 'b').toLowerCase()[0] as 'b' | 'k' | 'm' | 'g';
  return Math.floor(Number(m[1]) * { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[unit]);
}

const FORMATS = ['text', 'json', 'github', 'sarif', 'junit'];

function nonNegativeInt(flag: string, value: string): number {
  if (!/^\d+$/.test(value))
    throw new CalvinError(
      'BAD_ARGUMENT',
      `${flag} must be a whole number, not ${JSON.stringify(value)}`,
      `for example ${flag} 0`,
    );
  return Number(value);
}

export const registerLint: RegisterCommand = (program, ctx) => {
  program
    .command('lint')
    .description(
      'check definitions and hand-written artifacts (Grafana JSON, Logstash configs, index templates, TICKscript) for real mistakes',
    )
    .argument(
      '[paths...]',
      'files or folders (recursively: *.json, *.conf, *.ctmpl, *.tick, *.yaml, definition folders); none: the definitions under --root',
    )
    .option(
      '--live',
      'also check queried measurements, fields, tags and log fields against InfluxDB and Elasticsearch (found through Consul)',
    )
    .option('--live-days <n>', 'with --live: a measurement must have data in the last N days', '7')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'text')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this (default: warnings never fail)')
    .option('--output <file>', 'write the report to a file (atomically) instead of stdout')
    .option('--rule <id...>', 'run only these rules')
    .option('--max-file-size <size>', 'larger files are listed as not checked (exit 2), e.g. 20MB', '5MB')
    .addHelpText(
      'after',
      `
Exit codes: 0 clean, 1 findings (errors, or warnings over --max-warnings), 2 could not run (a backend
of --live, or a file not checked: binary, over --max-file-size, nested too deep; every one is listed).

Examples:
  $ calvin lint
  $ calvin lint examples/
  $ calvin lint dashboards/exported/nexus.json --format github
  $ calvin lint --format sarif --output calvin.sarif
  $ calvin lint config/ --max-warnings 0 --format junit --output lint.xml
  $ calvin lint --live --live-days 3`,
    )
    .action(async (paths: string[], flags: LintFlags) => {
      if (!FORMATS.includes(flags.format))
        throw new CalvinError(
          'BAD_ARGUMENT',
          `unknown --format ${JSON.stringify(flags.format)}`,
          `use one of ${FORMATS.join(', ')}`,
        );
      const maxWarnings = flags.maxWarnings === undefined ? -1 : nonNegativeInt('--max-warnings', flags.maxWarnings);
      const liveDays = nonNegativeInt('--live-days', flags.liveDays);
      const maxFileBytes = fileSize(flags.maxFileSize);
      const config = await ctx.config();
      const [{ lintPaths, lintExitCode, LINT_RULES, lintFormatterByName }, { redactDeep }] = await Promise.all([
        import('../../lint/index.js'),
        import('../../redact.js'),
      ]);
      let rules = LINT_RULES;
      if (flags.rule?.length) {
        const unknown = flags.rule.filter((id) => !LINT_RULES.some((r) => r.meta.id === id));
        if (unknown.length)
          throw new CalvinError(
            'BAD_ARGUMENT',
            `unknown rule ${unknown.join(', ')}`,
            'see docs/lint.md for the rule ids',
          );
        rules = LINT_RULES.filter((r) => flags.rule?.includes(r.meta.id));
      }
      if (!flags.live) rules = rules.filter((r) => !r.meta.id.startsWith('live-'));
      const live = flags.live
        ? async (project: Parameters<typeof import('../../lint/live/gather.js').gatherLiveFacts>[0]) =>
            (await import('../../lint/live/gather.js')).gatherLiveFacts(project, config, { days: liveDays })
        : undefined;
      const run = await lintPaths({ paths, root: config.root, rules, maxFileBytes, ...(live ? { live } : {}) });
      const formatter = lintFormatterByName(flags.format);
      // Redacted finding by finding before formatting: redacting the rendered JSON, SARIF or JUnit
      // could eat an escape (`\"`) and break the report it protects.
      const report = formatter(redactDeep(run.results), {
        rules: new Map(run.rules.map((r) => [r.meta.id, r.meta])),
        files: [
          ...new Set([
            ...run.project.dashboards.map((d) => d.file),
            ...run.project.logstash.map((l) => l.file),
            ...run.project.templates.map((t) => t.file),
            ...run.project.tickscripts.map((t) => t.file),
            ...run.project.manifests.map((m) => m.file),
          ]),
        ],
        color: config.color && !flags.output && Boolean(ctx.stdout.isTTY),
        version: '0.1.0',
        maxWarnings,
        skipped: redactDeep(run.skipped),
      });
      if (flags.output) {
        const { writeFileAtomic } = await import('../../fsutil/atomic-file.js');
        await writeFileAtomic(flags.output, report);
      } else ctx.stdout.write(report);
      if (ctx.interactive && flags.format !== 'text')
        ctx.stderr.write(
          `calvin lint: ${run.filesLinted} file(s), ${run.results.reduce((n, r) => n + r.messages.length, 0)} finding(s), ${run.skipped.length} not checked\n`,
        );
      process.exitCode = lintExitCode(run.results, maxWarnings, run.skipped);
    });
};
