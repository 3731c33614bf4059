import { resolveDatasource } from '../../define/environment.js';
import type { Located, LintRule } from '../types.js';
import { targetEnvironment } from '../util/environment.js';
import { datasourceRefs, renderedGrafana } from '../util/rendered.js';

const SPECIAL = new Set(['-- Mixed --', '-- Grafana --', '-- Dashboard --', 'default']);

/**
 * An InfluxDB datasource reference that the environment's Grafana cannot resolve: Grafana's
 * DatasourceSrv.getInstanceSettings looks a reference up by uid, then by name
 * (public/app/features/plugins/datasource_srv.ts), and Calvinverse's provisioned datasources have
 * names but no uid. Checked on what calvin renders from definitions, and on raw dashboards linted
 * without provisioning files (with them, grafana-unknown-datasource checks against those files).
 */
export const rule: LintRule = {
  meta: {
    id: 'grafana-unresolved-datasource',
    type: 'problem',
    severity: 'error',
    docs: {
      description: 'InfluxDB datasource references resolve in the environment, by uid or by name',
      hint:
        'Reference a datasource the environment provisions (InfluxDb.System, InfluxDb.Services, ' +
        'InfluxDb.StatsD in Calvinverse) by its name, or a uid that is provisioned and loaded.',
    },
    messages: {
      unresolved:
        'Datasource "{{ref}}" ({{where}}) matches no uid or name of the {{environment}}\'s datasources ({{known}}).',
    },
  },
  create(context) {
    const { environment, live } = targetEnvironment(context);
    const known = environment.datasources.map((d) => d.name).join(', ');
    const report = (ref: string, where: string, node: Located, at?: { line: number; column: number }): void => {
      if (SPECIAL.has(ref) || ref.startsWith('$') || resolveDatasource(environment, ref)) return;
      const data = { ref, where, environment: live ? 'live environment' : 'environment model', known };
      context.report({ node, ...(at ?? {}), messageId: 'unresolved', data });
    };
    return {
      'dashboard-def': (d) => {
        const json = renderedGrafana(d.definition, environment);
        const refs = datasourceRefs(json).filter((r) => r.type === 'influxdb');
        for (const ref of new Set(refs.map((r) => r.uid)))
          report(ref, `dashboard ${d.definition.id}`, d, d.locate?.(ref));
      },
      'grafana-panel': (p) => {
        if (p.dashboard.fromDefinition || context.knowledge.datasources.length > 0) return;
        const type = (p.json.datasource as { type?: unknown } | null | undefined)?.type;
        if (p.datasource !== null && (type === undefined || type === 'influxdb'))
          report(p.datasource, `panel "${p.title}"`, p);
      },
    };
  },
};
