import { DEFAULT_ENVIRONMENT } from '../../../../src/define/environment.js';
import { rule } from '../../../../src/lint/rules/live-environment-model.js';
import { dashboardDef, diskQuery } from '../definitions.js';
import { ruleTester } from '../rule-tester.js';

const live = (environment = DEFAULT_ENVIRONMENT) => ({ days: 1, datasourceDatabases: new Map(), environment });
const catalog = { dashboards: [dashboardDef([diskQuery()])] };

ruleTester(rule, {
  valid: [
    { catalog },
    // Without --live there is nothing to compare with.
    { catalog, live: { days: 1, datasourceDatabases: new Map() } },
    { catalog, live: live() },
  ],
  invalid: [
    {
      catalog,
      live: live({ ...DEFAULT_ENVIRONMENT, databases: { ...DEFAULT_ENVIRONMENT.databases, statsd: 'statsd' } }),
      errors: [{ file: 'consul-kv:config/services/metrics/databases/', messageId: 'differs' }],
    },
    {
      catalog,
      live: live({ ...DEFAULT_ENVIRONMENT, datasources: DEFAULT_ENVIRONMENT.datasources.slice(1) }),
      errors: [{ file: 'consul-kv:config/services/metrics/databases/', messageId: 'differs' }],
    },
  ],
});
