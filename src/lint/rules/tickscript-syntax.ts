import { checkTickscript } from '../../lang/tickscript/index.js';
import type { LintRule } from '../types.js';

/** TICKscript that Kapacitor would refuse to define. */
export const rule: LintRule = {
  meta: {
    id: 'tickscript-syntax',
    type: 'problem',
    severity: 'error',
    docs: { description: 'TICKscripts parse', hint: 'Fix the script where the checker stopped.' },
    messages: { syntax: '{{message}}' },
  },
  create(context) {
    return {
      tickscript: (t) => {
        for (const p of checkTickscript(t.text))
          context.report({
            node: t,
            line: p.line,
            column: p.column,
            messageId: 'syntax',
            data: { message: p.message },
          });
      },
    };
  },
};
