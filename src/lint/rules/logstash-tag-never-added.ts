import type { LintRule } from '../types.js';
import { isFailureTag, tagFacts } from './logstash-tags.js';

/** A condition on a tag that no input or filter adds: the branch (often a whole output) never runs. */
export const rule: LintRule = {
  meta: {
    id: 'logstash-tag-never-added',
    type: 'problem',
    severity: 'error',
    docs: {
      description: 'Conditions test tags that an input or filter adds',
      hint: 'Add the tag in the input/filter that should route here, or fix the tag name.',
    },
    messages: { never: 'Condition tests tag "{{tag}}", which no input or filter in {{pipeline}} adds.' },
  },
  create(context) {
    return {
      project: ({ project }) => {
        const facts = tagFacts(project);
        for (const [pipeline, tested] of facts.tested) {
          const added = new Set((facts.added.get(pipeline) ?? []).map((a) => a.tag));
          // Without any input in the pipeline, tags may come from elsewhere: nothing to compare with.
          if (!project.plugins.some((p) => p.pipeline === pipeline && p.section === 'input')) continue;
          for (const t of tested)
            if (!added.has(t.tag) && !isFailureTag(t.tag))
              context.report({ node: t.at, messageId: 'never', data: { tag: t.tag, pipeline } });
        }
      },
    };
  },
};
