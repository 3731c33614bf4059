import { describe, expect, it } from 'vitest';
import { historyFromInflux, historyQuery } from '../../../src/diagnose/history.js';
import { planWindows } from '../../../src/diagnose/queries.js';
import { withMetricVersions } from '../../../src/diagnose/versions.js';

const windows = planWindows(new Date('2026-11-23T11:00:00Z'), 3_600_000);
const at = (iso: string): number => Date.parse(iso);

describe('who served the service', () => {
  it('asks for the service tag or the current nodes over baseline and window, by host and version tags', () => {
    expect(historyQuery('system', "api'x", ['a.1', 'b'], windows)).toBe(
      `SELECT count("uptime") FROM "system" WHERE ("service" = 'api\\'x' OR "host" =~ /^(?:a\\.1|b)$/) AND ` +
        `time >= '2026-11-23T06:00:00Z' AND time < '2026-11-23T11:00:00Z' GROUP BY time(60s), "host", "version", ` +
        `"image" fill(none)`,
    );
  });

  it('gives each host its first and last bucket, and the version its metrics carried last', () => {
    const history = historyFromInflux([
      {
        name: 'system',
        tags: { host: 'old-1', version: '1.2.0', image: '' },
        columns: ['time', 'count'],
        values: [
          [at('2026-11-23T06:00:00Z'), 1],
          [at('2026-11-23T10:29:00Z'), 1],
        ],
      },
      {
        name: 'system',
        tags: { host: 'new-1', version: '', image: 'api-1.2.9' },
        columns: ['time', 'count'],
        values: [[at('2026-11-23T10:30:00Z'), 1]],
      },
      {
        name: 'system',
        tags: { host: 'new-1', version: '1.3.0', image: 'api-1.3.0' },
        columns: ['time', 'count'],
        values: [
          [at('2026-11-23T10:31:00Z'), 2],
          [at('2026-11-23T10:59:00Z'), 0],
          ['garbage', 3],
        ],
      },
      { name: 'system', tags: { host: '' }, columns: ['time', 'count'], values: [[at('2026-11-23T10:30:00Z'), 1]] },
    ]);
    expect(history).toEqual([
      { node: 'old-1', first: '2026-11-23T06:00:00.000Z', last: '2026-11-23T10:29:00.000Z', version: '1.2.0' },
      { node: 'new-1', first: '2026-11-23T10:30:00.000Z', last: '2026-11-23T10:31:00.000Z', version: '1.3.0' },
    ]);
  });

  it("takes an instance's version from its metrics only when Consul gives none", () => {
    const instances = [
      { node: 'a', address: '', serviceId: 'a', checks: [], version: '2.0.0' },
      { node: 'b', address: '', serviceId: 'b', checks: [] },
      { node: 'c', address: '', serviceId: 'c', checks: [] },
    ];
    const history = [
      { node: 'a', first: '', last: '', version: '1.0.0' },
      { node: 'b', first: '', last: '', version: '1.0.0' },
    ];
    expect(withMetricVersions(instances, history).map((i) => i.version)).toEqual(['2.0.0', '1.0.0', undefined]);
  });
});
