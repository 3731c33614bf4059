import type { LintRule } from '../types.js';

/** A file lint could not read as what its extension says (e.g. broken JSON). */
export const rule: LintRule = {
  meta: {
    id: 'parse-error',
    type: 'problem',
    severity: 'error',
    docs: { description: 'Files parse', hint: 'Fix the syntax at the reported position.' },
    messages: { parse: '{{message}}' },
  },
  create(context) {
    return {
      project: ({ project }) => {
        for (const u of project.unparsable)
          context.report({ node: u, messageId: 'parse', data: { message: u.message } });
      },
    };
  },
};
