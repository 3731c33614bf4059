/**
 * `npm run bench:backtest`: one shipped alert (artefacts-disk-full: max over 5m every 1m, 5m `for`, warn 80 crit 90
 * with resets) replayed over 7 days of 10 s data for 50 hosts (3,024,000 points), in
 * process, as `calvin backtest` does after reading InfluxDB. Goal: ≤ 2 s. Figures only; no assertion.
 */
import { performance } from 'node:perf_hooks';
import { backtestSeries } from '../src/backtest/index.js';
import { loadCatalog } from '../src/load/index.js';
import type { SeriesInput } from '../src/simulate/index.js';

const HOSTS = 50;
const DAYS = 7;
const STEP_MS = 10_000;
const ALERT = 'artefacts-disk-full';

const catalog = await loadCatalog('.');
const alert = catalog.alerts.find((a) => a.id === ALERT);
if (!alert) throw new Error(`no alert ${ALERT}`);

const to = Date.UTC(2026, 11, 6);
const from = to - DAYS * 86_400_000;
const series: SeriesInput[] = [];
let seed = 42;
const random = (): number => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
for (let h = 0; h < HOSTS; h++) {
  const points = [];
  let v = 60 + random() * 20;
  for (let t = from; t < to; t += STEP_MS) {
    // A slow random walk with occasional spikes: some hosts cross 85 and 95, some flap.
    v = Math.min(100, Math.max(40, v + (random() - 0.5) * 1.5 + (random() < 0.0005 ? 25 : 0)));
    points.push({ t, v });
  }
  const host = `nexus-${String(h).padStart(2, '0')}`;
  series.push({ tags: { host, path: '/srv/nexus', category: 'artefacts-storage', environment: 'bench' }, points });
}
const total = series.reduce((n, s) => n + s.points.length, 0);

const runs: number[] = [];
let fired = 0;
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const summary = backtestSeries(alert, 'bench', series, { from, to });
  runs.push(performance.now() - t0);
  fired = summary.fired;
}
const best = Math.min(...runs);
process.stdout.write(
  `backtest ${ALERT}: ${HOSTS} hosts × ${DAYS} days of ${STEP_MS / 1000} s data = ${total.toLocaleString('en')} points\n` +
    `  runs: ${runs.map((r) => `${(r / 1000).toFixed(2)} s`).join(', ')}; best ${(best / 1000).toFixed(2)} s ` +
    `(goal ≤ 2 s: ${(best / 2000).toFixed(2)}× the budget); would have fired ${fired} time(s)\n`,
);
