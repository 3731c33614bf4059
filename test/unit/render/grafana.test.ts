import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DashboardDef, Panel } from '../../../src/define/types.js';
import {
  defaultRenderOptions,
  flowLayout,
  grafanaUid,
  renderGrafanaDashboard,
  renderGrafanaKv,
  tagValuesQuery,
} from '../../../src/render/index.js';
import { fixtureCatalog } from '../../fixtures/render/catalog.js';

type Json = Record<string, unknown>;
const options = defaultRenderOptions();

function panel(title: string, width: number, height: number): Panel {
  return { type: 'text', title, width, height, queries: [], content: title };
}

function dashboard(rows: DashboardDef['rows']): DashboardDef {
  return {
    kind: 'dashboard',
    id: 'd',
    title: 'D',
    tags: ['x', 'calvin'],
    folder: 'F',
    time: { from: 'now-1h', to: 'now' },
    variables: [],
    annotations: [],
    links: [],
    rows,
  };
}

describe('grafanaUid', () => {
  it('is calvin-<id> when short enough', () => {
    expect(grafanaUid('artefacts-overview')).toBe('calvin-artefacts-overview');
  });

  it('is stable, at most 40 characters and URL-safe for any id', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 120 }), (id) => {
        const uid = grafanaUid(id);
        expect(uid).toBe(grafanaUid(id));
        expect(uid.length).toBeLessThanOrEqual(40);
        expect(uid).toMatch(/^calvin-[A-Za-z0-9_-]+$/);
      }),
    );
    expect(grafanaUid('x'.repeat(50))).not.toBe(grafanaUid(`${'x'.repeat(49)}y`));
  });
});

describe('flowLayout', () => {
  it('wraps boxes that do not fit below the tallest box of the line', () => {
    const { positions, nextY } = flowLayout(
      [
        { w: 12, h: 8 },
        { w: 12, h: 4 },
        { w: 8, h: 6 },
        { w: 30, h: 2 },
      ],
      24,
      3,
    );
    expect(positions).toEqual([
      { x: 0, y: 3, w: 12, h: 8 },
      { x: 12, y: 3, w: 12, h: 4 },
      { x: 0, y: 11, w: 8, h: 6 },
      { x: 0, y: 17, w: 24, h: 2 },
    ]);
    expect(nextY).toBe(19);
  });

  it('never overlaps boxes and keeps them inside the grid', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ w: fc.integer({ min: 1, max: 30 }), h: fc.integer({ min: 1, max: 12 }) }), {
          maxLength: 20,
        }),
        (boxes) => {
          const { positions } = flowLayout(boxes, 24, 0);
          for (const [i, a] of positions.entries()) {
            expect(a.x + a.w).toBeLessThanOrEqual(24);
            for (const b of positions.slice(i + 1)) {
              const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
              expect(overlap).toBe(false);
            }
          }
        },
      ),
    );
  });
});

describe('renderGrafanaDashboard', () => {
  it('numbers rows and panels 1..n in order and lays rows out one after the other', () => {
    const json = renderGrafanaDashboard(
      dashboard([
        { title: 'One', collapsed: false, panels: [panel('a', 12, 8), panel('b', 12, 8)] },
        { title: 'Two', collapsed: true, panels: [panel('c', 24, 4)] },
        { title: 'Three', collapsed: false, panels: [panel('d', 24, 4)] },
      ]),
      options,
    );
    const panels = json.panels as Json[];
    expect(panels.map((p) => [p.id, p.type, p.title, p.gridPos])).toEqual([
      [1, 'row', 'One', { h: 1, w: 24, x: 0, y: 0 }],
      [2, 'text', 'a', { x: 0, y: 1, w: 12, h: 8 }],
      [3, 'text', 'b', { x: 12, y: 1, w: 12, h: 8 }],
      [4, 'row', 'Two', { h: 1, w: 24, x: 0, y: 9 }],
      [6, 'row', 'Three', { h: 1, w: 24, x: 0, y: 10 }],
      [7, 'text', 'd', { x: 0, y: 11, w: 24, h: 4 }],
    ]);
    expect((panels[3]?.panels as Json[]).map((p) => [p.id, p.gridPos])).toEqual([[5, { x: 0, y: 10, w: 24, h: 4 }]]);
  });

  it('has no row panel for a single untitled row, the calvin tag once, schema 39 and a derived uid', () => {
    const json = renderGrafanaDashboard(
      dashboard([{ title: '', collapsed: false, panels: [panel('a', 6, 3)] }]),
      options,
    );
    expect((json.panels as Json[]).map((p) => p.type)).toEqual(['text']);
    expect(json.tags).toEqual(['calvin', 'x']);
    expect(json.schemaVersion).toBe(39);
    expect(json.uid).toBe('calvin-d');
  });

  it('references InfluxDB by the provisioned datasource name, with raw InfluxQL targets A, B, ...', () => {
    // Grafana's DatasourceSrv.getInstanceSettings (public/app/features/plugins/datasource_srv.ts)
    // resolves a reference's uid by uid, then by name: Calvinverse's datasources have no uid.
    const overview = fixtureCatalog().dashboards[0] as DashboardDef;
    const json = renderGrafanaDashboard(overview, options);
    const cpu = (json.panels as Json[]).find((p) => p.title === 'CPU busy') as Json;
    expect(cpu.datasource).toEqual({ type: 'influxdb', uid: 'InfluxDb.System' });
    const target = (cpu.targets as Json[])[0] as Json;
    expect(target).toMatchObject({ rawQuery: true, refId: 'A', resultFormat: 'time_series', alias: '$tag_host' });
    expect(target.query).toBe(
      'SELECT 100 - mean("usage_idle") AS "busy" FROM "cpu" WHERE "cpu" = \'cpu-total\' AND "host" =~ /^$host$/ AND $timeFilter GROUP BY time($__interval), "host" fill(null)',
    );
    const mixed = (json.panels as Json[]).find((p) => p.title === 'Mixed sources') as Json;
    expect(mixed.datasource).toEqual({ type: 'datasource', uid: '-- Mixed --' });
    expect((mixed.targets as Json[]).map((t) => [t.refId, (t.datasource as Json).uid, t.resultFormat])).toEqual([
      ['A', 'InfluxDb.System', 'table'],
      ['B', 'InfluxDb.Services', 'table'],
    ]);
  });

  it('renders log-count panels as Elasticsearch count histograms', () => {
    const json = renderGrafanaDashboard(
      fixtureCatalog().dashboards[0] as DashboardDef,
      defaultRenderOptions({ logsDatasource: 'es-logs' }),
    );
    const logsRow = (json.panels as Json[]).find((p) => p.title === 'Logs') as Json;
    const logs = (logsRow.panels as Json[])[0] as Json;
    expect(logs.type).toBe('timeseries');
    expect(logs.datasource).toEqual({ type: 'elasticsearch', uid: 'es-logs' });
    const target = (logs.targets as Json[])[0] as Json;
    expect(target.metrics).toEqual([{ id: '1', type: 'count' }]);
    expect((target.bucketAggs as Json[]).map((b) => b.type)).toEqual(['terms', 'date_histogram']);
    expect(target.query).toBe('service.name:"nexus" AND log.level:"error"');
  });

  it('builds SHOW TAG VALUES through the escaping functions', () => {
    expect(
      tagValuesQuery({
        kind: 'query',
        name: 'h',
        database: 'system',
        measurement: 'we"ird',
        tag: 'ho\\st',
        multi: false,
        includeAll: false,
      }),
    ).toBe('SHOW TAG VALUES FROM "we\\"ird" WITH KEY = "ho\\\\st"');
    expect(
      tagValuesQuery({
        kind: 'query',
        name: 'h',
        database: 'system',
        tag: 'host',
        where: [{ key: 'env', op: '=', value: { kind: 'literal', value: "o'k" } }],
        multi: false,
        includeAll: false,
      }),
    ).toBe('SHOW TAG VALUES WITH KEY = "host" WHERE "env" = \'o\\\'k\'');
  });
});

describe('renderGrafanaKv', () => {
  it('uses the Calvinverse provisioning keys and writes the datasources of the environment model that the dashboards use', () => {
    const artifacts = renderGrafanaKv(fixtureCatalog().dashboards, options);
    expect(artifacts.map((a) => a.name).sort()).toEqual([
      'config/services/dashboards/metrics/provisioning/dashboards/Platform-Core/calvin-a-dashboard-with-a-rathe-7c6bd1c6',
      'config/services/dashboards/metrics/provisioning/dashboards/Services/calvin-artefacts-overview',
      'config/services/dashboards/metrics/provisioning/datasources/logs',
      'config/services/dashboards/metrics/provisioning/datasources/services',
      'config/services/dashboards/metrics/provisioning/datasources/system',
    ]);
    const system = artifacts.find((a) => a.name.endsWith('/datasources/system'));
    expect(system?.body).toMatchObject({
      apiVersion: 1,
      datasources: [{ name: 'InfluxDb.System', type: 'influxdb', database: 'system' }],
    });
    // No uid: the same entry as Calvinverse's influxdb.system.notkv.yaml, so writing it renames nothing.
    expect((system?.body as { datasources: Json[] }).datasources[0]).not.toHaveProperty('uid');
    const dash = artifacts.find((a) => a.name.endsWith('/calvin-artefacts-overview'));
    expect(JSON.parse(dash?.content ?? '{}').uid).toBe('calvin-artefacts-overview');
  });
});
