/** What every report format renders: the diagnosis plus, optionally, the series of its key signals. */
import type { ChartSeries } from '../diagnose/charts.js';
import type { Diagnosis } from '../diagnose/types.js';

export interface ReportInput {
  diagnosis: Diagnosis;
  charts?: ChartSeries[];
}

export type ReportFormat = 'text' | 'markdown' | 'html' | 'json';

export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'markdown', 'html', 'json'];

/** `10:42` UTC, or `2026-11-22 10:42` when not on the day the window ends. */
export function clock(iso: string, reference: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const text = d.toISOString();
  return text.slice(0, 10) === reference.slice(0, 10)
    ? text.slice(11, 16)
    : `${text.slice(0, 10)} ${text.slice(11, 16)}`;
}

export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Only http(s) URLs become links; anything else is shown as text. */
export function safeUrl(url: string): string | null {
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
