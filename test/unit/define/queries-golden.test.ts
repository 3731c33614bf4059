/**
 * Golden file of every InfluxQL query the shipped dashboards and annotations render. Refresh with
 * UPDATE_GOLDEN=1 and review the diff.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { renderInfluxQL } from '../../../src/define/index.js';
import type { DashboardDef } from '../../../src/define/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const golden = path.join(root, 'test/fixtures/define/shipped-queries.txt');

it('shipped dashboard queries match the golden file', async () => {
  const lines: string[] = [];
  for (const f of readdirSync(path.join(root, 'dashboards'))
    .filter((n) => n.endsWith('.ts'))
    .sort()) {
    const d = ((await import(path.join(root, 'dashboards', f))) as { default: DashboardDef }).default;
    for (const a of d.annotations) lines.push(`${d.id} | annotation ${a.name} | ${renderInfluxQL(a.query)}`);
    for (const r of d.rows) {
      for (const p of r.panels) {
        for (const q of p.queries)
          lines.push(`${d.id} | ${r.title} / ${p.title} | ${q.kind === 'influxql' ? renderInfluxQL(q) : q.text}`);
        if (p.logQuery)
          lines.push(
            `${d.id} | ${r.title} / ${p.title} | lucene ${p.logQuery.indexPattern} ${p.logQuery.query} by ${p.logQuery.groupBy ?? '-'}`,
          );
      }
    }
  }
  const actual = `${lines.join('\n')}\n`;
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, actual);
  expect(actual).toBe(readFileSync(golden, 'utf8'));
});
