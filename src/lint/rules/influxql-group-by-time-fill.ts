import type { LintRule } from '../types.js';

/**
 * GROUP BY time() without fill() returns null for empty intervals: graphs break into dots and alerts see gaps as "no
 * data".
 */
export const rule: LintRule = {
  meta: {
    id: 'influxql-group-by-time-fill',
    type: 'suggestion',
    severity: 'warning',
    docs: {
      description: 'GROUP BY time() states how empty intervals are filled',
      hint: 'Add fill(null), fill(none), fill(previous), fill(linear) or fill(0) so the intent is explicit.',
    },
    messages: { missing: 'GROUP BY time({{interval}}) without fill(): empty intervals come back as null.' },
  },
  create(context) {
    return {
      influxql(q) {
        for (const f of q.facts) {
          if (!f.groupByTime || f.fill !== undefined) continue;
          const at = q.text !== undefined && f.groupByTime.pos ? q.locate(f.groupByTime.pos) : {};
          context.report({ node: q, ...at, messageId: 'missing', data: { interval: f.groupByTime.interval } });
        }
      },
    };
  },
};
