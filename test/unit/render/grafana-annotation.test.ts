/**
 * InfluxDB annotations in the form current Grafana reads. The rule, from Grafana's
 * public/app/plugins/datasource/influxdb/migrations.ts (prepareAnnotation):
 *   json.target = json.target && !json.target.query ? migrateLegacyAnnotation(json) : json.target
 * so a legacy annotation (top-level `query`, no `target`) keeps no target and shows nothing, and
 * one whose `target` has a query is used as it is.
 */
import { describe, expect, it } from 'vitest';
import type { DashboardDef } from '../../../src/define/types.js';
import { defaultRenderOptions, renderGrafanaDashboard } from '../../../src/render/index.js';
import { fixtureCatalog } from '../../fixtures/render/catalog.js';

type Json = Record<string, unknown>;

/** Grafana's documented rule, restated: which target the InfluxDB datasource runs. */
function preparedTarget(annotation: Json): Json | undefined {
  const target = annotation.target as Json | undefined;
  if (target && !target.query) return { query: annotation.query ?? '', fromAnnotations: true };
  return target;
}

const annotations = (): Json[] => {
  const dashboard = fixtureCatalog().dashboards.find((d) => d.annotations.length > 0) as DashboardDef;
  const json = renderGrafanaDashboard(dashboard, defaultRenderOptions());
  return ((json.annotations as Json).list as Json[]).filter((a) => a.builtIn === undefined);
};

describe('Grafana InfluxDB annotations', () => {
  it('carry their query in target, so Grafana runs it without a migration', () => {
    const [deploys] = annotations();
    expect(deploys).toBeDefined();
    expect(deploys).not.toHaveProperty('query');
    const target = preparedTarget(deploys as Json);
    expect(target).toBe((deploys as Json).target);
    expect(target).toMatchObject({ fromAnnotations: true, rawQuery: true, tagsColumn: 'who', textColumn: 'what' });
    expect(String(target?.query)).toMatch(/^SELECT "what" FROM "calvin_deploys" WHERE .* AND \$timeFilter$/);
  });

  it('the legacy form the renderer used to write would run no query', () => {
    const legacy = { name: 'Deploys', query: 'SELECT "what" FROM "calvin_deploys" WHERE $timeFilter' };
    expect(preparedTarget(legacy)).toBeUndefined();
  });
});
