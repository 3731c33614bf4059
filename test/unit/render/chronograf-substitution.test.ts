/**
 * Chronograf replaces a template's placeholder with the selected value: quoted for tagValues
 * templates, verbatim for influxql, csv and constant ones. Every rendered query, after that
 * substitution, must parse and compare each tag with a string literal.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DashboardDef } from '../../../src/define/types.js';
import { parseInfluxQL, queryFacts } from '../../../src/lang/influxql/index.js';
import { defaultRenderOptions, renderChronografDashboard } from '../../../src/render/index.js';
import { fixtureCatalog } from '../../fixtures/render/catalog.js';

type Json = Record<string, unknown>;
interface Template {
  tempVar: string;
  type: string;
  values: { value: string }[];
  query?: { influxql: string; db: string; measurement: string; tagKey: string };
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shipped: DashboardDef[] = [];
for (const f of readdirSync(path.join(root, 'dashboards'))
  .filter((n) => n.endsWith('.ts'))
  .sort()) {
  shipped.push(((await import(path.join(root, 'dashboards', f))) as { default: DashboardDef }).default);
}

/** What Chronograf sends to InfluxDB once the user picked `nexus-01` (or a template's own value). */
function substitute(query: string, templates: Template[]): string {
  let out = query
    .replaceAll(':dashboardTime:', 'now() - 1h')
    .replaceAll(':upperDashboardTime:', 'now()')
    .replaceAll(':interval:', '10s');
  for (const t of templates) {
    const value = t.values[0]?.value ?? 'nexus-01';
    out = out.replaceAll(t.tempVar, t.type === 'tagValues' ? `'${value}'` : value);
  }
  return out;
}

function queriesOf(body: Json): string[] {
  const templates = body.templates as Template[];
  const cellQueries = (body.cells as Json[]).flatMap((c) => (c.queries as Json[]).map((q) => q.query as string));
  // A tagValues template's own query is filled in by Chronograf from db/measurement/tagKey.
  const templateQueries = templates
    .filter((t) => t.query !== undefined && t.type !== 'tagValues')
    .map((t) => (t.query as { influxql: string }).influxql);
  return [...cellQueries, ...templateQueries];
}

describe('Chronograf queries after template substitution', () => {
  const dashboards = [...fixtureCatalog().dashboards, ...shipped];
  it.each(dashboards.map((d) => [d.id, d] as const))('%s', (_id, dashboard) => {
    const body = renderChronografDashboard(dashboard, defaultRenderOptions());
    const templates = body.templates as Template[];
    let compared = 0;
    for (const query of queriesOf(body)) {
      const text = substitute(query, templates);
      const parsed = parseInfluxQL(text);
      expect({ text, errors: parsed.errors }).toEqual({ text, errors: [] });
      for (const statement of parsed.statements) {
        for (const condition of queryFacts(statement).tagConditions) {
          expect({ text, key: condition.key, kind: condition.value.kind }).not.toMatchObject({ kind: 'other' });
          if (condition.value.kind === 'string' && condition.value.value === 'nexus-01') compared += 1;
        }
      }
    }
    // Shipped dashboards all filter on the selected host.
    if (dashboard.variables.some((v) => v.name === 'host')) expect(compared).toBeGreaterThan(0);
  });
});
