/** Alerts of one service within one window share one diagnosis: its id is a function of both. Pure. */
import { createHash } from 'node:crypto';

export const DEFAULT_COALESCE_MS = 120_000;

export function windowStart(time: string, windowMs: number): string {
  const t = Date.parse(time);
  return new Date(Math.floor(t / windowMs) * windowMs).toISOString();
}

/** `d-` + 24 hex digits of (service, window start): the same on every replica. */
export function diagnosisId(service: string, time: string, windowMs: number): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([service, windowStart(time, windowMs)]))
    .digest('hex');
  return `d-${digest.slice(0, 24)}`;
}
