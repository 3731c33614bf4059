import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertDef, LogFilterDef } from '../../../src/define/types.js';
import { loadOniguruma } from '../../../src/logstash/index.js';
import { runAlertTests, runLogFilterTests } from '../../../src/logstash/testing/index.js';
import { buildProject, loadCatalog } from '../../../src/load/index.js';
import { newDefinition } from '../../../src/load/new-definition.js';
import { TARGETS } from '../../../src/render/index.js';
import { scaffold } from '../../../src/load/scaffold.js';
import { writeScaffold } from '../../../src/load/write-scaffold.js';
import { isCalvinError } from '../../../src/errors.js';
import { tempRoot, type TempRoot } from './fixture-roots.js';
import { typecheck } from './typecheck.js';

const roots: TempRoot[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) root.remove();
});

describe('calvin new scaffolds', () => {
  it('writes one definition of every kind that type-checks and loads', async () => {
    const p = tempRoot();
    roots.push(p);
    const files = [
      ...scaffold('service', 'artefacts'),
      ...scaffold('dashboard', 'artefacts-overview', { service: 'artefacts' }),
      ...scaffold('alert', 'artefacts-disk-full'),
      ...scaffold('log-filter', 'nexus-request-log', { service: 'artefacts' }),
      ...scaffold('index-template', 'logs-nexus'),
    ];
    await writeScaffold(p.root, files);
    expect(typecheck(files.filter((f) => f.path.endsWith('.ts')).map((f) => path.join(p.root, f.path)))).toEqual([]);
    const catalog = await loadCatalog(p.root);
    expect(catalog.alerts[0]?.service).toBe('artefacts');
    expect(catalog.alerts[0]?.runbook.markdown).toMatch(/^# Artefacts disk full/);
    expect(catalog.logFilters[0]?.tests).toHaveLength(1);
    expect([catalog.services.length, catalog.dashboards.length, catalog.indexTemplates.length]).toEqual([1, 1, 1]);
  }, 180_000);

  it('refuses to overwrite and writes nothing when one file exists', async () => {
    const p = tempRoot();
    roots.push(p);
    p.write('runbooks/disk-full.md', 'mine');
    await expect(writeScaffold(p.root, scaffold('alert', 'disk-full'))).rejects.toThrow(
      /runbooks\/disk-full\.md already exists/,
    );
    const { existsSync } = await import('node:fs');
    expect(existsSync(path.join(p.root, 'alerts/disk-full.ts'))).toBe(false);
  });

  it.each(['../evil', 'Evil', 'a b', 'a--b', '-a', 'a;rm -rf /', 'x'.repeat(64), 'caf\u00e9', 'a\u001b[31m', ''])(
    'rejects the name %j in one line',
    (name) => {
      try {
        scaffold('service', name);
        throw new Error('expected a failure');
      } catch (error) {
        expect(isCalvinError(error) && error.code).toBe('BAD_ARGUMENT');
        const line = (error as Error).message;
        expect(line).not.toMatch(/[\u0000-\u001f]/);
      }
    },
  );

  it('rejects an unknown kind', () => {
    expect(() => scaffold('panel', 'x')).toThrow(/unknown kind "panel"/);
  });

  it('scaffolds every kind into a copy of the shipped project: it builds and its test cases pass', async () => {
    await loadOniguruma();
    const repoRoot = path.resolve(fileURLToPath(import.meta.url), '../../../..');
    const p = tempRoot();
    roots.push(p);
    for (const folder of ['services', 'dashboards', 'alerts', 'log-filters', 'index-templates', 'runbooks'])
      cpSync(path.join(repoRoot, folder), path.join(p.root, folder), { recursive: true });
    const created = [
      await newDefinition(p.root, 'service', 'widget'),
      await newDefinition(p.root, 'dashboard', 'widget-overview', { service: 'widget' }),
      await newDefinition(p.root, 'dashboard', 'widget-plain'),
      await newDefinition(p.root, 'alert', 'widget-heap', { service: 'widget' }),
      await newDefinition(p.root, 'log-filter', 'widget-log', { service: 'widget' }),
      await newDefinition(p.root, 'index-template', 'logs-widget'),
    ];
    expect(created[3]?.files.map((f) => f.path)).toEqual(['alerts/widget-heap.ts', 'runbooks/widget-heap.md']);
    const files = created
      .flatMap((c) => c.files)
      .filter((f) => f.path.endsWith('.ts'))
      .map((f) => path.join(p.root, f.path));
    // Scaffolds use the builders, like the shipped definitions.
    for (const c of created) expect(c.files[0]?.content).not.toMatch(/satisfies|kind: '/);
    expect(typecheck(files)).toEqual([]);

    const result = await buildProject({ root: p.root, out: path.join(p.root, 'out'), targets: TARGETS });
    const mine = (id: string): boolean => id.startsWith('widget') || id === 'logs-widget';
    expect(result.artifacts.filter((a) => mine(a.definitionId)).map((a) => a.path)).toEqual(
      expect.arrayContaining([
        'grafana/kv/config/services/dashboards/metrics/provisioning/dashboards/Calvinverse/calvin-widget-overview.json',
        'grafana/kv/config/services/dashboards/metrics/provisioning/dashboards/Calvinverse/calvin-widget-plain.json',
        'kapacitor/tickscripts/calvin-widget-heap.tick',
        'elasticsearch/index-templates/logs-widget.json',
      ]),
    );
    const alert = result.catalog.alerts.find((a) => a.id === 'widget-heap') as AlertDef;
    expect(alert.runbook.url).toBe('runbooks/widget-heap.md');
    expect(alert.runbook.markdown).toMatch(/^# Widget heap/);
    const now = new Date('2026-11-23T12:00:00Z');
    const suites = [
      runAlertTests(alert, { now }),
      runLogFilterTests(result.catalog.logFilters.find((f) => f.id === 'widget-log') as LogFilterDef, { now }),
    ];
    for (const suite of suites) {
      expect(suite.cases.map((c) => [c.name, c.status, c.problems])).toEqual(
        suite.cases.map((c) => [c.name, 'passed', []]),
      );
      expect(suite.cases.length).toBeGreaterThan(0);
    }
  }, 180_000);

  it('refuses an id the project already uses, whatever its kind, and writes nothing', async () => {
    const p = tempRoot();
    roots.push(p);
    await newDefinition(p.root, 'service', 'widget');
    for (const [kind, name] of [
      ['dashboard', 'widget'],
      ['alert', 'widget'],
      ['service', 'widget'],
    ] as const) {
      const error: unknown = await newDefinition(p.root, kind, name).catch((caught: unknown) => caught);
      expect(isCalvinError(error) && [error.code, error.oneLine()]).toEqual([
        'DUPLICATE_ID',
        expect.stringMatching(/^id "widget" is already used by the service in services\/widget\.ts \(/),
      ]);
    }
    expect(existsSync(path.join(p.root, 'dashboards/widget.ts'))).toBe(false);
  });

  it('calvin new alert x --service nosuch refuses, writes nothing, and names the next step that works', async () => {
    const p = tempRoot();
    roots.push(p);
    const error: unknown = await newDefinition(p.root, 'alert', 'x', { service: 'nosuch' }).catch((e: unknown) => e);
    expect(isCalvinError(error) && [error.code, error.oneLine()]).toEqual([
      'DANGLING_REFERENCE',
      'service "nosuch" is not defined, so alert "x" would not load (create the service first: calvin new service nosuch)',
    ]);
    expect(existsSync(path.join(p.root, 'alerts/x.ts'))).toBe(false);
    // The step it names works, and then the alert can be created.
    await newDefinition(p.root, 'service', 'nosuch');
    expect((await newDefinition(p.root, 'alert', 'x', { service: 'nosuch' })).files.map((f) => f.path)).toEqual([
      'alerts/x.ts',
      'runbooks/x.md',
    ]);
  });
});
