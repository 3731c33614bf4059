import type { LintRule } from '../types.js';

const RUNBOOK = /runbook|https?:\/\/|\bcalvin diagnose\b/i;

/** A Grafana (legacy panel) alert whose message, tags and panel links give the on-call engineer nothing to follow. */
export const rule: LintRule = {
  meta: {
    id: 'grafana-alert-without-runbook',
    type: 'problem',
    severity: 'error',
    docs: {
      description: 'Every Grafana alert links a runbook',
      hint: 'Add a runbook URL to the alert message or a panel link titled "Runbook".',
    },
    messages: { missing: 'Alert "{{name}}" has no runbook link (message: "{{message}}").' },
  },
  create(context) {
    return {
      'grafana-alert': (a) => {
        if (a.runbookText.some((t) => RUNBOOK.test(t))) return;
        context.report({ node: a, messageId: 'missing', data: { name: a.name, message: a.message } });
      },
    };
  },
};
