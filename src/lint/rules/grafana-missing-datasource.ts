import type { LintRule } from '../types.js';

/**
 * A panel with queries but no datasource runs them on Grafana's default datasource. Calvinverse
 * provisions several InfluxDB databases and none as default, so the panel depends on which one
 * Grafana happens to pick.
 */
export const rule: LintRule = {
  meta: {
    id: 'grafana-missing-datasource',
    type: 'problem',
    severity: 'warning',
    docs: {
      description: 'Panels with queries name their datasource',
      hint: "Set the panel datasource (or each target's) to the provisioned datasource of the database it reads.",
    },
    messages: {
      missing: 'Panel "{{title}}" has queries but no datasource: it runs on whatever datasource is the default.',
    },
  },
  create(context) {
    const hasDefault = context.knowledge.datasources.some((d) => d.isDefault);
    return {
      'grafana-panel': (p) => {
        if (hasDefault || p.targetCount === 0 || p.datasource !== null) return;
        if (p.queries.length > 0 && p.queries.every((q) => q.datasource !== null)) return;
        context.report({ node: p, messageId: 'missing', data: { title: p.title } });
      },
    };
  },
};
