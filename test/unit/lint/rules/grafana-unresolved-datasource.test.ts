/**
 * Grafana resolves a datasource reference by uid, then by name (DatasourceSrv.getInstanceSettings:
 * `settingsMapByUid[nameOrUid] ?? settingsMapByName[nameOrUid]`, public/app/features/plugins/datasource_srv.ts).
 * Calvinverse's provisioned datasources have names and no uid.
 */
import { DEFAULT_ENVIRONMENT } from '../../../../src/define/environment.js';
import { rule } from '../../../../src/lint/rules/grafana-unresolved-datasource.js';
import { dashboardDef, diskQuery } from '../definitions.js';
import { DATASOURCES, dashboard, json, panel, ruleTester } from '../rule-tester.js';

const withPanelDatasource = (datasource: string) => {
  const d = dashboardDef([diskQuery()]);
  const row = d.rows[0] as (typeof d.rows)[number];
  return { ...d, rows: [{ ...row, panels: row.panels.map((p) => ({ ...p, datasource })) }] };
};

ruleTester(rule, {
  valid: [
    // Rendered references are the provisioned names.
    {
      catalog: {
        dashboards: [dashboardDef([diskQuery()]), dashboardDef([diskQuery({ database: 'services' })], { id: 'b' })],
      },
    },
    // A reference by a uid the environment provisions.
    {
      catalog: { dashboards: [withPanelDatasource('P-SYSTEM')] },
      live: {
        days: 1,
        datasourceDatabases: new Map(),
        environment: {
          ...DEFAULT_ENVIRONMENT,
          datasources: [
            { key: 'system', name: 'InfluxDb.System', type: 'influxdb', database: 'system', uid: 'P-SYSTEM' },
          ],
        },
      },
    },
    // Raw dashboards by name, and special / variable datasources.
    {
      files: [
        json(
          'd.json',
          dashboard({ panels: [panel({ datasource: 'InfluxDb.Services' }), panel({ id: 2, datasource: '$ds' })] }),
        ),
      ],
    },
    // With provisioning files linted, grafana-unknown-datasource checks raw dashboards instead.
    { files: [DATASOURCES, json('d.json', dashboard({ panels: [panel({ datasource: 'influxdb-system' })] }))] },
  ],
  invalid: [
    // calvin's old uid: nothing provisions it until calvin's files are loaded by a restart.
    {
      catalog: { dashboards: [withPanelDatasource('influxdb-system')] },
      errors: [{ file: 'dashboards/artefacts.ts', messageId: 'unresolved' }],
    },
    // A database with no datasource: the name calvin would give it is not provisioned.
    {
      catalog: { dashboards: [dashboardDef([diskQuery({ database: 'statsd' })])] },
      errors: [{ file: 'dashboards/artefacts.ts', messageId: 'unresolved' }],
    },
    // The case matters: Calvinverse's is InfluxDb.StatsD.
    {
      files: [json('d.json', dashboard({ panels: [panel({ datasource: 'InfluxDb.Statsd' })] }))],
      errors: [{ file: 'd.json', messageId: 'unresolved' }],
    },
  ],
});
