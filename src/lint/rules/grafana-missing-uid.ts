import type { LintRule } from '../types.js';

/** Without a uid Grafana invents one on every import: links and bookmarks break, deploys create duplicates. */
export const rule: LintRule = {
  meta: {
    id: 'grafana-missing-uid',
    type: 'problem',
    severity: 'warning',
    docs: {
      description: 'Dashboards have a stable uid',
      hint: 'Add "uid": a short stable name such as "network-unifi-uap".',
    },
    messages: { missing: 'Dashboard "{{title}}" has no uid.' },
  },
  create(context) {
    return {
      'grafana-dashboard': (d) => {
        if (!d.uid) context.report({ node: d, messageId: 'missing', data: { title: d.title } });
      },
    };
  },
};
