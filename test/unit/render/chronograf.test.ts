import { describe, expect, it } from 'vitest';
import type { DashboardDef } from '../../../src/define/types.js';
import {
  defaultRenderOptions,
  renderChronograf,
  renderChronografDashboard,
  toChronografQuery,
} from '../../../src/render/index.js';
import { fixtureCatalog } from '../../fixtures/render/catalog.js';

type Json = Record<string, unknown>;

describe('toChronografQuery', () => {
  it('turns Grafana macros and variables into Chronograf template variables', () => {
    expect(
      toChronografQuery(
        'SELECT mean("x") FROM "cpu" WHERE "host" =~ /^$host$/ AND "dc" !~ /^$dc$/ AND $timeFilter GROUP BY time($__interval)',
        ['host', 'dc'],
        [],
      ),
    ).toBe(
      'SELECT mean("x") FROM "cpu" WHERE "host" = :host: AND "dc" != :dc: AND time > :dashboardTime: AND time < :upperDashboardTime: GROUP BY time(:interval:)',
    );
    expect(toChronografQuery('SELECT x FROM y WHERE $timeFilter GROUP BY time($bucket)', [], ['bucket'])).toBe(
      'SELECT x FROM y WHERE time > :dashboardTime: AND time < :upperDashboardTime: GROUP BY time(:interval:)',
    );
  });

  it('quotes the placeholder of templates whose values Chronograf inserts verbatim', () => {
    expect(
      toChronografQuery(
        'SELECT x FROM "cpu" WHERE "host" =~ /^$host$/ AND "dc" !~ /^$dc$/',
        ['host', 'dc'],
        [],
        ['host'],
      ),
    ).toBe(`SELECT x FROM "cpu" WHERE "host" = :host: AND "dc" != ':dc:'`);
  });

  it('leaves quoted strings and identifiers alone', () => {
    expect(
      toChronografQuery(`SELECT "$host" FROM "m" WHERE "t" = '$timeFilter $host' AND "h" = '$host'`, ['host'], []),
    ).toBe(`SELECT "$host" FROM "m" WHERE "t" = '$timeFilter $host' AND "h" = '$host'`);
  });
});

describe('renderChronografDashboard', () => {
  const overview = fixtureCatalog().dashboards[0] as DashboardDef;
  const body = renderChronografDashboard(overview, defaultRenderOptions());
  const cells = body.cells as Json[];

  it('marks ownership with the calvin/ name prefix', () => {
    expect(body.name).toBe('calvin/Artefacts (Nexus)');
    expect(renderChronograf([overview], defaultRenderOptions())[0]?.name).toBe('calvin/Artefacts (Nexus)');
  });

  it('maps panel types to cell types and lays them out on 12 columns', () => {
    expect(cells.map((c) => [c.name, c.type, c.x, c.y, c.w, c.h])).toEqual([
      ['CPU busy', 'line', 0, 0, 6, 4],
      ['Disk used', 'single-stat', 6, 0, 3, 4],
      ['Heap', 'gauge', 9, 0, 3, 4],
      ['Mixed sources', 'table', 0, 4, 12, 3],
      ['Errors by host', 'note', 0, 7, 8, 4],
      ['Notes', 'note', 8, 7, 4, 4],
    ]);
  });

  it('qualifies queries with database and retention policy and uses template variables', () => {
    const query = ((cells[0]?.queries as Json[])[0] as Json).query as string;
    expect(query).toContain('FROM "system"."autogen"."cpu"');
    // The panel's $host is multi-value with "All": Chronograf substitutes one value, so the
    // filter is dropped and GROUP BY "host" keeps every host apart, as Grafana's "All" shows them.
    expect(query).not.toContain(':host:');
    expect(query).toContain('GROUP BY time(:interval:), "host"');
    expect(query).toContain('time > :dashboardTime:');
    expect(query).not.toContain('$');
  });

  it('renders a constant as a one-value csv template: Chronograf has no resolver for type constant', () => {
    // ui/src/tempVars/utils/index.ts resolveValues: csv and map resolve; any other type (constant)
    // throws "TemplateValue resolution for TemplateType constant not implemented".
    const category = (body.templates as Json[]).find((t) => t.tempVar === ':category:');
    expect(category).toMatchObject({
      type: 'csv',
      values: [{ selected: true, type: 'csv', value: 'artefacts-storage' }],
    });
    expect(JSON.stringify(body.templates)).not.toContain('"constant"');
  });

  it('has a tagValues template for :host: and valid gauge colours', () => {
    const templates = body.templates as Json[];
    expect(templates[0]).toMatchObject({
      tempVar: ':host:',
      type: 'tagValues',
      query: {
        influxql: 'SHOW TAG VALUES ON :database: FROM :measurement: WITH KEY=:tagKey:',
        db: 'system',
        measurement: 'cpu',
        tagKey: 'host',
      },
    });
    expect(templates[1]).toMatchObject({
      tempVar: ':path:',
      type: 'influxql',
      query: { influxql: 'SHOW TAG VALUES ON "system" FROM "disk" WITH KEY = "path" WHERE "host" = :host:' },
    });
    const gauge = cells.find((c) => c.type === 'gauge') as Json;
    const colors = gauge.colors as Json[];
    expect(colors.map((c) => c.type)).toEqual(['min', 'threshold', 'max']);
    for (const cell of cells) for (const color of cell.colors as Json[]) expect(color.hex).toMatch(/^#[0-9A-F]{6}$/);
  });
});
