/**
 * `calvin lint --live` reads the environment model from the real Consul KV (the keys Calvinverse
 * provisions: config/services/metrics/databases/*, the Grafana datasource keys) and checks the
 * model calvin builds with against it. The keys live under this run's own KV root.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintPaths } from '../../src/lint/lint.js';
import { gatherLiveFacts } from '../../src/lint/live/gather.js';
import { RULES } from '../../src/lint/rules/index.js';
import { stackConfig } from './stack-helpers.js';

const CONSUL = 'http://127.0.0.1:18500';
const root = `calvintest-env-${process.pid}-${Date.now().toString(36)}/`;
let dir = '';

const put = async (key: string, value: string): Promise<void> => {
  const res = await fetch(`${CONSUL}/v1/kv/${root}${key}`, { method: 'PUT', body: value });
  expect(res.ok).toBe(true);
};

beforeAll(async () => {
  // An environment whose Telegraf writes statsd metrics to their own database, and whose Grafana
  // has only the system datasource.
  await put('config/services/metrics/databases/system', 'system');
  await put('config/services/metrics/databases/services', 'services');
  await put('config/services/metrics/databases/statsd', 'statsd');
  await put(
    'config/services/dashboards/metrics/provisioning/datasources/system',
    'apiVersion: 1\ndatasources:\n- name: InfluxDb.System\n  type: influxdb\n  database: system\n',
  );
  dir = await mkdtemp(path.join(os.tmpdir(), 'calvin-lint-env-'));
  const dashboard = {
    uid: 'lint-env',
    title: 'Lint env',
    schemaVersion: 39,
    panels: [{ id: 1, type: 'timeseries', title: 'Raft', datasource: 'InfluxDb.System', targets: [] }],
  };
  await writeFile(path.join(dir, 'dashboard.json'), `${JSON.stringify(dashboard)}\n`);
});

afterAll(async () => {
  await fetch(`${CONSUL}/v1/kv/${root}?recurse`, { method: 'DELETE' }).catch(() => undefined);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('calvin lint --live: environment model', () => {
  it('reads the model from the KV and reports where it differs from the one calvin builds with', async () => {
    const run = await lintPaths({
      paths: [dir],
      root: dir,
      cwd: dir,
      rules: RULES.filter((r) => r.meta.id === 'live-environment-model'),
      live: (project) => gatherLiveFacts(project, stackConfig(), { days: 1, kvRoot: root }),
    });
    expect(run.project.live?.environment?.databases).toEqual({
      system: 'system',
      services: 'services',
      statsd: 'statsd',
    });
    expect(run.project.live?.environment?.datasources.map((d) => d.name)).toEqual(['InfluxDb.System']);
    expect(run.results.flatMap((r) => r.messages.map((m) => m.message))).toEqual([
      'Environment KV differs from the model: route statsd writes to database "statsd" in the environment, "services" in the model.',
      'Environment KV differs from the model: datasource "InfluxDb.Services" is not provisioned in the environment.',
      'Environment KV differs from the model: datasource "InfluxDb.StatsD" is not provisioned in the environment.',
    ]);
  });
});
