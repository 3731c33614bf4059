/**
 * TICKscript literals, following Kapacitor's lexer: in a single-quoted string only `\'` is an
 * escape (every other backslash is kept as written); in a double-quoted field reference only `\"`;
 * in a regex only `\/`. Durations and numbers are bare.
 */
import { CalvinError } from '../errors.js';

function unrepresentable(kind: string, value: string, hint: string): CalvinError {
  return new CalvinError('BAD_DEFINITION', `cannot write ${JSON.stringify(value)} as a TICKscript ${kind}`, hint);
}

/** `'text'`; a value ending in a backslash uses the escape-free triple quotes instead. */
export function tickString(value: string): string {
  if (value.endsWith('\\')) {
    if (value.includes("'''") || value.endsWith("'"))
      throw unrepresentable('string', value, "avoid a trailing backslash together with '''");
    return `'''${value}'''`;
  }
  return `'${value.replace(/'/g, "\\'")}'`;
}

/** Inverse of tickString for the literal forms it writes (used by tests and lint). */
export function untickString(literal: string): string {
  if (literal.startsWith("'''") && literal.endsWith("'''") && literal.length >= 6) return literal.slice(3, -3);
  return literal.slice(1, -1).replace(/\\'/g, "'");
}

/** `"field"` reference inside a lambda. */
export function tickRef(name: string): string {
  if (name === '' || name.endsWith('\\'))
    throw unrepresentable('field reference', name, 'use a plain field or tag name');
  return `"${name.replace(/"/g, '\\"')}"`;
}

/** `/pattern/`: unescaped slashes are escaped; escapes already in the pattern are kept. */
export function tickRegex(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i] as string;
    if (ch === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) throw unrepresentable('regex', pattern, 'a regex cannot end with a lone backslash');
      out += ch + next;
      i += 1;
    } else if (ch === '/') out += '\\/';
    else if (ch === '\n') throw unrepresentable('regex', pattern, 'write a newline as \\n');
    else out += ch;
  }
  return `/${out}/`;
}

/**
 * The shortest round-tripping digits of a non-negative number, without exponent: Kapacitor's lexer
 * has no exponent notation, and toFixed() itself falls back to it from 1e21 on.
 */
function positional(magnitude: number): string {
  const text = magnitude.toString();
  const match = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, whole = '', fraction = '', exponent = '0'] = match;
  const digits = whole + fraction;
  const point = whole.length + Number(exponent);
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * A float literal (`90.0`, `0.5`). Kapacitor refuses arithmetic between ints and floats and
 * InfluxDB fields are mostly floats, so every number calvin writes is a float.
 */
export function tickFloat(value: number): string {
  if (!Number.isFinite(value))
    throw new CalvinError('BAD_DEFINITION', `threshold ${String(value)} is not a finite number`, 'use a finite number');
  let text = positional(Math.abs(value));
  if (!text.includes('.')) text += '.0';
  if (text.endsWith('.')) text += '0';
  return value < 0 ? `-${text}` : text;
}

const TICK_DURATION = /^(\d+)(u|µ|us|µs|ms|s|m|h|d|w)$/;
const UNIT_MS: Record<string, number> = {
  u: 1e-3,
  µ: 1e-3,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** A duration literal as Kapacitor's lexer reads one: digits and a single unit (`90s`, `5m`, `1h`). */
export function tickDuration(value: string, where: string): string {
  if (!TICK_DURATION.test(value)) {
    throw new CalvinError(
      'BAD_DEFINITION',
      `${where}: "${value}" is not a TICKscript duration`,
      'use one number and one unit, e.g. 90s, 5m, 1h',
    );
  }
  return value;
}

/** Milliseconds of a TICKscript duration literal (validated as by tickDuration). */
export function tickDurationMs(value: string, where: string): number {
  const match = TICK_DURATION.exec(tickDuration(value, where)) as RegExpExecArray;
  return Number(match[1]) * (UNIT_MS[match[2] as string] ?? 0);
}
