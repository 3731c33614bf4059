import { describe, expect, it } from 'vitest';
import type { SignalSeries } from '../../../src/diagnose/collected.js';
import { analyzeMetrics } from '../../../src/diagnose/metric-analysis.js';
import { BASELINE, WINDOW, collected } from './fixtures.js';

const MINUTE = 60_000;

/** Load that swings 0.4 ↔ 0.7 every minute, ending low; `history` adds baseline points. */
function load(host: string, history: boolean, peakAt = 0.7): SignalSeries {
  const points: SignalSeries['points'] = [];
  if (history)
    for (let t = Date.parse(BASELINE.from); t < Date.parse(BASELINE.to); t += 5 * MINUTE)
      points.push({ time: new Date(t).toISOString(), value: t % (10 * MINUTE) === 0 ? 0.4 : 0.7 });
  for (let m = 0; m < 60; m += 1)
    points.push({ time: new Date(Date.parse(WINDOW.from) + m * MINUTE).toISOString(), value: m % 2 ? 0.4 : peakAt });
  return { signal: 'system.load1', host, points };
}

describe('metric peers', () => {
  it('compares a new instance’s peak with its peers’ peaks, not with their recent values', () => {
    const c = collected({ nodes: ['a', 'b', 'new'] });
    c.metrics = [load('a', true), load('b', true), load('new', false)];
    expect(analyzeMetrics(c).anomalies).toEqual([]);
  });

  it('still flags a new instance whose peak stands far above its peers’ peaks', () => {
    const c = collected({ nodes: ['a', 'b', 'new'] });
    c.metrics = [load('a', true), load('b', true), load('new', false, 6)];
    expect(analyzeMetrics(c).anomalies.map((a) => [a.host, a.anomaly.signal])).toEqual([['new', 'system.load1']]);
  });
});
