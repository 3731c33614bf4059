/** The flags `calvin diagnose` and `calvin status` share: the window, the deadline and the environment. */
import type { Config } from '../config.js';
import type { CliContext } from './context.js';

export interface WindowFlags {
  env?: string;
  since?: string;
  from?: string;
  to?: string;
  deadline?: string;
}

export async function windowDeadlineConfig(
  flags: WindowFlags,
  ctx: Pick<CliContext, 'config'>,
): Promise<{ window: { to: Date; lengthMs: number }; deadlineMs: number; config: Config }> {
  const [{ windowFromFlags, parseDuration }, { DEFAULT_DEADLINE_MS }] = await Promise.all([
    import('../diagnose/options.js'),
    import('../diagnose/run.js'),
  ]);
  const window = windowFromFlags(flags, Date.now());
  const deadlineMs = flags.deadline === undefined ? DEFAULT_DEADLINE_MS : parseDuration(flags.deadline, '--deadline');
  const config = await ctx.config(flags.env);
  return { window, deadlineMs, config };
}
