/** Chronograf sanitises notes with bluemonday's UGC policy (server/cells.go ValidateNote). */
import { rule } from '../../../../src/lint/rules/chronograf-note-rewritten.js';
import type { Panel } from '../../../../src/define/types.js';
import { dashboardDef, diskQuery } from '../definitions.js';
import { ruleTester } from '../rule-tester.js';

const withText = (content: string) => {
  const d = dashboardDef([diskQuery()]);
  const about: Panel = { type: 'text', title: 'About', width: 24, height: 3, queries: [], content };
  return { ...d, rows: [{ title: 'About', collapsed: false, panels: [about] }, ...d.rows] };
};

ruleTester(rule, {
  valid: [
    // Quotes and ampersands are only escaped (&#34;, &amp;): the reader sees the same text.
    { catalog: { dashboards: [withText('Run `calvin diagnose SERVICE` for "nexus" & friends')] } },
    // Allowed markup stays.
    { catalog: { dashboards: [withText('<b>Careful</b>: the <code>disk</code> panel')] } },
  ],
  invalid: [
    // The shipped environment overview before: "calvin diagnose <service>" lost its argument.
    {
      catalog: { dashboards: [withText('For one service run `calvin diagnose <service> --env $environment`.')] },
      errors: [{ file: 'dashboards/artefacts.ts', messageId: 'rewritten' }],
    },
    {
      catalog: { dashboards: [withText('Status: <script>alert(1)</script> ok')] },
      errors: [{ file: 'dashboards/artefacts.ts', messageId: 'rewritten' }],
    },
  ],
});
