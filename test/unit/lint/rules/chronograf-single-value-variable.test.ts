import { rule } from '../../../../src/lint/rules/chronograf-single-value-variable.js';
import type { Query, Variable } from '../../../../src/define/types.js';
import { dashboardDef, diskQuery } from '../definitions.js';
import { ruleTester } from '../rule-tester.js';

const host = (multi: boolean, includeAll: boolean): Variable => ({
  kind: 'query',
  name: 'host',
  database: 'system',
  measurement: 'cpu',
  tag: 'host',
  multi,
  includeAll,
});
const filtered = diskQuery({ where: [{ key: 'host', op: '=~', value: { kind: 'variable', name: 'host' } }] });
const raw: Query = {
  kind: 'raw',
  database: 'system',
  text: 'SELECT max("used_percent") FROM "disk" WHERE "host" =~ /^$host$/ AND $timeFilter GROUP BY "host"',
};

ruleTester(rule, {
  valid: [
    // Typed queries: the renderer drops the filter for Chronograf and keeps GROUP BY "host".
    { catalog: { dashboards: [dashboardDef([filtered], { variables: [host(true, true)] })] } },
    // A single-value variable means one host in both tools.
    { catalog: { dashboards: [dashboardDef([raw], { variables: [host(false, false)] })] } },
  ],
  invalid: [
    // Raw InfluxQL on "All" hosts: Chronograf's :host: holds one value.
    {
      catalog: { dashboards: [dashboardDef([raw], { variables: [host(true, true)] })] },
      errors: [{ file: 'dashboards/artefacts.ts', messageId: 'single' }],
    },
    {
      catalog: { dashboards: [dashboardDef([raw], { variables: [host(false, true)] })] },
      errors: [{ file: 'dashboards/artefacts.ts', messageId: 'single' }],
    },
  ],
});
