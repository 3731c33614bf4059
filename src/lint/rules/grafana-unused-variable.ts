import type { LintRule } from '../types.js';

/** A variable nothing references: a dropdown that changes nothing. */
export const rule: LintRule = {
  meta: {
    id: 'grafana-unused-variable',
    type: 'suggestion',
    severity: 'warning',
    docs: {
      description: 'Every dashboard variable is used by a query, title or repeat',
      hint:
        'Use the variable in the queries it should filter (e.g. WHERE "environment" =~ /^$environment$/), ' +
        'or remove it.',
    },
    messages: { unused: 'Variable "{{name}}" is defined but never used.' },
  },
  create(context) {
    return {
      'grafana-variable': (v) => {
        if (v.type === 'adhoc') return;
        if (!v.dashboard.referencedVariables.has(v.name))
          context.report({ node: v, messageId: 'unused', data: { name: v.name } });
      },
    };
  },
};
