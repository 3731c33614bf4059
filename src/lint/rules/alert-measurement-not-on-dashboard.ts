import type { LintRule } from '../types.js';

/** An alert on a measurement no dashboard draws: whoever gets paged has nothing to look at. */
export const rule: LintRule = {
  meta: {
    id: 'alert-measurement-not-on-dashboard',
    type: 'suggestion',
    severity: 'warning',
    docs: {
      description: 'Alerted measurements appear on a dashboard',
      hint: 'Add a panel with the alerted measurement to the service dashboard.',
    },
    messages: { missing: 'Alert "{{name}}" watches "{{measurement}}", which no dashboard shows.' },
  },
  create(context) {
    return {
      project: ({ project }) => {
        if (project.dashboards.length === 0 && project.dashboardDefs.length === 0) return;
        const shown = new Set<string>();
        for (const q of project.queries)
          for (const f of q.facts) for (const m of f.measurements) if (m.name) shown.add(m.name);
        for (const a of project.alertDefs) {
          if (!shown.has(a.definition.query.measurement))
            context.report({
              node: a,
              ...(a.locate?.(a.definition.query.measurement) ?? {}),
              messageId: 'missing',
              data: { name: a.definition.name, measurement: a.definition.query.measurement },
            });
        }
        for (const a of project.tickscriptAlerts) {
          if (a.measurement !== undefined && !shown.has(a.measurement))
            context.report({
              node: a,
              ...(a.measurementAt ?? {}),
              messageId: 'missing',
              data: { name: a.name, measurement: a.measurement },
            });
        }
      },
    };
  },
};
