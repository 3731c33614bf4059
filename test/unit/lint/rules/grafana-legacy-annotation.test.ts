/**
 * Grafana's InfluxDB prepareAnnotation (public/app/plugins/datasource/influxdb/migrations.ts):
 * `json.target = json.target && !json.target.query ? migrateLegacyAnnotation(json) : json.target`.
 * No target means no migration: the legacy top-level query is never run.
 */
import type { InfluxQuery } from '../../../../src/define/types.js';
import { rule } from '../../../../src/lint/rules/grafana-legacy-annotation.js';
import { dashboardDef, diskQuery } from '../definitions.js';
import { dashboard, json, ruleTester } from '../rule-tester.js';

const withAnnotations = (list: Record<string, unknown>[]) => json('d.json', { ...dashboard(), annotations: { list } });
const BUILT_IN = {
  builtIn: 1,
  datasource: '-- Grafana --',
  enable: true,
  name: 'Annotations & Alerts',
  type: 'dashboard',
};
const LEGACY = {
  datasource: { type: 'influxdb', uid: 'InfluxDb.Services' },
  enable: true,
  name: 'Deploys',
  query: 'SELECT "what" FROM "calvin_deploys" WHERE $timeFilter',
  textColumn: 'what',
};

ruleTester(rule, {
  valid: [
    { files: [withAnnotations([BUILT_IN])] },
    { files: [withAnnotations([{ ...LEGACY, query: undefined, target: { query: LEGACY.query, rawQuery: true } }])] },
    // A target without a query is migrated by Grafana from the top-level fields.
    { files: [withAnnotations([{ ...LEGACY, target: { limit: 100 } }])] },
    // What calvin renders from a definition's annotation.
    {
      catalog: {
        dashboards: [
          dashboardDef([diskQuery()], {
            annotations: [
              {
                name: 'Deploys',
                database: 'services',
                query: diskQuery({ measurement: 'calvin_deploys' }) as InfluxQuery,
              },
            ],
          }),
        ],
      },
    },
  ],
  invalid: [
    { files: [withAnnotations([BUILT_IN, LEGACY])], errors: [{ messageId: 'legacy' }] },
    // Grafana < 8 string datasource, same legacy form.
    { files: [withAnnotations([{ ...LEGACY, datasource: 'InfluxDb.Services' }])], errors: [{ messageId: 'legacy' }] },
  ],
});
