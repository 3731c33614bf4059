import path from 'node:path';
import { settingStrings } from '../model/logstash.js';
import type { LintRule } from '../types.js';

/** A patterns_dir that does not exist: Logstash fails at start-up, or the patterns it should supply are undefined. */
export const rule: LintRule = {
  meta: {
    id: 'logstash-patterns-dir',
    type: 'problem',
    severity: 'error',
    docs: {
      description: 'patterns_dir points at a folder that exists (in the repository or on this machine)',
      hint: 'Ship the patterns folder with the pipeline (and deploy it), or use pattern_definitions.',
    },
    messages: {
      missing: 'patterns_dir "{{dir}}" exists neither on this machine nor beside the pipeline in the repository.',
    },
  },
  create(context) {
    return {
      'logstash-plugin': (p) => {
        for (const d of settingStrings(p.plugin, 'patterns_dir')) {
          const beside = path.join(path.dirname(p.file), path.basename(d.value));
          if (context.project.fileExists(d.value) || context.project.fileExists(beside)) continue;
          context.report({
            node: p,
            line: d.loc.start.line,
            column: d.loc.start.column,
            messageId: 'missing',
            data: { dir: d.value },
          });
        }
      },
    };
  },
};
