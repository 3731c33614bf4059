import type { LintRule } from '../types.js';

/** Panel types that show no query data. */
const NO_QUERY_TYPES = new Set([
  'text',
  'row',
  'dashlist',
  'news',
  'alertlist',
  'annolist',
  'welcome',
  'gettingstarted',
  'pluginlist',
  'nodeGraph-static',
]);

/** A data panel without queries draws "No data" forever. */
export const rule: LintRule = {
  meta: {
    id: 'grafana-panel-without-targets',
    type: 'problem',
    severity: 'warning',
    docs: { description: 'Data panels have at least one query', hint: 'Add a query to the panel or remove it.' },
    messages: { empty: 'Panel "{{title}}" ({{type}}) has no queries.' },
  },
  create(context) {
    return {
      'grafana-panel': (p) => {
        if (NO_QUERY_TYPES.has(p.type) || p.targetCount > 0) return;
        if (p.json.libraryPanel !== undefined) return;
        context.report({ node: p, messageId: 'empty', data: { title: p.title, type: p.type } });
      },
    };
  },
};
