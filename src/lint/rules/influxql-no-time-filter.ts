import type { LintRule } from '../types.js';

/** A SELECT without a time bound reads every point ever written: slow, and in Grafana it ignores the time picker. */
export const rule: LintRule = {
  meta: {
    id: 'influxql-no-time-filter',
    type: 'problem',
    severity: 'warning',
    docs: {
      description: 'SELECT queries bound time',
      hint: 'Add "AND $timeFilter" (Grafana) or a "time >= ..." condition.',
    },
    messages: { missing: 'Query of "{{measurement}}" has no time condition: it scans the whole retention period.' },
  },
  create(context) {
    return {
      influxql(q) {
        if (q.origin === 'grafana-variable') return;
        q.facts.forEach((f, i) => {
          if (f.hasTimeCondition || q.statements[i]?.kind === 'show') return;
          if (f.measurements.length === 0) return;
          const m = f.measurements[0];
          context.report({
            node: q,
            messageId: 'missing',
            data: { measurement: m?.name ?? m?.regex ?? m?.variable ?? '?' },
          });
        });
      },
    };
  },
};
