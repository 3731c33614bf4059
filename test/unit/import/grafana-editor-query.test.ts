import { describe, expect, it } from 'vitest';
import { renderGrafanaEditorQuery } from '../../../src/import/grafana-editor-query.js';
import { editorTargetToTyped } from '../../../src/import/editor-to-typed.js';
import { importTarget } from '../../../src/import/grafana-query.js';

describe('renderGrafanaEditorQuery (as Grafana InfluxQueryModel.render)', () => {
  it('renders select parts, tags, policy and group by like Grafana', () => {
    expect(
      renderGrafanaEditorQuery({
        measurement: 'cpu',
        policy: 'autogen',
        select: [
          [
            { type: 'field', params: ['usage_idle'] },
            { type: 'mean', params: [] },
            { type: 'math', params: ['*100'] },
            { type: 'alias', params: ['idle'] },
          ],
          [
            { type: 'field', params: ['usage_user'] },
            { type: 'non_negative_derivative', params: ['1s'] },
          ],
        ],
        tags: [
          { key: 'host', operator: '=~', value: '/^$host$/' },
          { key: 'cpu', operator: '=', value: "it's", condition: 'AND' },
          { key: 'n', operator: '>', value: '5', condition: 'OR' },
        ],
        groupBy: [
          { type: 'time', params: ['auto'] },
          { type: 'tag', params: ['host'] },
          { type: 'fill', params: ['null'] },
        ],
        orderByTime: 'DESC',
        limit: '10',
      }),
    ).toBe(
      `SELECT mean("usage_idle") *100 AS "idle", non_negative_derivative("usage_user", 1s) FROM "autogen"."cpu" WHERE ("host" =~ /^$host$/ AND "cpu" = 'it\\'s' OR "n" > 5) AND $timeFilter GROUP BY time($__interval), "host" fill(null) ORDER BY time DESC LIMIT 10`,
    );
  });

  it('applies Grafana defaults: mean("value"), time($__interval) fill(null), default policy, operator from the value', () => {
    expect(renderGrafanaEditorQuery({ measurement: 'mem', tags: [{ key: 'host', value: '/^a$/' }] })).toBe(
      'SELECT mean("value") FROM "mem" WHERE ("host" =~ /^a$/) AND $timeFilter GROUP BY time($__interval) fill(null)',
    );
    expect(
      renderGrafanaEditorQuery({
        measurement: 'mem',
        select: [[{ type: 'field' }, { type: 'percentile' }]],
        groupBy: [],
      }),
    ).toBe('SELECT percentile("value", 95) FROM "mem" WHERE $timeFilter');
  });

  it('returns raw queries as written', () => {
    expect(renderGrafanaEditorQuery({ rawQuery: true, query: 'SELECT 1' })).toBe('SELECT 1');
  });

  it('throws on a part Grafana does not know', () => {
    expect(() =>
      renderGrafanaEditorQuery({ measurement: 'm', select: [[{ type: 'field', params: ['x'] }, { type: 'bogus' }]] }),
    ).toThrow(/Could not find query part bogus/);
  });
});

describe('editor targets to typed queries', () => {
  it('maps fields, functions, math, alias, tags (variables, regexes, literals), policy and grouping', () => {
    const typed = editorTargetToTyped(
      {
        measurement: 'net',
        policy: 'autogen',
        alias: '$tag_host',
        select: [
          [
            { type: 'field', params: ['bytes_recv'] },
            { type: 'last', params: [] },
            { type: 'non_negative_derivative', params: ['1s'] },
            { type: 'math', params: ['*8'] },
          ],
        ],
        tags: [
          { key: 'host', operator: '=~', value: '/^$_host$/' },
          { key: 'interface', operator: '!~', value: '/^lo/', condition: 'AND' },
          { key: 'os', operator: '=', value: 'linux', condition: 'AND' },
        ],
        groupBy: [
          { type: 'time', params: ['$_bucket'] },
          { type: 'tag', params: ['host'] },
          { type: 'fill', params: ['0'] },
        ],
      },
      'system',
    );
    expect(typed).toEqual({
      kind: 'influxql',
      database: 'system',
      retentionPolicy: 'autogen',
      measurement: 'net',
      select: [
        {
          field: 'bytes_recv',
          functions: [{ fn: 'last' }, { fn: 'non_negative_derivative', args: ['1s'] }],
          math: [{ op: '*', value: 8 }],
        },
      ],
      where: [
        { key: 'host', op: '=~', value: { kind: 'variable', name: '_host' } },
        { key: 'interface', op: '!~', value: { kind: 'regex', pattern: '^lo' }, join: 'AND' },
        { key: 'os', op: '=', value: { kind: 'literal', value: 'linux' }, join: 'AND' },
      ],
      timeFilter: true,
      groupByTime: '$_bucket',
      groupByTags: ['host'],
      fill: 0,
      alias: '$tag_host',
    });
  });

  it('keeps what the typed model cannot express as raw text, exactly as Grafana runs it', () => {
    const target = {
      measurement: 'm',
      select: [
        [
          { type: 'field', params: ['x'] },
          { type: 'holt_winters', params: [10, 2] },
        ],
      ],
    };
    expect(editorTargetToTyped(target, 'system')).toBeUndefined();
    const imported = importTarget(target, 'system');
    expect(imported.typed).toBe(false);
    expect(imported.query).toEqual({
      kind: 'raw',
      database: 'system',
      text: 'SELECT holt_winters("x", 10, 2) FROM "m" WHERE $timeFilter GROUP BY time($__interval) fill(null)',
    });
  });

  it('keeps a tag-before-time group by and a math-before-function select raw (the order matters to Grafana)', () => {
    expect(
      importTarget(
        {
          measurement: 'm',
          select: [[{ type: 'field', params: ['x'] }, { type: 'math', params: ['*2'] }, { type: 'mean' }]],
        },
        'system',
      ).typed,
    ).toBe(false);
    expect(
      importTarget(
        {
          measurement: 'm',
          groupBy: [
            { type: 'fill', params: ['null'] },
            { type: 'time', params: ['1m'] },
          ],
        },
        'system',
      ).typed,
    ).toBe(false);
  });

  it('keeps typed only when the rendering is equivalent', () => {
    const imported = importTarget(
      { measurement: 'disk', tags: [{ key: 'path', operator: '=', value: 'C:\\' }] },
      'system',
    );
    expect(imported.typed).toBe(true);
    expect(imported.original).toBe(
      `SELECT mean("value") FROM "disk" WHERE ("path" = 'C:\\\\') AND $timeFilter GROUP BY time($__interval) fill(null)`,
    );
  });
});
