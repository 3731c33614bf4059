/**
 * What Logstash's grok does with a captured value: `:int`/`:float` coercion (Ruby's to_i/to_f)
 * and how a second value for the same field is merged (the grok filter's `handle`).
 */
import type { GrokType } from './compile.js';

export type GrokValue = string | number;

const RUBY_INT = /^\s*[+-]?\d+(?:_\d+)*/;
const RUBY_FLOAT = /^\s*[+-]?(?:\d+(?:_\d+)*)?(?:\.\d+(?:_\d+)*)?(?:[eE][+-]?\d+)?/;

/** Ruby's String#to_i / #to_f: the leading number, 0 when there is none. */
export function coerce(raw: string, type: GrokType): number {
  const m = (type === 'int' ? RUBY_INT : RUBY_FLOAT).exec(raw);
  const text = m ? m[0].replace(/_/g, '').trim() : '';
  // A bare sign, or a float whose mantissa is missing ("e5"), reads as 0 in Ruby.
  const n = /\d/.test(text.replace(/[eE].*$/, '')) ? Number(type === 'int' ? parseInt(text, 10) : text) : 0;
  return Number.isFinite(n) ? n : 0;
}

/**
 * The value a field holds after one more capture, as the grok filter merges it without
 * `overwrite`: nothing yet → the value; a string → [string, value]; an array → appended; any
 * other value (a number, an object) stays as it is.
 */
export function mergeCapture(existing: unknown, value: GrokValue): unknown {
  if (existing === undefined || existing === null) return value;
  if (Array.isArray(existing)) return [...existing, value];
  if (typeof existing === 'string') return [existing, value];
  return existing;
}
