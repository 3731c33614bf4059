/**
 * `calvin lint --live` against the real local stack (Consul discovery → InfluxDB, Elasticsearch):
 * a dashboard queries one measurement that has recent points and one that does not; exactly the
 * missing one is reported.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Point } from '@influxdata/influxdb-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, dropDatabase, writePoints } from '../../src/backends/influx.js';
import { esEnsureIndex, esRefresh } from '../../src/backends/elasticsearch.js';
import { lintPaths } from '../../src/lint/lint.js';
import { gatherLiveFacts } from '../../src/lint/live/gather.js';
import { RULES } from '../../src/lint/rules/index.js';
import { STACK, stackConfig } from './stack-helpers.js';

const suffix = `${process.pid}_${Date.now().toString(36)}`;
const database = `calvin_lint_live_${suffix}`;
const present = `lint_present_${suffix}`;
const missing = `lint_missing_${suffix}`;
const index = `logs-lintlive-${suffix.replace(/_/g, '-')}-2026.11.23`;
let dir = '';

beforeAll(async () => {
  await createDatabase(STACK.influx, database);
  await writePoints(STACK.influx, database, [
    new Point(present).tag('host', 'lint-node-01').floatField('value', 42).timestamp(new Date()),
  ]);
  await esEnsureIndex(STACK.elasticsearch, index, {
    mappings: { properties: { host: { properties: { name: { type: 'keyword' } } }, message: { type: 'text' } } },
  });
  await esRefresh(STACK.elasticsearch, index);
  dir = await mkdtemp(path.join(os.tmpdir(), 'calvin-lint-live-'));
  const query = (m: string) => ({
    refId: m,
    rawQuery: true,
    query: `SELECT mean("value") FROM "${database}"."autogen"."${m}" WHERE "host" = 'lint-node-01' AND $timeFilter GROUP BY time(1m) fill(null)`,
  });
  const dashboard = {
    uid: 'lint-live',
    title: 'Lint live',
    schemaVersion: 16,
    panels: [
      { id: 1, type: 'graph', title: 'Both', datasource: 'InfluxDB', targets: [query(present), query(missing)] },
    ],
  };
  await writeFile(path.join(dir, 'dashboard.json'), `${JSON.stringify(dashboard, null, 2)}\n`);
});

afterAll(async () => {
  await dropDatabase(STACK.influx, database).catch(() => undefined);
  await fetch(`${STACK.elasticsearch.url}/${index}`, { method: 'DELETE' }).catch(() => undefined);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('calvin lint --live', () => {
  it('reports exactly the measurement without data, found through Consul discovery', async () => {
    const config = stackConfig();
    const run = await lintPaths({
      paths: [dir],
      root: dir,
      cwd: dir,
      rules: RULES.filter((r) => r.meta.id === 'live-influx-schema'),
      live: (project) => gatherLiveFacts(project, config, { days: 7 }),
    });
    const findings = run.results.flatMap((r) =>
      r.messages.map((m) => `${r.filePath} ${m.ruleId}:${m.messageId} ${m.message}`),
    );
    expect(findings).toEqual([
      `dashboard.json live-influx-schema:measurement Measurement "${missing}" has no data in database "${database}" in the last 7 days.`,
    ]);
    expect(run.project.live?.influx?.get(database)?.fields.get(present)).toEqual(new Set(['value']));
    expect(run.project.live?.influx?.get(database)?.tags.get(present)).toEqual(new Set(['host']));
  });

  it('reads the mapped log fields of the logs-* indices', async () => {
    const run = await lintPaths({
      paths: [dir],
      root: dir,
      cwd: dir,
      rules: [],
      live: (project) => gatherLiveFacts(project, stackConfig(), { days: 7 }),
    });
    expect(run.project.live?.logFields?.has('host.name')).toBe(true);
    expect(run.project.live?.logFields?.has('message')).toBe(true);
  });
});
