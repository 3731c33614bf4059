/**
 * Series fixtures in promtool's compact notation: `1 2 3`, `a+bxn` (n+1 values from a, step b),
 * `a-bxn`, `axn` (a, n+1 times), `_` (no sample), `_xn` (n missing samples), `stale` (no sample).
 * Series keys: `measurement,tag=value,... field` (line-protocol escaping: `\,` `\=` `\ `).
 */

/** One value per interval; undefined where there is no sample. */
export type SeriesValues = (number | undefined)[];

export class SeriesSyntaxError extends Error {}

const NUM = '[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?';
const EXPANDING = new RegExp(`^(${NUM})(?:([-+])(${NUM}))?x(\\d+)$`);
const SINGLE = new RegExp(`^${NUM}$`);

export function parseSeriesValues(notation: string): SeriesValues {
  const out: SeriesValues = [];
  for (const token of notation.trim().split(/\s+/).filter(Boolean)) {
    if (token === '_' || token === 'stale') {
      out.push(undefined);
      continue;
    }
    const missing = /^_x(\d+)$/.exec(token);
    if (missing) {
      for (let i = 0; i < Number(missing[1]); i++) out.push(undefined);
      continue;
    }
    const m = EXPANDING.exec(token);
    if (m) {
      const start = Number(m[1]);
      const step = m[3] === undefined ? 0 : Number(m[3]) * (m[2] === '-' ? -1 : 1);
      const n = Number(m[4]);
      for (let i = 0; i <= n; i++) out.push(start + step * i);
      continue;
    }
    if (SINGLE.test(token)) {
      out.push(Number(token));
      continue;
    }
    throw new SeriesSyntaxError(`bad series value '${token}' (use numbers, a+bxn, axn, _, _xn or stale)`);
  }
  return out;
}

export interface SeriesKey {
  measurement: string;
  tags: Record<string, string>;
  field: string;
}

function splitUnescaped(text: string, sep: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\\' && i + 1 < text.length) {
      cur += text[i + 1];
      i++;
    } else if (ch === sep) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

export function parseSeriesKey(key: string): SeriesKey {
  // The field is after the last unescaped space.
  let split = -1;
  for (let i = key.length - 1; i >= 0; i--) {
    if (key[i] === ' ' && key[i - 1] !== '\\') {
      split = i;
      break;
    }
  }
  if (split <= 0) throw new SeriesSyntaxError(`series key '${key}' needs the form 'measurement,tag=value field'`);
  const field = key.slice(split + 1).trim();
  const [measurement = '', ...tagParts] = splitUnescaped(key.slice(0, split).trim(), ',');
  const tags: Record<string, string> = {};
  for (const part of tagParts) {
    const [k, ...rest] = splitUnescaped(part, '=');
    if (k === undefined || rest.length === 0) throw new SeriesSyntaxError(`bad tag '${part}' in series key '${key}'`);
    tags[k] = rest.join('=');
  }
  if (!measurement || !field) throw new SeriesSyntaxError(`series key '${key}' needs a measurement and a field`);
  return { measurement, tags, field };
}
