import { GRAFANA_BUILTIN_VARIABLES } from '../knowledge/index.js';
import type { LintRule } from '../types.js';
import { didYouMean } from '../util/suggest.js';

const BUILTIN = new Set(GRAFANA_BUILTIN_VARIABLES);
const isBuiltin = (name: string): boolean => BUILTIN.has(name) || name.startsWith('tag_') || name.startsWith('__');

/**
 * `$name` used in a dashboard that defines no such variable: Grafana leaves the text as is and the query fails or
 * matches nothing.
 */
export const rule: LintRule = {
  meta: {
    id: 'grafana-undefined-variable',
    type: 'problem',
    severity: 'error',
    docs: {
      description: 'Dashboards define every variable they use',
      hint: 'Add the variable under templating.list, or fix the name.',
    },
    messages: { undefined: 'Variable "${{name}}" is used but not defined.{{suggestion}}' },
  },
  create(context) {
    return {
      'grafana-dashboard': (d) => {
        const defined = new Set(d.variables.map((v) => v.name));
        for (const [name, at] of [...d.referencedVariables].sort(([a], [b]) => (a < b ? -1 : 1))) {
          if (defined.has(name) || isBuiltin(name) || /^\d/.test(name)) continue;
          context.report({
            node: d,
            ...at,
            messageId: 'undefined',
            data: { name, suggestion: didYouMean(name, defined) },
          });
        }
      },
    };
  },
};
