/** A backtest summary as text (terminal), JSON, or Markdown for a pull-request comment. */
import { escapeMarkdown } from '../report/escape.js';
import { formatDurationMs } from '../simulate/duration.js';
import { LEVELS, type BacktestSummary } from './summarize.js';

export type BacktestFormat = 'text' | 'json' | 'markdown';

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
const tagText = (tags: Record<string, string>): string =>
  Object.entries(tags)
    .map(([k, v]) => `${k}=${v}`)
    .join(',') || '(all)';
const levelTimes = (s: Pick<BacktestSummary, 'timeIn'>): string =>
  LEVELS.filter((l) => s.timeIn[l] > 0)
    .map((l) => `${l} ${formatDurationMs(s.timeIn[l])}`)
    .join(', ');

function text(s: BacktestSummary, safe: (t: string) => string): string {
  const lines = [
    `${safe(s.alert)} on "${safe(s.environment)}" from ${iso(s.from)} to ${iso(s.to)}: fired ${s.fired} ` +
      `time(s), flapped ${s.flapped}; ${s.groups.length} group(s)`,
  ];
  for (const g of s.groups.filter((x) => x.fired > 0))
    lines.push(`  ${safe(tagText(g.tags))}: fired ${g.fired}, flapped ${g.flapped}; ${levelTimes(g)}`);
  return `${lines.join('\n')}\n`;
}

function markdown(s: BacktestSummary): string {
  const e = escapeMarkdown;
  const lines = [
    `**${e(s.alert)}** would have fired **${s.fired}** time(s) on \`${e(s.environment)}\` between ` +
      `${iso(s.from)} and ${iso(s.to)} (flapped ${s.flapped}).`,
    '',
    '| group | fired | flapped | OK | INFO | WARNING | CRITICAL |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const g of s.groups)
    lines.push(
      `| ${e(tagText(g.tags))} | ${g.fired} | ${g.flapped} | ` +
        `${LEVELS.map((l) => formatDurationMs(g.timeIn[l])).join(' | ')} |`,
    );
  return `${lines.join('\n')}\n`;
}

export function formatBacktest(summary: BacktestSummary, format: BacktestFormat, safe: (t: string) => string): string {
  if (format === 'json') return `${JSON.stringify(summary, null, 2)}\n`;
  if (format === 'markdown') return markdown(summary);
  return text(summary, safe);
}
