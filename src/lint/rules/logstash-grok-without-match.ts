import type { LintRule } from '../types.js';

/**
 * A grok with no `match` never succeeds: its add_tag/remove_tag/add_field only run on success, so
 * they never run, and every event gets `_grokparsefailure` instead.
 */
export const rule: LintRule = {
  meta: {
    id: 'logstash-grok-without-match',
    type: 'problem',
    severity: 'error',
    docs: {
      description: 'grok filters have a match',
      hint: 'To only change tags, use mutate { add_tag => [...] remove_tag => [...] }.',
    },
    messages: {
      noMatch: 'grok has no match, so its {{settings}} never apply (and _grokparsefailure is added to every event).',
    },
  },
  create(context) {
    return {
      'logstash-plugin': (p) => {
        if (p.plugin.name !== 'grok' || p.section !== 'filter') return;
        const names = new Set(p.plugin.attributes.map((a) => a.name));
        if (names.has('match')) return;
        const onSuccess = ['add_tag', 'remove_tag', 'add_field', 'remove_field'].filter((n) => names.has(n));
        context.report({
          node: p,
          messageId: 'noMatch',
          data: { settings: onSuccess.length ? onSuccess.join(', ') : 'settings' },
        });
      },
    };
  },
};
