import type { LintRule } from '../types.js';

const SPECIAL = new Set([
  '-- Mixed --',
  '-- Grafana --',
  '-- Dashboard --',
  'default',
  'grafana',
  'mixed',
  'dashboard',
  'influxdb',
]);

/** A datasource reference that no provisioned datasource answers to: the panel shows "Datasource not found". */
export const rule: LintRule = {
  meta: {
    id: 'grafana-unknown-datasource',
    type: 'problem',
    severity: 'error',
    docs: {
      description: 'Panels, queries and variables use a datasource that is provisioned',
      hint:
        'Use the name or uid of a provisioned datasource (see the datasources/*.yaml files), or a ' +
        '$datasource variable.',
    },
    messages: { unknown: 'Datasource "{{name}}" is not provisioned (known: {{known}}).' },
  },
  create(context) {
    const known = context.knowledge.datasources;
    const check = (name: string | null, node: { file: string; line: number; column: number }): void => {
      if (!name || known.length === 0 || SPECIAL.has(name) || name.startsWith('$') || name.startsWith('${')) return;
      if (!context.knowledge.datasourceByNameOrUid(name))
        context.report({ node, messageId: 'unknown', data: { name, known: known.map((d) => d.name).join(', ') } });
    };
    return {
      'grafana-panel': (p) => {
        check(p.datasource, p);
        for (const q of p.queries) if (q.datasource !== p.datasource) check(q.datasource, q);
      },
      'grafana-variable': (v) => (v.type === 'query' ? check(v.datasource, v) : undefined),
    };
  },
};
