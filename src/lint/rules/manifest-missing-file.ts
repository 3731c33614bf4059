import type { LintRule } from '../types.js';
import { closest } from '../util/suggest.js';

/** A Consul-KV manifest entry whose file does not exist: the push fails, or the key keeps its old content. */
export const rule: LintRule = {
  meta: {
    id: 'manifest-missing-file',
    type: 'problem',
    severity: 'error',
    docs: {
      description: 'KV manifest entries name files that exist',
      hint: 'Fix the file name in the manifest (or rename the file).',
    },
    messages: { missing: 'Manifest entry for {{key}} names {{file}}, which does not exist.{{suggestion}}' },
  },
  create(context) {
    return {
      'kv-manifest': (m) => {
        for (const e of m.entries) {
          if (m.existing.has(e.file)) continue;
          const c = closest(e.file, m.existing);
          context.report({
            node: m,
            line: e.line,
            column: e.column,
            messageId: 'missing',
            data: { key: e.key, file: e.file, suggestion: c ? ` Did you mean "${c}"?` : '' },
          });
        }
      },
    };
  },
};
