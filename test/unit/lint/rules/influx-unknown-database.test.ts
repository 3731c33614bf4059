import { rule } from '../../../../src/lint/rules/influx-unknown-database.js';
import { DEFAULT_ENVIRONMENT } from '../../../../src/define/environment.js';
import { alertDef, dashboardDef, diskQuery, serviceDef } from '../definitions.js';
import { dashboard, json, panel, ruleTester, target, text } from '../rule-tester.js';

const statsdAlert = alertDef({ query: { ...alertDef().query, database: 'statsd', measurement: 'raft_commitTime' } });
// metrics.yaml of an environment whose Telegraf writes statsd metrics to their own database.
const STATSD_ROUTED = text(
  'config/kv/config/services/metrics/metrics.yaml',
  'config:\n  - key: config/services/metrics/databases/statsd\n    value: statsd\n',
);

ruleTester(rule, {
  valid: [
    { catalog: { dashboards: [dashboardDef([diskQuery()])], alerts: [alertDef()], services: [serviceDef()] } },
    // Calvinverse routes statsd to `services`: reading raft_* from there is right.
    {
      catalog: {
        alerts: [alertDef({ query: { ...alertDef().query, database: DEFAULT_ENVIRONMENT.databases.statsd } })],
      },
    },
    // An environment whose KV routes statsd to a `statsd` database has one.
    { files: [STATSD_ROUTED], catalog: { alerts: [statsdAlert] } },
    // Raw queries without a database prefix read the datasource's database: not this rule's business.
    {
      files: [
        json(
          'd.json',
          dashboard({ panels: [panel({ targets: [target({ query: 'SELECT 1 FROM "cpu" WHERE $timeFilter' })] })] }),
        ),
      ],
    },
    // Under --live, the real KV decides.
    {
      catalog: { alerts: [statsdAlert] },
      live: {
        days: 1,
        datasourceDatabases: new Map(),
        environment: {
          ...DEFAULT_ENVIRONMENT,
          databases: { system: 'system', services: 'services', statsd: 'statsd' },
        },
      },
    },
  ],
  invalid: [
    // The shipped definitions before the environment model: 16 panels and 5 alerts read `statsd`.
    {
      catalog: { dashboards: [dashboardDef([diskQuery({ database: 'statsd' })])] },
      errors: [{ file: 'dashboards/artefacts.ts', messageId: 'unknown' }],
    },
    { catalog: { alerts: [statsdAlert] }, errors: [{ file: 'alerts/artefacts.ts', messageId: 'unknown' }] },
    {
      catalog: { services: [serviceDef({ metrics: { ...serviceDef().metrics, database: 'statsd' } })] },
      errors: [{ file: 'services/artefacts.ts', messageId: 'unknown' }],
    },
    {
      catalog: {
        dashboards: [
          dashboardDef([diskQuery()], {
            variables: [
              { kind: 'query', name: 'host', database: 'telegraf', tag: 'host', multi: false, includeAll: false },
            ],
          }),
        ],
      },
      errors: [{ file: 'dashboards/artefacts.ts', messageId: 'unknown' }],
    },
    // A raw query naming a database nobody writes.
    {
      files: [
        json(
          'd.json',
          dashboard({
            panels: [
              panel({
                targets: [
                  target({ query: 'SELECT mean("value") FROM "statsd"."autogen"."raft_apply" WHERE $timeFilter' }),
                ],
              }),
            ],
          }),
        ),
      ],
      errors: [{ file: 'd.json', messageId: 'unknown' }],
    },
  ],
});
