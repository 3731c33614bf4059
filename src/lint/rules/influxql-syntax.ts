import type { LintRule } from '../types.js';

/** A query InfluxDB would reject. */
export const rule: LintRule = {
  meta: {
    id: 'influxql-syntax',
    type: 'problem',
    severity: 'error',
    docs: {
      description: 'InfluxQL queries parse',
      hint:
        'Fix the query where the parser stopped; quote identifiers that contain dots, dashes or keywords ' +
        'with double quotes.',
    },
    messages: { syntax: 'InfluxQL syntax error at offset {{offset}}: {{message}} in "{{query}}".' },
  },
  create(context) {
    return {
      influxql(q) {
        if (!q.error || q.text === undefined) return;
        const query = q.text.length > 120 ? `${q.text.slice(0, 117)}...` : q.text;
        context.report({
          node: q,
          ...q.locate(q.error.offset),
          messageId: 'syntax',
          data: { offset: q.error.offset, message: q.error.message, query },
        });
      },
    };
  },
};
