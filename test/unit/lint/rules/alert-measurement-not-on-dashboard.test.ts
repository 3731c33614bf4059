import { rule } from '../../../../src/lint/rules/alert-measurement-not-on-dashboard.js';
import { dashboard, json, panel, target, ruleTester } from '../rule-tester.js';
import { alertDef, dashboardDef, diskQuery } from '../definitions.js';

ruleTester(rule, {
  valid: [
    { catalog: { alerts: [alertDef()], dashboards: [dashboardDef([diskQuery()])] } },
    { files: [json('d.json', dashboard({ panels: [panel({ targets: [target({ measurement: 'disk', field: 'used_percent' })] })] }))], catalog: { alerts: [alertDef()] } },
    // No dashboards at all in the linted set: nothing to compare with.
    { catalog: { alerts: [alertDef()] } },
  ],
  invalid: [{ catalog: { alerts: [alertDef()], dashboards: [dashboardDef([diskQuery({ measurement: 'mem', select: [{ field: 'used_percent', functions: [{ fn: 'mean' }] }] })])] }, errors: [{ messageId: 'missing' }] }],
});
