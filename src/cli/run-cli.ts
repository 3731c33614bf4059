import { Command, CommanderError } from 'commander';
import { createContext } from './context.js';
import { commands } from './commands/index.js';
import { isCalvinError } from '../errors.js';
import { redact } from '../redact.js';
import { escapeControlLine, guardStream } from '../terminal.js';

/**
 * The calvin command line: parses `argv`, runs the command, and leaves the exit code in
 * process.exitCode. main.ts runs it from the built modules, launch.ts from the code-cached bundle.
 */
export async function runCli(argv: readonly string[]): Promise<void> {
  // Nothing from outside reaches the terminal raw: every write to stdout and stderr is made safe here.
  guardStream(process.stdout);
  guardStream(process.stderr);
  // `calvin ... | head` closes stdout early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  // --debug shows every backend request (redacted), as the help says.
  const debug = argv.includes('--debug');
  if (debug) (await import('../backends/trace.js')).traceRequests((line) => process.stderr.write(line));

  const program = cliProgram();
  const ctx = createContext(program);
  for (const register of commands) register(program, ctx);
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    fail(error, debug);
  }
}

function cliProgram(): Command {
  return new Command('calvin')
    .description('Observability and diagnostics for Calvinverse-style build infrastructure')
    .version('0.1.0')
    .option('--debug', 'print stack traces and backend requests (secrets redacted)')
    .option('--no-color', 'disable colours (also NO_COLOR=1)')
    .option('--root <dir>', 'project root holding dashboards/, alerts/, log-filters/, index-templates/, services/')
    .showSuggestionAfterError(true)
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  $ calvin build --out out/                 render every definition for every target
  $ calvin lint --format sarif > lint.sarif lint definitions and raw artifacts for CI
  $ calvin test                             run log-filter and alert test cases
  $ calvin deploy --env test --plan         show what a deploy to "test" would change
  $ calvin diagnose nexus --since 1h        what is wrong with Nexus, where, since when

Environment: CONSUL_HTTP_ADDR, CONSUL_HTTP_TOKEN, CONSUL_HTTP_SSL, NO_COLOR, GRAFANA_URL/GRAFANA_TOKEN, ...`,
    );
}

function fail(error: unknown, debug: boolean): void {
  if (error instanceof CommanderError) {
    // Help and version exit 0; usage errors were already printed by commander.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
    return;
  }
  if (isCalvinError(error)) {
    process.stderr.write(`calvin: ${escapeControlLine(redact(error.oneLine()))}\n`);
    if (debug && error.stack) process.stderr.write(`${redact(error.stack)}\n`);
    process.exitCode = error.exitCode;
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `calvin: internal error: ${redact(message.split('\n')[0] ?? '')} (run with --debug for details)\n`,
  );
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${redact(error.stack)}\n`);
  process.exitCode = 2;
}
