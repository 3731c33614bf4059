import type { Located, LintRule } from '../types.js';
import { targetEnvironment } from '../util/environment.js';
import { renderedGrafana } from '../util/rendered.js';

type Json = Record<string, unknown>;

/**
 * An InfluxDB annotation in the legacy form (a top-level `query` and no `target`). Grafana's
 * InfluxDB prepareAnnotation (public/app/plugins/datasource/influxdb/migrations.ts) only migrates
 * when a `target` exists without a query; without one, the annotation runs nothing and shows nothing.
 */
export const rule: LintRule = {
  meta: {
    id: 'grafana-legacy-annotation',
    type: 'problem',
    severity: 'error',
    docs: {
      description: 'InfluxDB annotations carry their query in `target`',
      hint:
        'Move the annotation query into "target": { "query": ..., "rawQuery": true, "fromAnnotations": true ' +
        '} (and tagsColumn/textColumn with it).',
    },
    messages: { legacy: 'Annotation "{{name}}" has a top-level query and no target: current Grafana runs nothing.' },
  },
  create(context) {
    const check = (json: Json, node: Located): void => {
      const list = ((json.annotations as Json | undefined)?.list ?? []) as Json[];
      for (const a of Array.isArray(list) ? list : []) {
        const ds = a.datasource as { type?: unknown } | string | undefined;
        const influx = typeof ds === 'object' && ds !== null ? ds.type === 'influxdb' : a.builtIn === undefined;
        // A target without a query is migrated from the top-level fields; no target at all is not.
        const hasTarget = typeof a.target === 'object' && a.target !== null;
        if (influx && typeof a.query === 'string' && a.query !== '' && !hasTarget)
          context.report({ node, messageId: 'legacy', data: { name: String(a.name ?? '') } });
      }
    };
    return {
      'grafana-dashboard': (d) => check(d.json, d),
      'dashboard-def': (d) => {
        if (d.definition.annotations.length > 0)
          check(renderedGrafana(d.definition, targetEnvironment(context).environment), d);
      },
    };
  },
};
