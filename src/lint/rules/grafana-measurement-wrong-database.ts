import type { InfluxQLNode, LintRule } from '../types.js';

/**
 * A dashboard query reads a measurement from a database that Telegraf never writes it to: the panel
 * stays empty ("No data") although the metric is collected. Calvinverse routes every input with a
 * tag (`[inputs.statsd.tags] influxdb_database = "statsd"`) and each `[[outputs.influxdb]]` writes
 * the routes of its tagpass to its database (`config/services/metrics/databases/statsd` = services
 * in metrics.yaml). Only checked when both ends are known for certain: the measurement's databases
 * (every route resolved) and the database of the query's datasource (provisioning YAML).
 */
export const rule: LintRule = {
  meta: {
    id: 'grafana-measurement-wrong-database',
    type: 'problem',
    severity: 'error',
    docs: {
      description: 'Queries read measurements from the database Telegraf writes them to',
      hint:
        'Use the datasource of the database the measurement is written to (see the influxdb_database tag of ' +
        'its Telegraf input and the outputs.influxdb tagpass).',
    },
    messages: {
      wrong:
        'Measurement "{{name}}" is written to database {{expected}}, but the query reads it from "{{database}}" ' +
        '(datasource "{{datasource}}").',
    },
  },
  create(context) {
    const k = context.knowledge;
    const defaultDs = k.datasources.find((d) => d.isDefault);
    const datasourceOf = (q: InfluxQLNode): { name: string; database: string } | undefined => {
      const ref = q.datasource;
      // Variables ($datasource) pick the database at view time: nothing to compare with.
      if (ref !== null && (ref.startsWith('$') || ref.startsWith('${'))) return undefined;
      const ds = ref === null ? defaultDs : k.datasourceByNameOrUid(ref);
      return ds?.database && ds.type === 'influxdb' ? { name: ds.name, database: ds.database } : undefined;
    };
    return {
      influxql(q) {
        if (q.origin !== 'grafana-target' && q.origin !== 'grafana-variable') return;
        const ds = datasourceOf(q);
        if (!ds) return;
        for (const f of q.facts) {
          for (const m of f.measurements) {
            // "db"."rp"."m" names its database explicitly; regexes and variables are not one name.
            if (!m.name || m.database || m.name.includes('$')) continue;
            const dbs = k.databasesOf(m.name);
            if (!dbs || dbs.size === 0 || dbs.has(ds.database)) continue;
            const at = q.text !== undefined && m.pos ? q.locate(m.pos) : {};
            const expected = [...dbs]
              .sort()
              .map((d) => `"${d}"`)
              .join(' or ');
            context.report({
              node: q,
              ...at,
              messageId: 'wrong',
              data: { name: m.name, expected, database: ds.database, datasource: ds.name },
            });
          }
        }
      },
    };
  },
};
