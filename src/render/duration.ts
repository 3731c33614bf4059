import { CalvinError } from '../errors.js';

/** A Kapacitor/InfluxQL duration literal such as `90s`, `5m`, `1h30m`, `500ms`, `2d`, `1w`. */
const DURATION = /^(?:\d+(?:ns|us|u|µs|µ|ms|s|m|h|d|w))+$/;
const PART = /(\d+)(ns|us|u|µs|µ|ms|s|m|h|d|w)/g;
const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  u: 1e-3,
  µs: 1e-3,
  µ: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

export function isDuration(text: string): boolean {
  return DURATION.test(text);
}

/** Milliseconds of a duration literal; throws a CalvinError naming `where` when malformed. */
export function durationMs(text: string, where: string): number {
  if (!isDuration(text)) {
    throw new CalvinError('BAD_DEFINITION', `${where}: "${text}" is not a duration`, 'use a literal such as 30s, 5m, 1h or 1h30m');
  }
  let total = 0;
  for (const match of text.matchAll(PART)) total += Number(match[1]) * (UNIT_MS[match[2] ?? 's'] ?? 0);
  return total;
}
