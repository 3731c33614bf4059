import { rule } from '../../../../src/lint/rules/influxql-high-cardinality-regex.js';
import { dashboard, json, panel, target, ruleTester } from '../rule-tester.js';
import { dashboardDef, diskQuery } from '../definitions.js';

const q = (query: string) => json('d.json', dashboard({ panels: [panel({ targets: [target({ query })] })] }));

ruleTester(rule, {
  valid: [
    { files: [q('SELECT mean("x") FROM "cpu" WHERE "host" =~ /^$host$/ AND $timeFilter')] },
    { files: [q('SELECT mean("x") FROM "cpu" WHERE "host" =~ /^nexus-01$/ AND $timeFilter')] },
    { files: [q('SELECT mean("x") FROM "cpu" WHERE "environment" =~ /.*/ AND $timeFilter')] },
  ],
  invalid: [
    {
      files: [q('SELECT mean("x") FROM "cpu" WHERE "host" =~ /.*/ AND $timeFilter')],
      errors: [{ file: 'd.json', messageId: 'regex' }],
    },
    {
      files: [q('SELECT mean("x") FROM "procstat" WHERE "pid" =~ /^.*$/ AND $timeFilter')],
      errors: [{ file: 'd.json', messageId: 'regex' }],
    },
    {
      catalog: {
        dashboards: [
          dashboardDef([
            diskQuery({ where: [{ key: 'path', op: '=~', value: { kind: 'regex', pattern: '.*data.*' } }] }),
          ]),
        ],
      },
      errors: [{ file: 'dashboards/artefacts.ts', messageId: 'regex' }],
    },
  ],
});
