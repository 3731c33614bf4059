/** Command-line time options → the window of a diagnosis. Pure (the clock is passed in). */
import { CalvinError } from '../errors.js';

const UNITS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** `90s`, `15m`, `1h`, `2d`, `1h30m` → milliseconds. */
export function parseDuration(text: string, flag: string): number {
  const trimmed = text.trim();
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|min|m|h|d|w)/g)];
  const consumed = parts.map((p) => p[0]).join('');
  if (parts.length === 0 || consumed !== trimmed) {
    throw new CalvinError(
      'BAD_ARGUMENT',
      `${flag} ${JSON.stringify(text)} is not a duration`,
      'use e.g. 15m, 1h, 6h or 1h30m',
    );
  }
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * (UNITS[p[2] as string] as number), 0);
  if (!(ms > 0))
    throw new CalvinError(
      'BAD_ARGUMENT',
      `${flag} ${JSON.stringify(text)} must be longer than zero`,
      'use e.g. 15m or 1h',
    );
  return ms;
}

/** RFC 3339 / ISO 8601 (`2026-11-23T10:00:00Z`), or `now`, or `now-2h`. */
export function parseTime(text: string, flag: string, now: number): Date {
  const relative = /^now(?:-(.+))?$/.exec(text.trim());
  if (relative) return new Date(now - (relative[1] ? parseDuration(relative[1], flag) : 0));
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(Date.parse(text))) {
    throw new CalvinError(
      'BAD_ARGUMENT',
      `${flag} ${JSON.stringify(text)} is not a time`,
      'use RFC 3339 like 2026-11-23T10:00:00Z, or now-2h',
    );
  }
  return new Date(Date.parse(text));
}

export interface TimeFlags {
  since?: string;
  from?: string;
  to?: string;
}

const MAX_WINDOW_MS = 31 * 86_400_000;

/** `--since 1h` (optionally with `--to`), or `--from T [--to T]`; default the last hour. */
export function windowFromFlags(flags: TimeFlags, now: number): { to: Date; lengthMs: number } {
  if (flags.since !== undefined && flags.from !== undefined) {
    throw new CalvinError(
      'BAD_ARGUMENT',
      '--since and --from cannot be used together',
      'use --since 1h [--to T], or --from T [--to T]',
    );
  }
  const to = flags.to !== undefined ? parseTime(flags.to, '--to', now) : new Date(now);
  let lengthMs: number;
  if (flags.from !== undefined) {
    const from = parseTime(flags.from, '--from', now);
    lengthMs = to.getTime() - from.getTime();
    if (lengthMs <= 0)
      throw new CalvinError(
        'BAD_ARGUMENT',
        `--from ${flags.from} is not before --to ${flags.to ?? 'now'}`,
        'give a --from earlier than --to',
      );
  } else {
    lengthMs = parseDuration(flags.since ?? '1h', '--since');
  }
  if (lengthMs > MAX_WINDOW_MS)
    throw new CalvinError(
      'BAD_ARGUMENT',
      'the window is longer than 31 days',
      'diagnose a shorter window, e.g. --since 6h',
    );
  if (lengthMs < 60_000)
    throw new CalvinError('BAD_ARGUMENT', 'the window is shorter than one minute', 'use at least --since 1m');
  return { to, lengthMs };
}
