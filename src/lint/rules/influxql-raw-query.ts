import type { LintRule } from '../types.js';

/** Imports keep InfluxQL the typed builder could not express as text; lint asks for the typed form. */
export const rule: LintRule = {
  meta: {
    id: 'influxql-raw-query',
    type: 'suggestion',
    severity: 'warning',
    docs: {
      description: 'Dashboard definitions use typed queries',
      hint:
        'Rewrite the query with the influxql builder (select/from/where) so names are escaped and lint can ' +
        'check it.',
    },
    messages: { raw: 'Raw InfluxQL in a definition: "{{text}}".' },
  },
  create(context) {
    return {
      'dashboard-def': (d) => {
        for (const row of d.definition.rows)
          for (const p of row.panels)
            for (const q of p.queries)
              if (q.kind === 'raw')
                context.report({
                  node: d,
                  messageId: 'raw',
                  data: { text: q.text.length > 80 ? `${q.text.slice(0, 77)}...` : q.text },
                });
      },
    };
  },
};
