import type { LintRule } from '../types.js';

/** With --live: log fields that dashboards and service log selectors query are mapped in the logs-* indices. */
export const rule: LintRule = {
  meta: {
    id: 'live-log-fields',
    type: 'problem',
    severity: 'error',
    docs: {
      description: '(--live) referenced log fields exist in the Elasticsearch mappings',
      hint:
        'Check the field name (ECS: host.name, service.name, log.level, process.name) and the log filters ' +
        'that should produce it.',
    },
    messages: { missing: 'Log field "{{field}}" is not mapped in any logs-* index.' },
  },
  create(context) {
    const fields = context.project.live?.logFields;
    return {
      'dashboard-def': (d) => {
        if (!fields) return;
        for (const row of d.definition.rows) {
          for (const p of row.panels) {
            const q = p.logQuery;
            if (!q) continue;
            const used = new Set<string>();
            if (q.groupBy) used.add(q.groupBy);
            for (const m of q.query.matchAll(/(?:^|[\s(])([A-Za-z_@][\w.@]*):/g)) used.add(m[1] as string);
            for (const f of used)
              if (!fields.has(f)) context.report({ node: d, messageId: 'missing', data: { field: f } });
          }
        }
      },
      'service-def': (s) => {
        if (!fields) return;
        const used: string[] = [];
        if (s.definition.logs.serviceNames.length) used.push('service.name');
        if (s.definition.logs.processNames.length) used.push('process.name');
        for (const f of used) if (!fields.has(f)) context.report({ node: s, messageId: 'missing', data: { field: f } });
      },
    };
  },
};
