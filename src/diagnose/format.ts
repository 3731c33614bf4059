/** Small, deterministic formatting helpers shared by analysis sentences (not by reports). */
import type { MetricSignal } from '../define/types.js';

/** `12,345`: grouped by hand, as `toLocaleString('en-US')` would, without loading ICU's number formats. */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatValue(value: number, unit: MetricSignal['unit']): string {
  switch (unit) {
    case 'percent':
      return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10}%`;
    case 'bytes':
      return formatBytes(value);
    case 'seconds':
      return formatSeconds(value);
    case 'ms':
      return `${Math.round(value)} ms`;
    case 'ops':
      return `${compact(value)}/s`;
    default:
      return compact(value);
  }
}

function compact(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${Math.round(value / 1e8) / 10}G`;
  if (abs >= 1e6) return `${Math.round(value / 1e5) / 10}M`;
  if (abs >= 1e4) return `${Math.round(value / 100) / 10}k`;
  if (abs >= 100) return String(Math.round(value));
  return String(Math.round(value * 100) / 100);
}

function formatBytes(value: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = value;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${Math.round(v * 10) / 10} ${units[i]}`;
}

function formatSeconds(value: number): string {
  if (value >= 86_400) return `${Math.round(value / 8_640) / 10}d`;
  if (value >= 3_600) return `${Math.round(value / 360) / 10}h`;
  if (value >= 60) return `${Math.round(value / 6) / 10}min`;
  return `${Math.round(value)}s`;
}

/** `10:42` (UTC), or `Nov 22 10:42` when not on the day of `reference`. */
export function formatClock(iso: string, reference: string): string {
  const d = new Date(iso);
  const hhmm = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  if (iso.slice(0, 10) === reference.slice(0, 10)) return hhmm;
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${hhmm}`;
}
