import type { LintRule } from '../types.js';
import { patternsOverlap } from './es-template-overlap.js';

/**
 * Elasticsearch's built-in `logs` index template (stack.templates.enabled, on by default) matches
 * `logs-*-*` at priority 100, so it also matches Calvinverse's daily `logs-<area>-<app>-<date>`.
 * Only one composable template applies to an index, the highest priority one:
 * - below 100 the built-in one wins and the template never applies;
 * - at 100 with overlapping patterns Elasticsearch rejects the PUT itself (two overlapping
 *   composable templates may not share a priority);
 * - a legacy template (`_template`, `order`) never applies once any composable template matches,
 *   whatever its order, so on logs-* it is always beaten by the built-in one.
 */
const BUILTIN_LOGS_PRIORITY = 100;
const BUILTIN_LOGS_PATTERN = 'logs-*-*';
const coversLogs = (pattern: string): boolean => patternsOverlap(pattern, BUILTIN_LOGS_PATTERN);

export const rule: LintRule = {
  meta: {
    id: 'es-template-priority',
    type: 'problem',
    severity: 'error',
    docs: {
      description: 'logs-* index templates beat the built-in logs template (priority 100)',
      hint: 'Set "priority" above 100, e.g. 200 (and use PUT _index_template, not the legacy _template API).',
    },
    messages: {
      low:
        'Template "{{name}}" matches {{patterns}} with priority {{priority}}: the built-in logs-*-* template ' +
        '(priority 100) wins for logs-<a>-<b> indices.',
      equal:
        'Template "{{name}}" matches {{patterns}} with priority 100, the priority of the built-in logs-*-* ' +
        'template: Elasticsearch rejects the PUT (overlapping composable templates cannot share a priority).',
      legacy:
        'Legacy template "{{name}}" (order {{order}}) matches {{patterns}}: the built-in composable logs-*-* ' +
        'template matches logs-<a>-<b> indices, and Elasticsearch then ignores every legacy template.',
    },
  },
  create(context) {
    return {
      'es-template': (t) => {
        if (!t.patterns.some(coversLogs)) return;
        const patterns = t.patterns.join(', ');
        if (!t.composable) {
          context.report({ node: t, messageId: 'legacy', data: { name: t.name, patterns, order: t.order ?? 0 } });
          return;
        }
        const priority = t.priority ?? 0;
        if (priority > BUILTIN_LOGS_PRIORITY) return;
        context.report({
          node: t,
          messageId: priority === BUILTIN_LOGS_PRIORITY ? 'equal' : 'low',
          data: { name: t.name, patterns, priority },
        });
      },
    };
  },
};
