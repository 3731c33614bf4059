/** Time ticks of a chart, labelled in the report's time zone (an IANA name, default UTC). Pure. */
import { scaleUtc } from 'd3-scale';
import { CalvinError } from '../../errors.js';

export interface TimeAxis {
  from: number;
  to: number;
  ticks: { at: number; label: string }[];
  /** IANA name the labels are in. */
  timeZone: string;
  /** Short zone name shown beside the labels, e.g. `UTC` or `CET`. */
  zone: string;
}

const TICKS = 4;

/** Intl formatters are slow to build and a report asks for the same few many times. */
const clocks = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  const known = clocks.get(timeZone);
  if (known) return known;
  try {
    const format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clocks.set(timeZone, format);
    return format;
  } catch {
    throw new CalvinError(
      'BAD_ARGUMENT',
      `unknown time zone ${JSON.stringify(timeZone)}`,
      'use an IANA time zone name such as UTC or Europe/Amsterdam',
    );
  }
}

/** A formatter of `HH:MM` in `timeZone`; throws a CalvinError for an unknown zone. */
export function clockIn(timeZone: string): (ms: number) => string {
  const format = formatterOf(timeZone);
  return (ms) => format.format(new Date(ms));
}

/** The zone's short name at a moment (`UTC`, `GMT+1`); a CalvinError for an unknown zone. */
export function zoneName(timeZone: string, at: number): string {
  formatterOf(timeZone);
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(new Date(at));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

export function timeAxis(from: number, to: number, timeZone: string): TimeAxis {
  const clock = clockIn(timeZone);
  const ticks = scaleUtc()
    .domain([new Date(from), new Date(to)])
    .ticks(TICKS)
    .map((d) => ({ at: d.getTime(), label: clock(d.getTime()) }));
  return { from, to, ticks, timeZone, zone: zoneName(timeZone, to) };
}
