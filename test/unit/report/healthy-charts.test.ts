import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/diagnose/analyze.js';
import { keyCharts } from '../../../src/diagnose/charts.js';
import { renderReport } from '../../../src/report/index.js';
import { collected, group, hostLogs } from '../diagnose/fixtures.js';

describe('reports when nothing is anomalous', () => {
  it('the HTML report still charts the key signals of every instance', () => {
    const c = collected();
    const diagnosis = analyze(c, { now: () => 1 }, 0);
    expect(diagnosis.status).toBe('healthy');
    const charts = keyCharts(c, diagnosis);
    expect(new Set(charts.map((ch) => ch.node))).toEqual(new Set(diagnosis.instances.map((i) => i.node)));
    const html = renderReport('html', { diagnosis, charts });
    expect(html).toContain('<h2>Key signals</h2>');
    expect(html.match(/<svg/g)?.length).toBe(charts.length);
  });
});

describe('top errors', () => {
  it('never has an empty first or last: a message without time falls back to the window bounds', () => {
    const c = collected({
      logs: {
        hosts: [hostLogs('nexus-01', 20, 0)],
        windowErrors: [group('boom: it failed', [['nexus-01', 20]], '', '')],
        baselineErrors: [],
      },
    });
    const { topErrors, window } = analyze(c, { now: () => 1 }, 0);
    expect(topErrors[0]).toMatchObject({ first: window.from, last: window.to });
  });
});
