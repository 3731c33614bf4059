/** What every report format renders: the diagnosis plus, optionally, the series of its key signals. */
import type { ChartSeries } from '../diagnose/charts.js';
import type { Diagnosis } from '../diagnose/types.js';

export interface ReportInput {
  diagnosis: Diagnosis;
  charts?: ChartSeries[];
  /** IANA time zone of every time in the report (default UTC). */
  timeZone?: string;
  /**
   * Runbook URL → link to use instead, e.g. the local runbook file beside a report written to a file
   * (see `localRunbookLinks`).
   */
  runbookLinks?: Record<string, string>;
}

export type ReportFormat = 'text' | 'markdown' | 'html' | 'json';

export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'markdown', 'html', 'json'];

/** `10:42`, or `2026-11-22 10:42` when not on the day the window ends; in `timeZone` (default UTC). */
export function clock(iso: string, reference: string, timeZone = 'UTC'): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const [day, time] = dayAndTime(t, timeZone);
  const [refDay] = dayAndTime(Date.parse(reference), timeZone);
  return day === refDay ? time : `${day} ${time}`;
}

function dayAndTime(t: number, timeZone: string): [string, string] {
  if (Number.isNaN(t)) return ['', ''];
  if (timeZone === 'UTC') {
    const text = new Date(t).toISOString();
    return [text.slice(0, 10), text.slice(11, 16)];
  }
  // sv-SE writes `2026-11-22 10:42`, the ISO order.
  const text = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(t));
  return [text.slice(0, 10), text.slice(11, 16)];
}

/** Status as a word with a symbol, so that colour is never the only signal. */
export function statusMark(status: string): string {
  if (status === 'critical') return '✖';
  if (status === 'degraded' || status === 'warning') return '▲';
  if (status === 'healthy' || status === 'passing') return '✔';
  return '?';
}

/** Where a runbook link should point: the replacement the input gives (a local file), else the URL. */
export function runbookHref(input: ReportInput, url: string): string {
  return input.runbookLinks?.[url] ?? url;
}

export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Only http(s) URLs and relative paths (local runbook files) become links; anything else is shown as text. */
export function safeUrl(url: string): string | null {
  if (/^[\w.-]+(\/[\w.-]+)*\.md$/.test(url)) return encodeURI(url);
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export function formatChartValue(value: number, unit: string): string {
  if (unit === 'percent') return `${Math.round(value)}%`;
  if (Math.abs(value) >= 1e6) return `${Math.round(value / 1e5) / 10}M`;
  if (Math.abs(value) >= 1e4) return `${Math.round(value / 100) / 10}k`;
  return String(Math.round(value * 10) / 10);
}
