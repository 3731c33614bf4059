import type { LintRule } from '../types.js';

/** Two panels with one id: links, alerts and "view panel" address the wrong one. */
export const rule: LintRule = {
  meta: {
    id: 'grafana-duplicate-panel-id',
    type: 'problem',
    severity: 'error',
    docs: {
      description: 'Panel ids are unique within a dashboard',
      hint: "Give every panel its own id (calvin's builders number them for you).",
    },
    messages: { duplicate: 'Panel id {{id}} is used again (first by "{{first}}").' },
  },
  create(context) {
    return {
      'grafana-dashboard': (d) => {
        const seen = new Map<number, string>();
        for (const p of d.panels) {
          if (p.id === undefined) continue;
          const first = seen.get(p.id);
          if (first !== undefined) context.report({ node: p, messageId: 'duplicate', data: { id: p.id, first } });
          else seen.set(p.id, p.title);
        }
      },
    };
  },
};
