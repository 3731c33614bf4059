import type { LintRule } from '../types.js';

/** What `logstash -t` would reject, found in milliseconds instead of 15 seconds. */
export const rule: LintRule = {
  meta: {
    id: 'logstash-syntax',
    type: 'problem',
    severity: 'error',
    docs: {
      description: 'Logstash pipeline configs parse',
      hint: 'Fix the config where the parser stopped; comments start with #, not //.',
    },
    messages: { syntax: '{{message}}', comment: '{{message}}' },
  },
  create(context) {
    return {
      'logstash-file': (f) => {
        for (const e of f.errors) {
          if (e.kind === 'outside-section') continue;
          context.report({
            node: f,
            line: e.line,
            column: e.column,
            messageId: e.kind === 'bad-comment' ? 'comment' : 'syntax',
            data: { message: e.message },
          });
        }
      },
    };
  },
};
