import { rule } from '../../../../src/lint/rules/influxql-raw-query.js';
import { ruleTester } from '../rule-tester.js';
import { dashboardDef, diskQuery } from '../definitions.js';

ruleTester(rule, {
  valid: [{ catalog: { dashboards: [dashboardDef([diskQuery()])] } }],
  invalid: [
    {
      catalog: {
        dashboards: [
          dashboardDef([
            {
              kind: 'raw',
              database: 'system',
              text: 'SELECT count(tot) FROM (SELECT max("uptime") AS "tot" FROM "system" WHERE $timeFilter GROUP BY "host")',
            },
          ]),
        ],
      },
      errors: [{ file: 'dashboards/artefacts.ts', messageId: 'raw' }],
    },
  ],
});
