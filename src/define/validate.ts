/**
 * One validation of the model, used by build, lint and test alike (through the loader) and by the
 * builders' setters: no command accepts a definition another rejects. Pure; returns the first
 * problem as one sentence, or undefined.
 */
import type { AlertCondition, AlertDef, Definition, InfluxFunction } from './types.js';

const DURATION = /^([0-9]+)(s|m|h|d|w)$/;
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const DIRECTIONS = ['above', 'below'];
const SEVERITIES = ['page', 'ticket', 'info'];
/** Every InfluxQL function the model knows (InfluxFunction), in one place. */
export const INFLUX_FUNCTIONS = [
  'mean',
  'median',
  'max',
  'min',
  'sum',
  'count',
  'last',
  'first',
  'spread',
  'stddev',
  'percentile',
  'derivative',
  'non_negative_derivative',
  'difference',
  'non_negative_difference',
  'moving_average',
  'distinct',
] as const satisfies readonly InfluxFunction[];

const shown = (value: unknown): string =>
  typeof value === 'number'
    ? String(value)
    : value === undefined
      ? 'nothing'
      : (JSON.stringify(value) ?? String(value));

/** Milliseconds of a positive duration like `5m`, or undefined when it is not one. */
function positiveMs(value: unknown): number | undefined {
  const m = typeof value === 'string' ? DURATION.exec(value) : null;
  const ms = m ? Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS] : 0;
  return ms > 0 ? ms : undefined;
}

function oneOf(what: string, value: unknown, allowed: readonly string[]): string | undefined {
  return typeof value === 'string' && allowed.includes(value)
    ? undefined
    : `${what} must be ${allowed.map((a) => `"${a}"`).join(' or ')}, got ${shown(value)}`;
}

function finite(what: string, value: unknown, optional = false): string | undefined {
  if (optional && value === undefined) return undefined;
  return typeof value === 'number' && Number.isFinite(value)
    ? undefined
    : `${what} must be a number, got ${shown(value)}`;
}

function positiveDuration(what: string, value: unknown): string | undefined {
  return positiveMs(value) === undefined
    ? `${what} must be a duration above zero (e.g. 30s, 5m), got ${shown(value)}`
    : undefined;
}

/** Window length and evaluation period of an alert: both positive, every ≤ window. */
export function windowProblem(id: string, period: unknown, every: unknown): string | undefined {
  const problem = positiveDuration(`alert "${id}" window`, period) ?? positiveDuration(`alert "${id}" every`, every);
  if (problem) return problem;
  return (positiveMs(every) as number) > (positiveMs(period) as number)
    ? `alert "${id}" evaluates every ${String(every)}, longer than its ${String(period)} window`
    : undefined;
}

/** The condition's kind, direction, levels and durations. */
export function conditionProblem(id: string, condition: AlertCondition): string | undefined {
  const at = `alert "${id}"`;
  const c = condition as Record<string, unknown>;
  switch (condition.type) {
    case 'threshold':
      return (
        oneOf(`${at} direction`, c.direction, DIRECTIONS) ??
        finite(`${at} crit`, c.crit) ??
        finite(`${at} warn`, c.warn, true) ??
        finite(`${at} warnReset`, c.warnReset, true) ??
        finite(`${at} critReset`, c.critReset, true)
      );
    case 'relative':
      return (
        oneOf(`${at} direction`, c.direction, DIRECTIONS) ??
        oneOf(`${at} change`, c.change, ['percent', 'absolute']) ??
        positiveDuration(`${at} shift`, c.shift) ??
        finite(`${at} crit`, c.crit) ??
        finite(`${at} warn`, c.warn, true)
      );
    case 'deadman':
      return (
        finite(`${at} deadman threshold`, c.threshold) ??
        (condition.threshold < 0
          ? `${at} deadman threshold must be 0 or more, got ${condition.threshold}`
          : undefined) ??
        positiveDuration(`${at} deadman interval`, c.interval)
      );
    default:
      return oneOf(`${at} condition type`, c.type, ['threshold', 'relative', 'deadman']);
  }
}

function alertProblem(a: AlertDef): string | undefined {
  const at = `alert "${a.id}"`;
  const q = (a.query ?? {}) as Partial<AlertDef['query']>;
  if (typeof a.condition !== 'object' || a.condition === null) return `${at} has no condition`;
  return (
    oneOf(`${at} severity`, a.severity, SEVERITIES) ??
    oneOf(`${at} aggregate`, q.fn, INFLUX_FUNCTIONS) ??
    windowProblem(a.id, q.period, q.every) ??
    finite(`${at} invert`, q.invert, true) ??
    (a.for === undefined || DURATION.test(String(a.for))
      ? undefined
      : `${at} for must be a duration, got ${shown(a.for)}`) ??
    conditionProblem(a.id, a.condition)
  );
}

/** The first problem of a definition's model, or undefined when it is valid. */
export function modelProblem(definition: Definition): string | undefined {
  return definition.kind === 'alert' ? alertProblem(definition) : undefined;
}
