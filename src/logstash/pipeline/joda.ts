/**
 * The Joda-Time patterns Logstash's date filter and `%{+FORMAT}` use, translated: parsing text
 * with a pattern (plus the named formats ISO8601, UNIX, UNIX_MS) and formatting a Date.
 * Month and day names are English.
 */

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

type Token = { kind: 'field'; letter: string; count: number } | { kind: 'literal'; text: string };

export class JodaFormatError extends Error {}

/** Splits a Joda pattern into fields (`yyyy`, `MMM`) and literals (`'T'`, `-`, spaces). */
export function tokenizeJoda(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === -1) throw new JodaFormatError(`unterminated quote in date pattern '${pattern}'`);
      tokens.push({ kind: 'literal', text: end === i + 1 ? "'" : pattern.slice(i + 1, end) });
      i = end + 1;
    } else if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (pattern[j] === ch) j++;
      tokens.push({ kind: 'field', letter: ch, count: j - i });
      i = j;
    } else {
      tokens.push({ kind: 'literal', text: ch });
      i++;
    }
  }
  return tokens;
}

interface Parts {
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  hour12?: number;
  pm?: boolean;
  minute?: number;
  second?: number;
  millis?: number;
  /** Offset in minutes east of UTC. */
  offset?: number;
  zone?: string;
}

type Setter = (parts: Parts, text: string) => void;

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function fieldRegex(letter: string, count: number): { re: string; set: Setter } {
  const num = (min: number, max: number): string => `(\\d{${min},${max}})`;
  switch (letter) {
    case 'y':
    case 'Y':
    case 'x':
      if (count === 2) return { re: num(2, 2), set: (p, t) => (p.year = 2000 + Number(t)) };
      return { re: '([+-]?\\d{1,9})', set: (p, t) => (p.year = Number(t)) };
    case 'M':
      if (count >= 3) return { re: '([A-Za-z]+)', set: (p, t) => (p.month = monthFromName(t)) };
      return { re: num(1, 2), set: (p, t) => (p.month = Number(t)) };
    case 'd':
      return { re: num(1, 2), set: (p, t) => (p.day = Number(t)) };
    case 'H':
    case 'k':
      return { re: num(1, 2), set: (p, t) => (p.hour = Number(t) % 24) };
    case 'h':
    case 'K':
      return { re: num(1, 2), set: (p, t) => (p.hour12 = Number(t) % 12) };
    case 'm':
      return { re: num(1, 2), set: (p, t) => (p.minute = Number(t)) };
    case 's':
      return { re: num(1, 2), set: (p, t) => (p.second = Number(t)) };
    case 'S':
      return { re: `(\\d{1,${Math.max(count, 3)}})`, set: (p, t) => (p.millis = Math.round(Number(`0.${t}`) * 1000)) };
    case 'a':
      return { re: '([AaPp][Mm])', set: (p, t) => (p.pm = t.toLowerCase() === 'pm') };
    case 'E':
      return { re: '([A-Za-z]+)', set: (_p, t) => void dayFromName(t) };
    case 'Z':
      if (count >= 3) return { re: '([A-Za-z_]+(?:/[A-Za-z_+-]+)*)', set: (p, t) => (p.zone = t) };
      return { re: '(Z|[+-]\\d{2}:?\\d{2})', set: (p, t) => (p.offset = offsetFromText(t)) };
    case 'z':
      return { re: '(UTC|GMT|Z)', set: (p) => (p.offset = 0) };
    default:
      throw new JodaFormatError(`date pattern letter '${letter}' is not supported`);
  }
}

function monthFromName(name: string): number {
  const n = name.toLowerCase();
  const i = MONTHS.findIndex((m) => m === n || (n.length >= 3 && m.startsWith(n)));
  if (i === -1) throw new JodaFormatError(`unknown month '${name}'`);
  return i + 1;
}

function dayFromName(name: string): number {
  const n = name.toLowerCase();
  const i = DAYS.findIndex((d) => d === n || (n.length >= 3 && d.startsWith(n)));
  if (i === -1) throw new JodaFormatError(`unknown day '${name}'`);
  return i;
}

function offsetFromText(t: string): number {
  if (t === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(t);
  if (!m) throw new JodaFormatError(`bad offset '${t}'`);
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** Offset (minutes east of UTC) of an IANA zone at an instant. */
export function zoneOffset(zone: string, instant: number): number {
  const dtf = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const parts: Record<string, number> = {};
  for (const p of dtf.formatToParts(new Date(instant))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60000);
}

/** Throws RangeError for an unknown zone. */
export function checkZone(zone: string): void {
  new Intl.DateTimeFormat('en-US', { timeZone: zone });
}

/** Local wall-clock fields in `zone` → instant. */
function instantInZone(localMs: number, zone: string): number {
  let guess = localMs - zoneOffset(zone, localMs) * 60000;
  const second = localMs - zoneOffset(zone, guess) * 60000;
  if (second !== guess) guess = second;
  return guess;
}

export interface DateParseOptions {
  /** IANA zone for text without an offset (default UTC). */
  timezone?: string;
  /** Clock for formats without a year (syslog's `MMM dd HH:mm:ss`). */
  now: Date;
}

export type DateParser = (text: string) => Date | undefined;

/** A parser for one date-filter format: ISO8601, UNIX, UNIX_MS, TAI64N or a Joda pattern. */
export function compileDateFormat(format: string, options: DateParseOptions): DateParser {
  if (format === 'ISO8601') return (t) => parseIso8601(t, options.timezone);
  if (format === 'UNIX')
    return (t) => (/^-?\d+(\.\d+)?$/.test(t.trim()) ? new Date(Math.round(Number(t) * 1000)) : undefined);
  if (format === 'UNIX_MS') return (t) => (/^-?\d+$/.test(t.trim()) ? new Date(Number(t)) : undefined);
  if (format === 'TAI64N') throw new JodaFormatError('date format TAI64N is not supported');
  const tokens = tokenizeJoda(format);
  const setters: Setter[] = [];
  let re = '^';
  for (const tok of tokens) {
    if (tok.kind === 'literal') re += escapeRe(tok.text);
    else {
      const f = fieldRegex(tok.letter, tok.count);
      re += f.re;
      setters.push(f.set);
    }
  }
  const regex = new RegExp(`${re}$`);
  return (text) => {
    const m = regex.exec(text);
    if (!m) return undefined;
    const parts: Parts = {};
    try {
      setters.forEach((set, i) => set(parts, m[i + 1] ?? ''));
    } catch {
      return undefined;
    }
    return assemble(parts, options);
  };
}

function assemble(p: Parts, options: DateParseOptions): Date | undefined {
  let hour = p.hour ?? 0;
  if (p.hour12 !== undefined) hour = p.hour12 + (p.pm ? 12 : 0);
  const month = p.month ?? 1;
  const day = p.day ?? 1;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || (p.minute ?? 0) > 59 || (p.second ?? 0) > 60)
    return undefined;
  const build = (year: number): number | undefined => {
    const local = Date.UTC(year, month - 1, day, hour, p.minute ?? 0, p.second ?? 0, p.millis ?? 0);
    if (new Date(local).getUTCDate() !== day) return undefined;
    if (p.offset !== undefined) return local - p.offset * 60000;
    const zone = p.zone ?? options.timezone;
    return zone ? instantInZone(local, zone) : local;
  };
  let year = p.year;
  let ms: number | undefined;
  if (year === undefined) {
    // No year in the text: this year, or last year when that would put the event in the future.
    year = options.now.getUTCFullYear();
    ms = build(year);
    if (ms !== undefined && ms > options.now.getTime() + 86_400_000) ms = build(year - 1);
  } else ms = build(year);
  return ms === undefined ? undefined : new Date(ms);
}

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

export function parseIso8601(text: string, timezone?: string): Date | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const parts: Parts = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    millis: m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0,
  };
  if (m[8]) parts.offset = offsetFromText(m[8].length === 3 ? `${m[8]}00` : m[8]);
  const opts: DateParseOptions = { now: new Date(0) };
  if (timezone) opts.timezone = timezone;
  return assemble(parts, opts);
}

/** Formats a Date (UTC) with a Joda pattern, e.g. `YYYY.MM.dd` → `2026.11.23`. */
export function formatJoda(date: Date, pattern: string): string {
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  let out = '';
  for (const tok of tokenizeJoda(pattern)) {
    if (tok.kind === 'literal') {
      out += tok.text;
      continue;
    }
    const c = tok.count;
    switch (tok.letter) {
      case 'y':
      case 'Y':
      case 'x':
        out += c === 2 ? pad(date.getUTCFullYear() % 100, 2) : pad(date.getUTCFullYear(), c);
        break;
      case 'M':
        if (c >= 4) out += cap(MONTHS[date.getUTCMonth()] ?? '');
        else if (c === 3) out += cap(MONTHS[date.getUTCMonth()] ?? '').slice(0, 3);
        else out += pad(date.getUTCMonth() + 1, c);
        break;
      case 'd':
        out += pad(date.getUTCDate(), c);
        break;
      case 'H':
        out += pad(date.getUTCHours(), c);
        break;
      case 'h':
        out += pad(date.getUTCHours() % 12 || 12, c);
        break;
      case 'm':
        out += pad(date.getUTCMinutes(), c);
        break;
      case 's':
        out += pad(date.getUTCSeconds(), c);
        break;
      case 'S':
        out += pad(date.getUTCMilliseconds(), 3).slice(0, c).padEnd(c, '0');
        break;
      case 'a':
        out += date.getUTCHours() < 12 ? 'AM' : 'PM';
        break;
      case 'E':
        out += c >= 4 ? cap(DAYS[date.getUTCDay()] ?? '') : cap(DAYS[date.getUTCDay()] ?? '').slice(0, 3);
        break;
      case 'Z':
        out += c === 1 ? '+0000' : c === 2 ? '+00:00' : 'UTC';
        break;
      case 'z':
        out += 'UTC';
        break;
      default:
        out += tok.letter.repeat(c);
    }
  }
  return out;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
