import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/diagnose/analyze.js';
import { type ChartSeries, keyCharts } from '../../../../src/diagnose/charts.js';
import { isCalvinError } from '../../../../src/errors.js';
import { chartSpecs, renderChartSvg } from '../../../../src/report/chart/index.js';
import { renderReport } from '../../../../src/report/index.js';
import { diskFull } from '../../diagnose/fixtures.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Golden SVGs are rewritten only with UPDATE_GOLDEN=1, and reviewed as a diff (and in a browser). */
function golden(name: string, actual: string): void {
  const file = path.join(here, '..', 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const c = diskFull();
const diagnosis = analyze(c, { now: () => 412 }, 0);
const series = keyCharts(c, diagnosis);
function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('missing chart');
  return value;
}

const specs = chartSpecs(diagnosis, series);
const disk = must(specs[0]);
const errors = must(specs[1]);

/** A percent signal that wobbles just under 100 %, on a node whose name is hostile markup. */
const nearlyFull: ChartSeries = {
  node: '<b>nexus</b>&"04"',
  signal: 'mem.used_percent',
  label: 'memory',
  unit: 'percent',
  points: Array.from({ length: 12 }, (_, i) => ({
    time: new Date(Date.parse(diagnosis.window.from) + i * 300_000).toISOString(),
    value: 99.1 + (i % 4) * 0.25,
  })),
  thresholds: { warning: 90, critical: 97 },
  since: diagnosis.window.from,
};

describe('the chart model of the Nexus disk-full diagnosis', () => {
  it('shows baseline before the window, the band, both thresholds, the peers and a marker at since', () => {
    expect(disk.x.from).toBeLessThan(disk.windowFrom);
    expect(disk.series.filter((p) => p.t < disk.windowFrom).length).toBeGreaterThan(3);
    expect([disk.y.min, disk.y.max, disk.y.zoom]).toEqual([0, 100, undefined]);
    expect(disk.band?.center).toBeCloseTo(61, 0);
    expect(disk.thresholds).toEqual([
      { level: 'warning', value: 85, crossed: true },
      { level: 'critical', value: 95, crossed: true },
    ]);
    expect(disk.peers.map((p) => p.node)).toEqual(['nexus-01', 'nexus-03']);
    expect(disk.markers).toEqual([{ kind: 'since', t: Date.parse('2026-11-23T10:42:00Z'), label: 'since' }]);
    expect(disk.description).toContain('Critical threshold 95% crossed at 10:50');
  });

  it('charts errors per bucket, with a marker where the new message template first appears', () => {
    expect(errors.kind).toBe('bars');
    expect(errors.y.min).toBe(0);
    expect(errors.markers.map((m) => [m.kind, m.label])).toEqual([
      ['since', 'since'],
      ['new-template', 'No space left on device'],
    ]);
  });

  it('labels time in the report time zone', () => {
    const [utc] = chartSpecs(diagnosis, series);
    const [amsterdam] = chartSpecs(diagnosis, series, { timeZone: 'Europe/Amsterdam' });
    expect(utc?.x.ticks.map((t) => t.label)).toContain('10:00');
    expect(amsterdam?.x.ticks.map((t) => t.label)).toContain('11:00');
    expect(amsterdam?.x.zone).toBe('GMT+1');
    expect(renderChartSvg(must(amsterdam))).toContain('since 11:42');
  });

  it('refuses an unknown time zone with a CalvinError', () => {
    let caught: unknown;
    try {
      chartSpecs(diagnosis, series, { timeZone: 'Mars/Olympus' });
    } catch (error) {
      caught = error;
    }
    expect(isCalvinError(caught) && caught.code).toBe('BAD_ARGUMENT');
    expect(() => renderReport('html', { diagnosis, timeZone: 'Mars/Olympus' })).toThrow(/unknown time zone/);
  });

  it('draws the disk chart as its golden SVG', () => {
    golden('disk-full-disk.svg', `${renderChartSvg(disk)}\n`);
  });

  it('draws the error chart as its golden SVG', () => {
    golden('disk-full-errors.svg', `${renderChartSvg(errors)}\n`);
  });

  it('zooms a percent chart near 100 %, labelled, and escapes what came from a backend', () => {
    const [spec] = chartSpecs(diagnosis, [nearlyFull], { timeZone: 'Europe/Amsterdam' });
    const svg = renderChartSvg(must(spec));
    golden('nearly-full-zoomed.svg', `${svg}\n`);
    expect(spec?.y.zoom).toMatch(/^zoomed to/);
    expect(svg).toContain('zoomed to');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&#60;b&#62;nexus&#60;/b&#62;&#38;&#34;04&#34;');
  });

  it('gives every SVG a title and a description it is labelled by', () => {
    for (const spec of chartSpecs(diagnosis, [...series, nearlyFull])) {
      const svg = renderChartSvg(spec);
      expect(svg).toMatch(new RegExp(`^<svg [^>]*role="img" aria-labelledby="${spec.id}-title ${spec.id}-desc"`));
      expect(svg).toContain(`<title id="${spec.id}-title">`);
      expect(svg).toContain(`<desc id="${spec.id}-desc">`);
      // Tick labels are distinct on both axes.
      expect(new Set(spec.y.ticks.map((t) => t.label)).size).toBe(spec.y.ticks.length);
      expect(new Set(spec.x.ticks.map((t) => t.label)).size).toBe(spec.x.ticks.length);
    }
  });

  it('is deterministic', () => {
    const again = chartSpecs(diagnosis, keyCharts(c, diagnosis));
    expect(again.map(renderChartSvg)).toEqual([disk, errors].map((s) => renderChartSvg(must(s))));
  });

  it('draws a series without data as an empty, still labelled chart', () => {
    const empty: ChartSeries = { ...nearlyFull, node: 'nexus-09', points: [], since: '2026-11-23T08:00:00Z' };
    const spec = must(chartSpecs(diagnosis, [empty])[0]);
    expect(spec.description).toBe('memory on nexus-09, 10:00–11:00 UTC: no data.');
    const svg = renderChartSvg(spec);
    expect(svg).toContain('<desc id="chart-1-nexus-09-mem-used-percent-desc">');
    expect(svg).not.toContain('since 08:00');
    expect(svg).not.toMatch(/NaN|Infinity/);
  });
});
