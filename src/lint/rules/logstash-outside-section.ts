import type { LintRule } from '../types.js';

/**
 * Logstash only accepts input/filter/output sections at the top level. A file that wraps sections in
 * a conditional is rejected as a whole, and with it the pipeline it is concatenated into.
 */
export const rule: LintRule = {
  meta: {
    id: 'logstash-outside-section',
    type: 'problem',
    severity: 'error',
    docs: {
      description: 'Statements sit inside input, filter or output sections',
      hint: 'Move the conditional inside each section: filter { if ... { } } output { if ... { } }.',
    },
    messages: { outside: '{{message}}' },
  },
  create(context) {
    return {
      'logstash-file': (f) => {
        for (const e of f.errors)
          if (e.kind === 'outside-section')
            context.report({
              node: f,
              line: e.line,
              column: e.column,
              messageId: 'outside',
              data: { message: e.message },
            });
      },
    };
  },
};
