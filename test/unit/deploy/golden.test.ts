/** Golden files for the plan's text and JSON forms. Refresh with UPDATE_GOLDEN=1 and review the diff. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPlanText, planToJson } from '../../../src/deploy/format.js';
import { computePlan } from '../../../src/deploy/plan.js';
import type { DesiredObject, LiveObject } from '../../../src/deploy/types.js';

const dir = path.join(import.meta.dirname, 'golden');

function golden(name: string, actual: string): void {
  const file = path.join(dir, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  expect(existsSync(file), `missing golden file ${name}: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const task = (script: string) => ({
  id: 'calvin-artefacts-disk-full',
  type: 'stream',
  dbrps: [{ db: 'system', rp: 'autogen' }],
  script,
  status: 'enabled',
});
const desired: DesiredObject[] = [
  {
    kind: 'grafana/dashboard',
    name: 'calvin-artefacts',
    body: {
      dashboard: { uid: 'calvin-artefacts', title: 'Artefacts (Nexus)', tags: ['calvin'] },
      folderUid: 'folder-services',
    },
  },
  {
    kind: 'kapacitor/task',
    name: 'calvin-artefacts-disk-full',
    body: task('stream\n  |from()\n    .measurement(\'disk\')\n  |alert()\n    .crit(lambda: "used_percent" > 95)\n'),
  },
  {
    kind: 'consul-kv/key',
    name: 'config/services/logs/filters/nexus',
    body: 'filter {\n  grok { match => { "message" => "%{NEXUS}" } }\n}\n',
  },
  {
    kind: 'elasticsearch/index-template',
    name: 'logs-application',
    body: {
      index_patterns: ['logs-application-*'],
      priority: 200,
      template: { settings: { number_of_shards: 1 } },
      _meta: { managed_by: 'calvin' },
    },
  },
];
const live: LiveObject[] = [
  {
    kind: 'kapacitor/task',
    name: 'calvin-artefacts-disk-full',
    managed: true,
    body: {
      ...task('stream\n  |from()\n    .measurement(\'disk\')\n  |alert()\n    .crit(lambda: "used_percent" > 90)\n'),
      executing: true,
      created: '2026-01-01T00:00:00Z',
    },
  },
  {
    kind: 'consul-kv/key',
    name: 'config/services/logs/filters/nexus',
    managed: true,
    body: 'filter {\n  grok { match => { "message" => "%{NEXUS}" } }\n}\n',
    ref: { modifyIndex: 7 },
  },
  {
    kind: 'elasticsearch/index-template',
    name: 'logs-application',
    managed: true,
    body: {
      index_patterns: ['logs-application-*'],
      priority: 200,
      composed_of: [],
      template: { settings: { index: { number_of_shards: '1' } } },
      _meta: { managed_by: 'calvin' },
    },
  },
  {
    kind: 'chronograf/dashboard',
    name: 'calvin/Old queue',
    managed: true,
    body: { id: 3, name: 'calvin/Old queue', cells: [] },
  },
  { kind: 'chronograf/dashboard', name: 'Hand made', managed: false, body: { id: 4, name: 'Hand made', cells: [] } },
];

describe('plan golden files', () => {
  const plan = computePlan({ environment: 'production', desired, live, prune: true, foreignSkipped: 1 });
  it('text', () => golden('plan.txt', formatPlanText(plan, { color: false })));
  it('json', () => golden('plan.json', `${JSON.stringify(planToJson(plan), null, 2)}\n`));
});
