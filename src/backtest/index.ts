/**
 * `calvin backtest`: an alert replayed over real history with the simulator that
 * test/integration/kapacitor-differential.test.ts proves equal to Kapacitor.
 */
import type { Config } from '../config.js';
import type { AlertDef } from '../define/types.js';
import { CalvinError } from '../errors.js';
import { simulateSeries, type SeriesInput } from '../simulate/index.js';
import { parseDurationMs } from '../simulate/duration.js';
import { summarizeBacktest, type BacktestSummary } from './summarize.js';

export { formatBacktest, type BacktestFormat } from './format.js';
export { summarizeBacktest, type BacktestSummary, type GroupSummary } from './summarize.js';

/** Pure: history in, summary out. The window starts one period early so the first windows are full. */
export function backtestSeries(
  alert: AlertDef,
  environment: string,
  series: readonly SeriesInput[],
  window: { from: number; to: number },
): BacktestSummary {
  if (alert.condition.type === 'deadman')
    throw new CalvinError(
      'UNSUPPORTED',
      `alert ${alert.id} is a deadman: Kapacitor drives it with a wall-clock ticker, so history cannot replay it`,
      'backtest threshold and relative alerts; see docs/engines.md',
    );
  return summarizeBacktest(alert, environment, simulateSeries(alert, series), window);
}

export interface BacktestOptions {
  config: Config;
  alert: AlertDef;
  environment: string;
  since: string;
  now: number;
}

export async function backtest(options: BacktestOptions): Promise<BacktestSummary> {
  const { alert, config } = options;
  const sinceMs = parseDurationMs(options.since);
  if (sinceMs === undefined || sinceMs <= 0)
    throw new CalvinError('BAD_ARGUMENT', `--since ${options.since} is not a duration`, 'use e.g. --since 7d or 36h');
  const periodMs = parseDurationMs(alert.query.period) ?? 0;
  const window = { from: options.now - sinceMs, to: options.now };
  const [{ discoverEndpoints }, { readHistory }] = await Promise.all([
    import('../backends/discover.js'),
    import('./history.js'),
  ]);
  const endpoints = await discoverEndpoints(config, ['influx']);
  if (!endpoints.influx)
    throw new CalvinError(
      'BACKEND_UNREACHABLE',
      `no InfluxDB for environment "${options.environment}"`,
      'set INFLUX_URL or register service "metrics" tagged "http" in Consul',
    );
  const series = await readHistory(endpoints.influx, alert, 'autogen', { from: window.from - periodMs, to: window.to });
  return backtestSeries(alert, options.environment, series, window);
}
