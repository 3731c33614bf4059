import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePlan, textDiff } from '../../../src/deploy/plan.js';
import { formatPlanText, planToJson } from '../../../src/deploy/format.js';
import { normalizeEsSettings, stableJson } from '../../../src/deploy/normalize.js';
import type { DesiredObject, LiveObject } from '../../../src/deploy/types.js';

const dash = (uid: string, title: string): DesiredObject => ({
  kind: 'grafana/dashboard',
  name: uid,
  body: { dashboard: { uid, title, tags: ['calvin'] }, folderUid: 'calvin' },
});
const liveDash = (uid: string, title: string, managed = true, version = 7): LiveObject => ({
  kind: 'grafana/dashboard',
  name: uid,
  managed,
  body: {
    dashboard: { uid, title, tags: managed ? ['calvin'] : [], id: 42, version, iteration: 123 },
    folderUid: 'calvin',
  },
});

describe('computePlan', () => {
  it('ignores server-added fields: a re-deploy is unchanged', () => {
    const plan = computePlan({
      environment: 'test',
      desired: [dash('a', 'A')],
      live: [liveDash('a', 'A')],
      prune: false,
    });
    expect(plan.summary).toEqual({ create: 0, update: 0, delete: 0, unchanged: 1 });
    expect(formatPlanText(plan, { color: false })).toBe(
      '  = grafana/dashboard a\nNo changes. 1 object(s) in "test" match the definitions.\n',
    );
  });

  it('plans create, update (with diff and fields) and, with --prune, delete of managed objects only', () => {
    const live: LiveObject[] = [
      liveDash('a', 'Old title'),
      liveDash('gone', 'Gone'),
      {
        kind: 'grafana/dashboard',
        name: 'hand-made',
        managed: false,
        body: { dashboard: { uid: 'hand-made', title: 'mine' }, folderUid: '' },
      },
    ];
    const plan = computePlan({
      environment: 'test',
      desired: [dash('a', 'New title'), dash('b', 'B')],
      live,
      prune: true,
    });
    expect(plan.items.map((i) => [i.action, i.name])).toEqual([
      ['update', 'a'],
      ['create', 'b'],
      ['delete', 'gone'],
    ]);
    const update = plan.items.find((i) => i.action === 'update');
    expect(update?.changedFields).toEqual(['title']);
    expect(update?.diff).toContain('-    "title": "Old title"');
    expect(update?.diff).toContain('+    "title": "New title"');
    const text = formatPlanText(plan, { color: false });
    expect(text).toContain('  + grafana/dashboard b');
    expect(text).toContain('  ~ grafana/dashboard a     (title)');
    expect(text).toContain('  - grafana/dashboard gone  (no longer defined)');
    expect(text.trimEnd().split('\n').at(-1)).toBe('Plan: 1 to add, 1 to change, 1 to destroy, 0 unchanged.');
    expect(text).not.toContain('hand-made');
  });

  it('lists every object, unchanged ones too (=), in plan order, then the summary line', () => {
    const plan = computePlan({
      environment: 'test',
      desired: [dash('a', 'A'), dash('b', 'New'), dash('c', 'C')],
      live: [liveDash('a', 'A'), liveDash('b', 'Old')],
      prune: false,
    });
    const lines = formatPlanText(plan, { color: false }).trimEnd().split('\n');
    expect(lines.filter((l) => /^ {2}[+~=-] /.test(l))).toEqual([
      '  = grafana/dashboard a',
      '  ~ grafana/dashboard b  (title)',
      '  + grafana/dashboard c',
    ]);
    expect(lines.at(-1)).toBe('Plan: 1 to add, 1 to change, 0 to destroy, 1 unchanged.');
  });

  it('without --prune lists orphans but plans no delete', () => {
    const plan = computePlan({ environment: 'test', desired: [], live: [liveDash('gone', 'Gone')], prune: false });
    expect(plan.summary.delete).toBe(0);
    expect(plan.orphaned).toEqual([{ kind: 'grafana/dashboard', name: 'gone' }]);
    expect(formatPlanText(plan, { color: false })).toContain('--prune deletes them');
  });

  it('orders component templates before index templates, and deletes index templates first', () => {
    const desired: DesiredObject[] = [
      { kind: 'elasticsearch/index-template', name: 'i', body: { index_patterns: ['x-*'], composed_of: ['c'] } },
      { kind: 'elasticsearch/component-template', name: 'c', body: { template: {} } },
    ];
    const live: LiveObject[] = [
      { kind: 'elasticsearch/component-template', name: 'old-c', managed: true, body: {} },
      { kind: 'elasticsearch/index-template', name: 'old-i', managed: true, body: {} },
    ];
    const plan = computePlan({ environment: 'e', desired, live, prune: true });
    expect(plan.items.map((i) => `${i.action} ${i.name}`)).toEqual([
      'create c',
      'create i',
      'delete old-i',
      'delete old-c',
    ]);
  });

  it('normalises Kapacitor run state and Chronograf ids away', () => {
    const task = {
      id: 'calvin-x',
      type: 'stream',
      dbrps: [{ db: 'system', rp: 'autogen' }],
      script: 'stream',
      status: 'enabled',
    };
    const chrono = {
      name: 'calvin/x',
      cells: [{ x: 0, y: 0, w: 4, h: 4, name: 'c', queries: [{ query: 'SELECT 1' }] }],
      templates: [],
    };
    const plan = computePlan({
      environment: 'e',
      desired: [
        { kind: 'kapacitor/task', name: 'calvin-x', body: task },
        { kind: 'chronograf/dashboard', name: 'calvin/x', body: chrono },
      ],
      live: [
        {
          kind: 'kapacitor/task',
          name: 'calvin-x',
          managed: true,
          body: {
            ...task,
            script: 'stream\n',
            executing: true,
            stats: { a: 1 },
            created: 'x',
            modified: 'y',
            'last-enabled': 'z',
            dot: 'g',
            vars: {},
            error: '',
            link: {},
          },
        },
        {
          kind: 'chronograf/dashboard',
          name: 'calvin/x',
          managed: true,
          body: {
            ...chrono,
            id: 7,
            organization: 'default',
            links: { self: '/x' },
            cells: [{ ...chrono.cells[0], i: 'abc', links: {} }],
          },
        },
      ],
      prune: false,
    });
    expect(plan.summary.unchanged).toBe(2);
  });

  it('treats Elasticsearch settings as Elasticsearch stores them', () => {
    expect(normalizeEsSettings({ number_of_shards: 1, index: { refresh_interval: '5s' } })).toEqual({
      'index.number_of_shards': '1',
      'index.refresh_interval': '5s',
    });
    const plan = computePlan({
      environment: 'e',
      desired: [
        {
          kind: 'elasticsearch/index-template',
          name: 't',
          body: {
            index_patterns: ['a-*'],
            priority: 200,
            template: { settings: { number_of_shards: 1 }, mappings: { dynamic: false } },
            _meta: { managed_by: 'calvin' },
          },
        },
      ],
      live: [
        {
          kind: 'elasticsearch/index-template',
          name: 't',
          managed: true,
          body: {
            index_patterns: ['a-*'],
            priority: 200,
            composed_of: [],
            template: { settings: { index: { number_of_shards: '1' } }, mappings: { dynamic: 'false' } },
            _meta: { managed_by: 'calvin' },
          },
        },
      ],
      prune: false,
    });
    expect(plan.summary.unchanged).toBe(1);
  });

  it('JSON form carries every change with its diff and the summary', () => {
    const plan = computePlan({ environment: 'e', desired: [dash('a', 'A')], live: [], prune: false });
    const json = planToJson(plan);
    expect(json.summary).toEqual({ create: 1, update: 0, delete: 0, unchanged: 0 });
    expect(json.changes[0]).toMatchObject({ action: 'create', kind: 'grafana/dashboard', name: 'a' });
  });

  it('strips control characters from hostile names', () => {
    const plan = computePlan({ environment: 'e', desired: [dash('evil\u001b[31m', 'x')], live: [], prune: false });
    expect(formatPlanText(plan, { color: false })).not.toContain('\u001b');
  });

  it('property: any desired set planned against its own server-decorated copy has no changes', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/), fc.string(), fc.nat()), {
          selector: (t) => t[0],
          maxLength: 8,
        }),
        (rows) => {
          const desired = rows.map(([uid, title]) => dash(uid, title));
          const live = rows.map(([uid, title, version]) => liveDash(uid, title, true, version));
          const plan = computePlan({ environment: 'e', desired, live, prune: true });
          return plan.summary.unchanged === rows.length && plan.items.every((i) => i.action === 'unchanged');
        },
      ),
    );
  });

  it('diffs are stable text diffs', () => {
    expect(textDiff(stableJson({ a: 1 }), stableJson({ a: 1 }))).toBe('');
    expect(textDiff('a\n', 'b\n')).toBe('@@ -1,1 +1,1 @@\n-a\n+b');
  });
});
