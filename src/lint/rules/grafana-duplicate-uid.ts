import type { LintRule } from '../types.js';

/**
 * Two dashboards with one uid: provisioning keeps only one of them, the other silently disappears.
 * Byte-identical copies (one dashboard in two delivery forms, API body and KV file) are not a clash.
 */
export const rule: LintRule = {
  meta: {
    id: 'grafana-duplicate-uid',
    type: 'problem',
    severity: 'error',
    docs: { description: 'Dashboard uids are unique across files', hint: 'Give each dashboard its own uid.' },
    messages: { duplicate: 'Dashboard uid "{{uid}}" is also used by {{other}}.' },
  },
  create(context) {
    return {
      project: ({ project }) => {
        const byUid = new Map<string, typeof project.dashboards>();
        for (const d of project.dashboards) if (d.uid) byUid.set(d.uid, [...(byUid.get(d.uid) ?? []), d]);
        for (const [uid, list] of byUid) {
          if (list.length < 2) continue;
          const bodies = new Set(list.map((d) => JSON.stringify(d.json)));
          if (bodies.size === 1) continue;
          for (const d of list)
            context.report({
              node: d,
              messageId: 'duplicate',
              data: {
                uid,
                other: list
                  .filter((o) => o !== d)
                  .map((o) => o.file)
                  .join(', '),
              },
            });
        }
      },
    };
  },
};
