import type { LintRule } from '../types.js';
import { didYouMean } from '../util/suggest.js';

/** A field that the measurement's collector never writes (for measurements with a fixed field set). */
export const rule: LintRule = {
  meta: {
    id: 'grafana-unknown-field',
    type: 'problem',
    severity: 'error',
    docs: {
      description: 'Queries read fields the measurement has',
      hint: 'Use a field the collector writes (see the Telegraf plugin documentation of the measurement).',
    },
    messages: { unknown: 'Measurement "{{measurement}}" has no field "{{field}}".{{suggestion}}' },
  },
  create(context) {
    return {
      influxql(q) {
        for (const f of q.facts) {
          if (f.measurements.length !== 1) continue;
          const name = f.measurements[0]?.name;
          const fields = name ? context.knowledge.fieldsOf(name) : undefined;
          if (!name || !fields) continue;
          for (const field of f.fields) {
            if (fields.has(field.name) || field.name.includes('$') || field.name === 'time') continue;
            const at = q.text !== undefined && field.pos ? q.locate(field.pos) : {};
            context.report({
              node: q,
              ...at,
              messageId: 'unknown',
              data: { measurement: name, field: field.name, suggestion: didYouMean(field.name, fields) },
            });
          }
        }
      },
    };
  },
};
