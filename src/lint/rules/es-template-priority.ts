import type { LintRule } from '../types.js';

/** Elasticsearch's built-in `logs-*-*` template has priority 100; a logs template at or below it never applies. */
const BUILTIN_LOGS_PRIORITY = 100;
const coversLogs = (pattern: string): boolean => pattern.startsWith('logs-') || pattern === 'logs*' || pattern === '*';

export const rule: LintRule = {
  meta: {
    id: 'es-template-priority',
    type: 'problem',
    severity: 'error',
    docs: { description: 'logs-* index templates beat the built-in logs template (priority 100)', hint: 'Set "priority" above 100, e.g. 200.' },
    messages: { low: 'Template "{{name}}" matches {{patterns}} with priority {{priority}}: the built-in logs-*-* template (priority 100) wins for logs-<a>-<b> indices.' },
  },
  create(context) {
    return {
      'es-template': (t) => {
        if (!t.composable || !t.patterns.some(coversLogs)) return;
        const priority = t.priority ?? 0;
        if (priority > BUILTIN_LOGS_PRIORITY) return;
        context.report({ node: t, messageId: 'low', data: { name: t.name, patterns: t.patterns.join(', '), priority } });
      },
    };
  },
};
