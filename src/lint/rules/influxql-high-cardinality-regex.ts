import type { LintRule } from '../types.js';

/** Regexes that match every value (or any value containing a substring): InfluxDB must test every series of the tag. */
const CATCH_ALL = /^(\^?\.[*+]\$?|\.\*.*|.*\.\*)$/;

export const rule: LintRule = {
  meta: {
    id: 'influxql-high-cardinality-regex',
    type: 'problem',
    severity: 'warning',
    docs: {
      description: 'No catch-all or unanchored regex on a high-cardinality tag (host, ids, paths)',
      hint:
        'Drop the condition if it should match everything, compare with = for one value, or anchor the ' +
        'regex (/^name$/).',
    },
    messages: { regex: 'Regex /{{pattern}}/ on high-cardinality tag "{{tag}}" scans every series of that tag.' },
  },
  create(context) {
    const tags = context.knowledge.highCardinalityTags;
    return {
      influxql(q) {
        for (const f of q.facts) {
          for (const c of f.tagConditions) {
            if (c.value.kind !== 'regex' || (c.op !== '=~' && c.op !== '!~') || !tags.has(c.key)) continue;
            const p = c.value.pattern;
            if (!CATCH_ALL.test(p)) continue;
            const at = q.text !== undefined && c.pos ? q.locate(c.pos) : {};
            context.report({ node: q, ...at, messageId: 'regex', data: { pattern: p, tag: c.key } });
          }
        }
      },
    };
  },
};
