import type { LintRule } from '../types.js';
import { tagFacts } from './logstash-tags.js';

/**
 * A routing tag (set by an input, or by a filter that swaps tags) that no condition ever tests: the
 * events it marks reach no output and are dropped. Informational tags (added without swapping)
 * are left alone.
 */
export const rule: LintRule = {
  meta: {
    id: 'logstash-unrouted-tag',
    type: 'problem',
    severity: 'warning',
    docs: {
      description: 'Every routing tag is tested by a filter or output',
      hint: 'Add an output (or filter) that handles events with this tag, or stop adding it.',
    },
    messages: {
      unrouted:
        'Tag "{{tag}}" is added but no filter or output in {{pipeline}} tests it: these events reach no output.',
    },
  },
  create(context) {
    return {
      project: ({ project }) => {
        const facts = tagFacts(project);
        for (const [pipeline, added] of facts.added) {
          const tested = new Set((facts.tested.get(pipeline) ?? []).map((t) => t.tag));
          for (const a of added)
            if (a.routing && !tested.has(a.tag))
              context.report({ node: a.at, messageId: 'unrouted', data: { tag: a.tag, pipeline } });
        }
      },
    };
  },
};
