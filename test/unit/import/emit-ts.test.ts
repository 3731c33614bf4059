import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importGrafanaDashboard, emitDashboardModule, dashboardJsonOf } from '../../../src/import/index.js';
import { importGrafanaFiles } from '../../../src/import/grafana-files.js';
import { loadCatalog } from '../../../src/load/index.js';
import { tempRoot, type TempRoot } from '../load/fixture-roots.js';

const roots: TempRoot[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) r.remove();
});

const hostile = `x"; process.exit(3); //\n*/ \u2028 \`\${1}\` '`;

describe('import grafana: rows, panel types, templating, hostile text', () => {
  it('imports the old rows schema, unknown panel types as text, variables and datasource names', () => {
    const imported = importGrafanaDashboard(
      dashboardJsonOf(
        {
          dashboard: {
            title: 'Old Style!',
            rows: [
              {
                title: 'First',
                height: '250px',
                panels: [
                  {
                    type: 'graph',
                    title: 'CPU',
                    span: 6,
                    datasource: 'InfluxDb.System',
                    yaxes: [{ format: 'percent', min: '0', max: null }],
                    targets: [
                      {
                        measurement: 'cpu',
                        select: [
                          [
                            { type: 'field', params: ['usage_idle'] },
                            { type: 'mean', params: [] },
                          ],
                        ],
                      },
                    ],
                  },
                  { type: 'piechart', title: 'Pie', span: 6 },
                  { type: 'text', title: 'Help', content: '# hi' },
                ],
              },
            ],
            templating: {
              list: [
                {
                  type: 'query',
                  name: 'host',
                  datasource: 'InfluxDb.Services',
                  query: 'SHOW TAG VALUES FROM "jvm" WITH KEY = "host" WHERE "category" =~ /^$role$/',
                  multi: true,
                  includeAll: true,
                },
                { type: 'custom', name: 'size', query: 'a, b,c' },
                { type: 'constant', name: 'c', query: 'v' },
                { type: 'datasource', name: 'ds', query: 'influxdb', regex: '/Influx/' },
                { type: 'adhoc', name: 'filters' },
              ],
            },
          },
        },
        'old.json',
      ),
    );
    const d = imported.definition;
    expect(d.id).toBe('old-style');
    expect(d.rows.map((r) => r.panels.map((p) => [p.type, p.title, p.width, p.height]))).toEqual([
      [
        ['timeseries', 'CPU', 12, 9],
        ['text', 'Pie', 12, 9],
        ['text', 'Help', 24, 9],
      ],
    ]);
    expect(d.rows[0]?.panels[0]?.unit).toBe('percent');
    expect(d.rows[0]?.panels[0]?.min).toBe(0);
    expect(d.rows[0]?.panels[1]?.content).toMatch(/piechart/);
    expect(imported.notes.some((n) => n.includes('panel type "piechart" is not supported'))).toBe(true);
    expect(d.variables).toEqual([
      {
        kind: 'query',
        name: 'host',
        database: 'services',
        measurement: 'jvm',
        tag: 'host',
        multi: true,
        includeAll: true,
        where: [{ key: 'category', op: '=~', value: { kind: 'variable', name: 'role' } }],
      },
      { kind: 'custom', name: 'size', options: ['a', 'b', 'c'], multi: false, includeAll: false },
      { kind: 'constant', name: 'c', value: 'v' },
      { kind: 'datasource', name: 'ds', pluginType: 'influxdb', regex: '/Influx/' },
    ]);
    expect(imported.notes.some((n) => n.includes('variable type "adhoc"'))).toBe(true);
  });

  it('imports flat panels with row panels (collapsed children too), mixed datasources and hidden targets', () => {
    const { definition, notes } = importGrafanaDashboard({
      title: 'New',
      panels: [
        {
          type: 'stat',
          title: 'Top',
          gridPos: { x: 0, y: 0, w: 6, h: 4 },
          datasource: '-- Mixed --',
          targets: [
            { datasource: 'InfluxDb.Services', measurement: 'a' },
            { datasource: 'Weird.Thing', measurement: 'b' },
            { measurement: 'c', hide: true },
          ],
        },
        {
          type: 'row',
          title: 'Later',
          collapsed: true,
          gridPos: { x: 0, y: 10, w: 24, h: 1 },
          panels: [
            {
              type: 'gauge',
              title: 'G',
              gridPos: { x: 0, y: 11, w: 8, h: 5 },
              datasource: { uid: 'InfluxDb.System' },
              targets: [],
            },
          ],
        },
        { type: 'row', title: 'Middle', gridPos: { x: 0, y: 5, w: 24, h: 1 } },
        {
          type: 'table',
          title: 'T',
          gridPos: { x: 0, y: 6, w: 24, h: 4 },
          datasource: 'InfluxDb.System',
          targets: [{ rawQuery: true, query: 'SELECT last("x") FROM "y" WHERE $timeFilter' }],
        },
      ],
    });
    expect(definition.rows.map((r) => [r.title, r.collapsed, r.panels.map((p) => p.title)])).toEqual([
      ['', false, ['Top']],
      ['Middle', false, ['T']],
      ['Later', true, ['G']],
    ]);
    expect(definition.rows[0]?.panels[0]?.queries.map((q) => q.database)).toEqual(['services', 'thing']);
    expect(notes.some((n) => n.includes('datasource "Weird.Thing" is not known'))).toBe(true);
    expect(notes.some((n) => n.includes('hidden in Grafana'))).toBe(true);
    expect(definition.rows[1]?.panels[0]?.queries[0]).toMatchObject({
      kind: 'influxql',
      measurement: 'y',
      select: [{ field: 'x', functions: [{ fn: 'last' }] }],
    });
  });

  it('rejects files that are not dashboards in one line', () => {
    expect(() => dashboardJsonOf({ hello: 1 }, 'x.json')).toThrow(/x\.json: not a Grafana dashboard/);
    expect(() => dashboardJsonOf([1], 'x.json')).toThrow(/not a Grafana dashboard/);
  });

  it('writes hostile titles, queries and notes as inert data that loads back unchanged', async () => {
    const root = tempRoot();
    roots.push(root);
    root.write(
      'in/evil.json',
      JSON.stringify({
        title: hostile,
        tags: [hostile],
        panels: [
          { type: hostile, title: hostile, gridPos: { x: 0, y: 0, w: 12, h: 8 } },
          {
            type: 'graph',
            title: 'q',
            gridPos: { x: 12, y: 0, w: 12, h: 8 },
            datasource: hostile,
            targets: [{ rawQuery: true, query: `SELECT "a" FROM "${hostile.replace(/"/g, '\\"')}"` }],
          },
        ],
      }),
    );
    root.write('in/bad.json', '{ not json');
    await expect(importGrafanaFiles([path.join(root.root, 'in/bad.json')])).rejects.toThrow(/bad\.json: not JSON/);
    const [_result] = await importGrafanaFiles([path.join(root.root, 'in/evil.json')], {
      out: path.join(root.root, 'dashboards'),
    });
    const catalog = await loadCatalog(root.root);
    const d = catalog.dashboards[0];
    expect(d?.title).toBe(hostile);
    expect(d?.tags).toEqual([hostile]);
    expect(d?.rows[0]?.panels[0]?.title).toBe(hostile);
    await expect(
      importGrafanaFiles([path.join(root.root, 'in/evil.json')], { out: path.join(root.root, 'dashboards') }),
    ).rejects.toThrow(/already exists/);
  });

  it('emits a stable module', () => {
    const { definition } = importGrafanaDashboard({ title: 'A', panels: [] });
    const first = emitDashboardModule(definition, { header: 'h', notes: ['n\nx'] });
    expect(first).toBe(emitDashboardModule(definition, { header: 'h', notes: ['n\nx'] }));
    expect(first).toContain('//   - n x\n');
  });
});
