/**
 * `calvin status` as text: one line per service, worst first, its reason wrapped below it. Names
 * and reasons come from backends: cleaned for the terminal, and wrapped, never cut.
 */
import type { EnvironmentStatus } from '../diagnose/environment-analysis.js';
import type { DiagnosisStatus } from '../diagnose/types.js';
import { cleanText } from './escape.js';
import { wrap } from './text.js';

const MARK: Record<DiagnosisStatus, string> = { critical: '✗', degraded: '!', unknown: '?', healthy: '✓' };

export function renderStatusText(s: EnvironmentStatus, options: { width?: number } = {}): string {
  const width = Math.max(40, options.width ?? 100);
  const counts = (['critical', 'degraded', 'unknown', 'healthy'] as const)
    .map((status) => [status, s.services.filter((x) => x.status === status).length] as const)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status}`);
  const missing = (['influx', 'elasticsearch'] as const).filter((k) => s.sources[k] !== 'ok');
  const header = [
    `${cleanText(s.environment)}: ${s.services.length} services, ${counts.join(', ') || 'none'} ` +
      `(window ${s.window.from} → ${s.window.to})${missing.length > 0 ? `; unavailable: ${missing.join(', ')}` : ''}`,
  ].join('');
  const out = wrap(header, width, '  ');
  for (const row of s.services) {
    const n = `${row.instances} instance${row.instances === 1 ? '' : 's'}`;
    const rollout = row.rollout ? `, rollout ${row.versions.map(cleanText).join(' → ')}` : '';
    out.push(`${MARK[row.status]} ${row.status.padEnd(8)} ${cleanText(row.service)} (${n}${rollout})`);
    if (row.status !== 'healthy')
      for (const line of wrap(cleanText(row.reason), width - 13, '             '))
        out.push(`             ${line.trimStart()}`);
  }
  return `${out.join('\n')}\n`;
}
