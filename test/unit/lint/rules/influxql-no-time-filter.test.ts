import { rule } from '../../../../src/lint/rules/influxql-no-time-filter.js';
import { dashboard, json, panel, queryVariable, target, ruleTester } from '../rule-tester.js';
import { dashboardDef, diskQuery } from '../definitions.js';

const q = (query: string) => json('d.json', dashboard({ panels: [panel({ targets: [target({ query })] })] }));

ruleTester(rule, {
  valid: [
    { files: [q('SELECT mean("x") FROM "cpu" WHERE $timeFilter')] },
    { files: [q('SELECT mean("x") FROM "cpu" WHERE time >= now() - 1h')] },
    { files: [json('d.json', dashboard({ variables: [queryVariable('host')] }))] },
    { catalog: { dashboards: [dashboardDef([diskQuery()])] } },
  ],
  invalid: [
    {
      files: [q('SELECT last("passing") FROM "consul_health_checks" WHERE category=\'secrets\' GROUP BY "check_id"')],
      errors: [{ file: 'd.json', messageId: 'missing' }],
    },
    {
      catalog: { dashboards: [dashboardDef([diskQuery({ timeFilter: false })])] },
      errors: [{ file: 'dashboards/artefacts.ts', messageId: 'missing' }],
    },
  ],
});
