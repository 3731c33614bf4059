import { rule } from '../../../../src/lint/rules/alert-measurement-not-on-dashboard.js';
import { dashboard, json, panel, target, ruleTester, text } from '../rule-tester.js';
import { alertDef, dashboardDef, diskQuery } from '../definitions.js';

const diskTick = text(
  'alerts/disk.tick',
  "stream\n    |from()\n        .measurement('disk')\n    |alert()\n        .message('https://r/disk')\n",
);
const diskPanel = json(
  'd.json',
  dashboard({ panels: [panel({ targets: [target({ measurement: 'disk', field: 'used_percent' })] })] }),
);
const memPanel = json(
  'd.json',
  dashboard({ panels: [panel({ targets: [target({ measurement: 'mem', field: 'used_percent' })] })] }),
);

ruleTester(rule, {
  valid: [
    { catalog: { alerts: [alertDef()], dashboards: [dashboardDef([diskQuery()])] } },
    {
      files: [
        json(
          'd.json',
          dashboard({ panels: [panel({ targets: [target({ measurement: 'disk', field: 'used_percent' })] })] }),
        ),
      ],
      catalog: { alerts: [alertDef()] },
    },
    // No dashboards at all in the linted set: nothing to compare with.
    { catalog: { alerts: [alertDef()] } },
    { files: [diskTick, diskPanel] },
  ],
  invalid: [
    // A raw TICKscript alert on disk, and the only dashboard draws mem.
    { files: [diskTick, memPanel], errors: [{ messageId: 'missing', line: 3, file: 'alerts/disk.tick' }] },
    {
      catalog: {
        alerts: [alertDef()],
        dashboards: [
          dashboardDef([
            diskQuery({ measurement: 'mem', select: [{ field: 'used_percent', functions: [{ fn: 'mean' }] }] }),
          ]),
        ],
      },
      errors: [{ file: 'alerts/artefacts.ts', messageId: 'missing' }],
    },
  ],
});
