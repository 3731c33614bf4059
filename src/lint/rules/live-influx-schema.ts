import type { InfluxQLNode, LintRule } from '../types.js';

/**
 * With --live: the measurements, fields and tags a query reads exist in InfluxDB with data in the
 * last N days (SHOW MEASUREMENTS / FIELD KEYS / TAG KEYS gathered before the rules run).
 */
export const rule: LintRule = {
  meta: {
    id: 'live-influx-schema',
    type: 'problem',
    severity: 'error',
    docs: {
      description: '(--live) queried measurements, fields and tags exist in InfluxDB',
      hint: 'Check the name, the database, and that the collector is running.',
    },
    messages: {
      measurement: 'Measurement "{{name}}" has no data in database "{{database}}" in the last {{days}} days.',
      field: 'Measurement "{{measurement}}" has no field "{{name}}" in database "{{database}}".',
      tag: 'Measurement "{{measurement}}" has no tag "{{name}}" in database "{{database}}".',
    },
  },
  create(context) {
    const live = context.project.live;
    const databaseOf = (q: InfluxQLNode, explicit?: string): string | undefined => {
      if (explicit) return explicit;
      if (q.database) return q.database;
      if (q.datasource)
        return (
          live?.datasourceDatabases.get(q.datasource) ?? context.knowledge.datasourceByNameOrUid(q.datasource)?.database
        );
      return undefined;
    };
    return {
      influxql(q) {
        if (!live?.influx) return;
        for (const f of q.facts) {
          for (const m of f.measurements) {
            const database = databaseOf(q, m.database);
            const db = database ? live.influx.get(database) : undefined;
            if (!db || !database || !m.name) continue;
            const at = (pos: number): { line?: number; column?: number } =>
              q.text !== undefined && pos ? q.locate(pos) : {};
            if (!db.measurements.has(m.name)) {
              context.report({
                node: q,
                ...at(m.pos),
                messageId: 'measurement',
                data: { name: m.name, database, days: live.days },
              });
              continue;
            }
            const fields = db.fields.get(m.name);
            const tags = db.tags.get(m.name);
            for (const field of f.fields) {
              if (field.name === 'time' || field.name.includes('$') || fields?.has(field.name) || tags?.has(field.name))
                continue;
              context.report({
                node: q,
                ...at(field.pos),
                messageId: 'field',
                data: { name: field.name, measurement: m.name, database },
              });
            }
            for (const tag of f.tagKeys) {
              if (tag.name.includes('$') || tags?.has(tag.name) || fields?.has(tag.name)) continue;
              context.report({
                node: q,
                ...at(tag.pos),
                messageId: 'tag',
                data: { name: tag.name, measurement: m.name, database },
              });
            }
          }
        }
      },
    };
  },
};
