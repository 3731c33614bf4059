import { rule } from '../../../../src/lint/rules/live-log-fields.js';
import type { LiveFacts } from '../../../../src/lint/live/facts.js';
import { ruleTester } from '../rule-tester.js';
import { dashboardDef, serviceDef } from '../definitions.js';

const live = (fields: string[]): LiveFacts => ({ days: 7, datasourceDatabases: new Map(), logFields: new Set(fields) });
const logDashboard = dashboardDef([], {
  rows: [
    {
      title: 'Logs',
      collapsed: false,
      panels: [
        {
          type: 'log-count',
          title: 'Errors',
          width: 12,
          height: 8,
          queries: [],
          logQuery: { indexPattern: 'logs-*', query: 'log.level:error', groupBy: 'host.name' },
        },
      ],
    },
  ],
});

ruleTester(rule, {
  valid: [
    {
      catalog: { dashboards: [logDashboard], services: [serviceDef()] },
      live: live(['log.level', 'host.name', 'service.name']),
    },
    { catalog: { services: [serviceDef()] } },
  ],
  invalid: [
    {
      catalog: { dashboards: [logDashboard] },
      live: live(['host.name']),
      errors: [{ file: 'dashboards/artefacts.ts', messageId: 'missing' }],
    },
    {
      catalog: { services: [serviceDef()] },
      live: live(['host.name']),
      errors: [{ file: 'services/artefacts.ts', messageId: 'missing' }],
    },
  ],
});
