import { findNestedQuantifier } from '../grok/nested-quantifier.js';
import { settingPairs } from '../model/logstash.js';
import type { LintRule } from '../types.js';

/**
 * A grok expression or pattern definition with nested unbounded quantifiers (`(a+)+`) can take
 * exponential time on a line that almost matches: Logstash then abandons it after timeout_millis
 * and tags the event `_groktimeout`, and a pipeline worker is stuck meanwhile.
 */
export const rule: LintRule = {
  meta: {
    id: 'logstash-grok-nested-quantifier',
    type: 'problem',
    severity: 'warning',
    docs: {
      description: 'Grok expressions have no nested unbounded quantifiers',
      hint:
        'Make the inner or the outer repetition bounded, atomic (?>...) or possessive (a++), ' +
        'or anchor what separates the repetitions.',
    },
    messages: {
      nested: 'Grok {{where}} nests unbounded quantifiers in "{{group}}": it can backtrack for exponential time.',
    },
  },
  create(context) {
    return {
      'logstash-plugin': (p) => {
        if (p.plugin.name !== 'grok') return;
        for (const [setting, where] of [
          ['match', 'expression'],
          ['pattern_definitions', 'pattern definition'],
        ] as const) {
          for (const pair of settingPairs(p.plugin, setting)) {
            for (const v of pair.values) {
              const group = findNestedQuantifier(v.value);
              if (group === undefined) continue;
              context.report({
                node: p,
                line: v.loc.start.line,
                column: v.loc.start.column,
                messageId: 'nested',
                data: { where: setting === 'pattern_definitions' ? `${where} ${pair.key}` : where, group },
              });
            }
          }
        }
      },
    };
  },
};
