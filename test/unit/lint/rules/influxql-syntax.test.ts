import { rule } from '../../../../src/lint/rules/influxql-syntax.js';
import { dashboard, json, panel, queryVariable, target, ruleTester } from '../rule-tester.js';
import { dashboardDef } from '../definitions.js';

const q = (query: string) => json('d.json', dashboard({ panels: [panel({ targets: [target({ query })] })] }));

ruleTester(rule, {
  valid: [
    {
      files: [
        q(
          'SELECT mean("usage_idle") FROM "system"."autogen"."cpu" WHERE "cpu" = \'cpu-total\' AND $timeFilter GROUP BY time($__interval), "host" fill(null) ORDER BY time DESC LIMIT 10 SLIMIT 5',
        ),
      ],
    },
    {
      files: [
        q(
          'SELECT non_negative_derivative(mean("bytes_recv"), 1s) * 8 AS "in" FROM "net" WHERE "host" =~ /^$host$/ AND time > now() - 1h GROUP BY time(1m) fill(none)',
        ),
      ],
    },
    {
      files: [
        json(
          'd.json',
          dashboard({
            variables: [
              queryVariable(
                'host',
                'SHOW TAG VALUES EXACT CARDINALITY FROM "cpu" WITH KEY = "host" WHERE "category" = \'x\'',
              ),
            ],
          }),
        ),
      ],
    },
    {
      catalog: {
        dashboards: [
          dashboardDef([
            { kind: 'raw', database: 'system', text: 'SELECT last("uptime") FROM "system" WHERE $timeFilter' },
          ]),
        ],
      },
    },
    // A Lucene query on an Elasticsearch datasource is not InfluxQL (calvin's own log-count panels).
    {
      files: [
        json(
          'd.json',
          dashboard({
            panels: [
              {
                ...panel({
                  targets: [
                    {
                      refId: 'A',
                      datasource: { type: 'elasticsearch', uid: 'logs' },
                      query: 'service.name:"nexus"',
                      metrics: [{ type: 'count', id: '1' }],
                      bucketAggs: [],
                    },
                  ],
                }),
                datasource: { type: 'elasticsearch', uid: 'logs' },
              },
            ],
          }),
        ),
      ],
    },
  ],
  invalid: [
    {
      files: [q('SELECT mean("usage_idle") FORM "cpu" WHERE $timeFilter')],
      errors: [{ file: 'd.json', messageId: 'syntax' }],
    },
    {
      files: [q('SELECT mean("x") FROM "cpu" WHERE $timeFilter GROUP BY time(1m) fill(zero)')],
      errors: [{ file: 'd.json', messageId: 'syntax' }],
    },
    { files: [q('SELECT mean("x") FROM "cpu" WHERE host = \'a')], errors: [{ file: 'd.json', messageId: 'syntax' }] },
    {
      catalog: { dashboards: [dashboardDef([{ kind: 'raw', database: 'system', text: 'SELECT FROM' }])] },
      errors: [{ file: 'dashboards/artefacts.ts', messageId: 'syntax' }],
    },
  ],
});
