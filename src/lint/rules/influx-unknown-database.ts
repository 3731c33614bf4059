import { environmentDatabases } from '../../define/environment.js';
import type { Located, LintRule } from '../types.js';
import { targetEnvironment } from '../util/environment.js';

/**
 * A query, alert or signal reads a database the environment does not write: its panel stays empty
 * and its alert never fires. Calvinverse writes `system` and `services` only; statsd metrics go to
 * the database of KV `config/services/metrics/databases/statsd`, which is `services`.
 */
export const rule: LintRule = {
  meta: {
    id: 'influx-unknown-database',
    type: 'problem',
    severity: 'error',
    docs: {
      description: 'Queries, alerts and signals read a database the environment writes',
      hint:
        'Use the database of the Telegraf route (SYSTEM_DATABASE, SERVICES_DATABASE, STATSD_DATABASE from ' +
        'the environment model), or fix the KV config/services/metrics/databases/*.',
    },
    messages: {
      unknown: 'Database "{{database}}" is not written in the {{environment}} (databases: {{known}}).',
    },
  },
  create(context) {
    const { environment, live } = targetEnvironment(context);
    const known = environmentDatabases(environment);
    const where = live ? 'live environment' : 'environment model';
    const check = (database: string | undefined, node: Located, at?: { line: number; column: number }): void => {
      if (database === undefined || database === '' || database.includes('$') || known.has(database)) return;
      const data = { database, environment: where, known: [...known].sort().join(', ') };
      context.report({ node, ...(at ?? {}), messageId: 'unknown', data });
    };
    return {
      influxql(q) {
        if (q.origin === 'definition') check(q.database, q);
        // A raw query naming its database ("db"."rp"."m") reads that database whatever the datasource.
        else for (const f of q.facts) for (const m of f.measurements) if (m.database) check(m.database, q);
      },
      'alert-def': (a) => check(a.definition.query.database, a, a.locate?.(a.definition.query.database)),
      'service-def': (s) => {
        const databases = new Set([
          s.definition.metrics.database,
          ...s.definition.metrics.signals.map((g) => g.database),
        ]);
        for (const d of databases) check(d, s, s.locate?.(d));
      },
      'dashboard-def': (d) => {
        const databases = new Set<string>();
        for (const v of d.definition.variables) if (v.kind === 'query') databases.add(v.database);
        for (const a of d.definition.annotations) databases.add(a.database);
        for (const db of databases) check(db, d, d.locate?.(db));
      },
    };
  },
};
