import path from 'node:path';
import type { LintRule } from '../types.js';

/** A dashboard or pipeline file beside a manifest that the manifest never pushes: it is never deployed. */
export const rule: LintRule = {
  meta: {
    id: 'manifest-unlisted-file',
    type: 'suggestion',
    severity: 'warning',
    docs: {
      description: 'Files in a KV manifest folder are listed in the manifest',
      hint: 'Add the file to the manifest, or delete it if it is obsolete.',
    },
    messages: { unlisted: '{{file}} is never pushed: {{manifest}} does not list it.' },
  },
  create(context) {
    return {
      'kv-manifest': (m) => {
        const listed = new Set(m.entries.map((e) => e.file));
        const folders = new Set(m.entries.map((e) => path.posix.dirname(e.file)));
        for (const f of [...m.existing].sort()) {
          if (
            listed.has(f) ||
            `${m.baseDir}/${f}` === m.file ||
            !folders.has(path.posix.dirname(f)) ||
            !/\.(json|ctmpl|conf|ya?ml)$/.test(f)
          )
            continue;
          context.report({
            node: { file: `${m.baseDir}/${f}`, line: 1, column: 1 },
            messageId: 'unlisted',
            data: { file: f, manifest: path.posix.basename(m.file) },
          });
        }
      },
    };
  },
};
