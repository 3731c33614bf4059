import { settingPairs } from '../model/logstash.js';
import type { LintRule } from '../types.js';

/** `[for|on]` is a character class (one of f, o, r, |, n), not the alternation `(for|on)` it reads as. */
const BRACKET_WORDS = /\[([A-Za-z]{2,}(?:\|[A-Za-z]+)+)\]/g;

export const rule: LintRule = {
  meta: {
    id: 'logstash-grok-bracket-alternation',
    type: 'problem',
    severity: 'error',
    docs: {
      description: 'No word alternation written as a character class in grok/regex',
      hint: 'Use a group: (?:for|on).',
    },
    messages: {
      bracket: '"[{{words}}]" matches one character of "{{words}}", not one of the words; write (?:{{words}}).',
    },
  },
  create(context) {
    return {
      'logstash-plugin': (p) => {
        if (p.plugin.name !== 'grok') return;
        const sources = [...settingPairs(p.plugin, 'match'), ...settingPairs(p.plugin, 'pattern_definitions')];
        for (const pair of sources) {
          for (const v of pair.values) {
            for (const m of v.value.replace(/%\{[^}]*\}/g, (s) => ' '.repeat(s.length)).matchAll(BRACKET_WORDS)) {
              context.report({
                node: p,
                line: v.loc.start.line,
                column: v.loc.start.column,
                messageId: 'bracket',
                data: { words: m[1] as string },
              });
            }
          }
        }
      },
    };
  },
};
