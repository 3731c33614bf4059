/**
 * The simulator behind `calvin test` and `calvin backtest` against the real Kapacitor of the stack:
 * every shipped alert test case, then random alerts over random series (fast-check), through both.
 * The state-change timelines (level and time of every change, per group) must be identical.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AlertDef, Catalog, InfluxFunction } from '../../src/define/types.js';
import { simulateSeries, testCaseSeries, type SeriesInput } from '../../src/simulate/index.js';
import { KAPACITOR_URL, replayOnKapacitor, simulatedChanges } from './kapacitor-replay.js';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');
/** A day boundary, so every window is aligned the same way in both engines. */
const ORIGIN = Date.UTC(2026, 0, 5);
const RANDOM_RUNS = Number(process.env.CALVIN_DIFFERENTIAL_RUNS ?? 40);

const LOAD = `
import { loadCatalog } from './src/load/index.ts';
const c = await loadCatalog('.');
process.stdout.write(JSON.stringify({ alerts: c.alerts, services: c.services }));
`;

let catalog: Pick<Catalog, 'alerts' | 'services'>;
beforeAll(async () => {
  const ping = await fetch(`${KAPACITOR_URL}/kapacitor/v1/ping`).catch(() => undefined);
  if (ping?.status !== 204) throw new Error(`no Kapacitor at ${KAPACITOR_URL}: run npm run stack -- up`);
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', LOAD], {
    cwd: repoRoot,
    maxBuffer: 64 * 1024 * 1024,
  });
  catalog = JSON.parse(stdout);
});

async function compare(alert: AlertDef, series: SeriesInput[]): Promise<number> {
  const simulated = simulatedChanges(simulateSeries(alert, series), ORIGIN);
  const real = await replayOnKapacitor(alert, catalog.services, series, ORIGIN);
  expect(Object.fromEntries(real.changes), real.script).toEqual(Object.fromEntries(simulated));
  return [...simulated.values()].reduce((n, c) => n + c.length, 0);
}

describe('simulator = Kapacitor 1.7.6', () => {
  it('every shipped alert test case gives the same state changes, level and time', async () => {
    let cases = 0;
    let changes = 0;
    for (const alert of catalog.alerts) {
      if (alert.condition.type === 'deadman') continue; // wall-clock driven: see kapacitor-deadman.test.ts
      for (const testCase of alert.tests) {
        changes += await compare(alert, testCaseSeries(alert, testCase, ORIGIN));
        cases += 1;
      }
    }
    process.stderr.write(`differential: ${cases} shipped alert cases, ${changes} state changes, all equal\n`);
    expect(cases).toBeGreaterThan(15);
    expect(changes).toBeGreaterThan(cases);
  }, 600_000);

  it('random alerts over random series give the same state changes', async () => {
    const base = catalog.alerts.find((a) => a.condition.type === 'threshold');
    if (!base) throw new Error('no threshold alert shipped');
    const fns: InfluxFunction[] = ['mean', 'max', 'min', 'sum', 'count', 'first', 'last', 'median', 'spread'];
    fns.push('derivative', 'non_negative_derivative', 'difference', 'non_negative_difference');
    const value = fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined, freq: 6 });
    const arbitrary = fc.record({
      fn: fc.constantFrom(...fns),
      period: fc.constantFrom('1m', '2m', '3m', '5m'),
      every: fc.constantFrom('30s', '1m', '2m'),
      interval: fc.constantFrom(10_000, 20_000, 30_000, 60_000),
      forMs: fc.constantFrom(0, 60_000, 120_000, 300_000),
      above: fc.boolean(),
      // Levels inside the values' range, so that most runs change state.
      levels: fc.tuple(fc.integer({ min: -2, max: 80 }), fc.integer({ min: -2, max: 80 })),
      resetBy: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
      hosts: fc.array(fc.array(value, { minLength: 5, maxLength: 60 }), { minLength: 1, maxLength: 3 }),
    });
    let runs = 0;
    let changes = 0;
    await fc.assert(
      fc.asyncProperty(arbitrary, async (r) => {
        const [warn, crit] = r.above ? [...r.levels].sort((a, b) => a - b) : [...r.levels].sort((a, b) => b - a);
        const reset =
          r.resetBy === undefined ? undefined : r.above ? (warn as number) - r.resetBy : (warn as number) + r.resetBy;
        const alert: AlertDef = {
          ...base,
          query: { ...base.query, fn: r.fn, period: r.period, every: r.every, where: [], groupBy: ['host'] },
          condition: {
            type: 'threshold',
            direction: r.above ? 'above' : 'below',
            warn: warn as number,
            crit: crit as number,
            ...(reset === undefined ? {} : { warnReset: reset }),
          },
          ...(r.forMs > 0 ? { for: `${r.forMs / 1000}s` } : { for: undefined }),
        };
        const series: SeriesInput[] = r.hosts.map((values, h) => ({
          tags: { host: `host-${h}`, environment: 'test' },
          points: values.flatMap((v, i) => (v === undefined ? [] : [{ t: ORIGIN + i * r.interval, v }])),
        }));
        changes += await compare(alert, series);
        runs += 1;
      }),
      { numRuns: RANDOM_RUNS, seed: Number(process.env.CALVIN_DIFFERENTIAL_SEED ?? 20261206) },
    );
    process.stderr.write(`differential: ${runs} random alerts and series, ${changes} state changes, all equal\n`);
    expect(changes).toBeGreaterThan(runs);
  }, 900_000);
});
