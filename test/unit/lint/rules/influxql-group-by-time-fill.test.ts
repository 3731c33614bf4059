import { rule } from '../../../../src/lint/rules/influxql-group-by-time-fill.js';
import { dashboard, json, panel, target, ruleTester } from '../rule-tester.js';
import { dashboardDef, diskQuery } from '../definitions.js';

const q = (query: string) => json('d.json', dashboard({ panels: [panel({ targets: [target({ query })] })] }));

ruleTester(rule, {
  valid: [
    { files: [q('SELECT mean("x") FROM "cpu" WHERE $timeFilter GROUP BY time($__interval) fill(null)')] },
    { files: [q('SELECT last("x") FROM "cpu" WHERE $timeFilter GROUP BY "host"')] },
    { files: [json('d.json', dashboard())] },
    { catalog: { dashboards: [dashboardDef([diskQuery()])] } },
  ],
  invalid: [
    {
      files: [q('SELECT mean("x") FROM "cpu" WHERE $timeFilter GROUP BY time(1m), "host"')],
      errors: [{ file: 'd.json', messageId: 'missing' }],
    },
    {
      catalog: { dashboards: [dashboardDef([diskQuery({ fill: undefined })])] },
      errors: [{ file: 'dashboards/artefacts.ts', messageId: 'missing' }],
    },
  ],
});
