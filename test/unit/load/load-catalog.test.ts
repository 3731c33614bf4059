import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/load/index.js';
import { isCalvinError } from '../../../src/errors.js';
import {
  ALERT_TS,
  DASHBOARD_TS,
  INDEX_TEMPLATE_TS,
  LOG_FILTER_TS,
  SERVICE_TS,
  tempRoot,
  writeValidProject,
  type TempRoot,
} from './fixture-roots.js';

const repoRoot = path.resolve(fileURLToPath(import.meta.url), '../../../..');
const roots: TempRoot[] = [];
function project(inside?: string): TempRoot {
  const created = tempRoot(inside);
  roots.push(created);
  return created;
}
afterEach(() => {
  for (const root of roots.splice(0)) root.remove();
});

async function loadError(root: string): Promise<{ code: string; line: string }> {
  try {
    await loadCatalog(root);
  } catch (error) {
    if (!isCalvinError(error)) throw error;
    return { code: error.code, line: error.oneLine() };
  }
  throw new Error('expected loadCatalog to fail');
}

describe('loadCatalog', () => {
  it('loads every kind from a project outside the package, where "calvin" does not resolve by itself', async () => {
    const p = project();
    writeValidProject(p);
    const catalog = await loadCatalog(p.root);
    expect(catalog.services.map((s) => s.id)).toEqual(['artefacts']);
    expect(catalog.dashboards.map((d) => [d.id, d.source?.file])).toEqual([
      ['artefacts-overview', 'dashboards/artefacts.ts'],
    ]);
    expect(catalog.logFilters.map((f) => f.id)).toEqual(['nexus-request-log']);
    expect(catalog.indexTemplates.map((t) => t.id)).toEqual(['logs']);
    const alert = catalog.alerts[0];
    expect(alert?.runbook.markdown).toBe('# Artefacts disk full\n\nFree space on /srv.\n');
    expect(alert?.source?.file).toBe('alerts/artefacts-disk-full.ts');
  });

  it('loads ESM-mode projects (package.json type module, .mts, .mjs) that use runtime exports of calvin', async () => {
    const p = project();
    p.write('package.json', '{"type":"module"}');
    p.write(
      'services/a.mts',
      `import { CalvinError } from 'calvin';\nif (typeof CalvinError !== 'function') throw new Error('no calvin');\n${SERVICE_TS(
        'a',
      )
        .replace(/^import.*\n/, '')
        .replace('const service: ServiceDef', 'const service')}`,
    );
    p.write(
      'services/b.mjs',
      `export default ${JSON.stringify({ kind: 'service', id: 'b', consulName: 'b', title: 'b', aliases: [], owner: 'o', metrics: { database: 'system', measurements: [], tagFilters: {}, signals: [] }, logs: { indexPattern: 'logs-*', serviceNames: [], processNames: [] }, runbooks: [] })};\n`,
    );
    const catalog = await loadCatalog(p.root);
    expect(catalog.services.map((s) => [s.id, s.source?.file])).toEqual([
      ['a', 'services/a.mts'],
      ['b', 'services/b.mjs'],
    ]);
  });

  it('loads projects inside the repository (self-reference of "calvin")', async () => {
    const p = project(path.join(repoRoot, 'test/fixtures/.tmp-load'));
    writeValidProject(p);
    const catalog = await loadCatalog(p.root);
    expect(catalog.alerts.map((a) => a.id)).toEqual(['artefacts-disk-full']);
  });

  it('sorts by id, accepts arrays and filters with --only by id or file', async () => {
    const p = project();
    p.write('services/all.ts', `import a from './_a';\nimport b from './_b';\nexport default [b, a];\n`);
    p.write('services/_a.ts', SERVICE_TS('zeta'));
    p.write('services/_b.ts', SERVICE_TS('alpha'));
    p.write('dashboards/d.ts', DASHBOARD_TS('zeta-overview', 'zeta'));
    const catalog = await loadCatalog(p.root);
    expect(catalog.services.map((s) => s.id)).toEqual(['alpha', 'zeta']);
    const byId = await loadCatalog(p.root, { only: 'zeta-*' });
    expect(byId.dashboards.map((d) => d.id)).toEqual(['zeta-overview']);
    expect(byId.services.map((s) => s.id)).toEqual(['zeta']);
    const byFile = await loadCatalog(p.root, { only: 'services/**' });
    expect(byFile.dashboards).toEqual([]);
    expect(byFile.services).toHaveLength(2);
  });

  it("--only also matches a definition's service, and refuses a glob that matches nothing", async () => {
    const p = project();
    p.write('services/artefacts.ts', SERVICE_TS('artefacts'));
    p.write('services/queue.ts', SERVICE_TS('queue'));
    p.write('log-filters/syslog-nexus.ts', LOG_FILTER_TS('syslog-nexus', 'artefacts'));
    p.write('log-filters/syslog-rabbitmq.ts', LOG_FILTER_TS('syslog-rabbitmq', 'queue'));
    const selected = await loadCatalog(p.root, { only: 'artefacts*' });
    expect(selected.logFilters.map((f) => f.id)).toEqual(['syslog-nexus']);
    expect(selected.services.map((s) => s.id)).toEqual(['artefacts']);
    let error: unknown;
    await loadCatalog(p.root, { only: 'nexsus*' }).catch((caught: unknown) => (error = caught));
    expect(isCalvinError(error) && [error.code, error.oneLine()]).toEqual([
      'BAD_ARGUMENT',
      expect.stringMatching(/^--only "nexsus\*" matches no definition \(/),
    ]);
  });

  it('names the file and the thrown message when a file throws', async () => {
    const p = project();
    p.write(
      'dashboards/broken.ts',
      'const x: number = 1;\nthrow new Error("cannot reach the metrics catalog\\nsecond line");\nexport default x;\n',
    );
    expect(await loadError(p.root)).toEqual({
      code: 'BAD_DEFINITION',
      line: expect.stringMatching(/^dashboards\/broken\.ts: failed to load: cannot reach the metrics catalog \(/),
    });
  });

  it('reports syntax errors in one line with the error text and file:line:column', async () => {
    const p = project();
    p.write('alerts/syntax.ts', 'export default {\n  id: "x" "y"\n};\n');
    const { code, line } = await loadError(p.root);
    expect(code).toBe('BAD_DEFINITION');
    expect(line).toBe(
      'alerts/syntax.ts:2:11: Expected "}" but found "\\"y\\"" (fix the file; --debug shows the stack)',
    );
    // In a helper the helper is named; a file using import.meta loads file by file and says the same.
    p.write('alerts/syntax.ts', `import x from './_helper';\nexport default x;\n`);
    p.write('alerts/_helper.ts', 'export default [1, 2\n');
    expect((await loadError(p.root)).line).toMatch(/^alerts\/_helper\.ts:2:1: Expected "\]" but found end of file \(/);
    p.write('alerts/syntax.ts', 'const here = import.meta.url;\nexport default { here\n');
    expect((await loadError(p.root)).line).toMatch(/^alerts\/syntax\.ts:3:1: Expected "}" but found end of file \(/);
  });

  it.each([
    ['an empty file', ''],
    ['only comments', '// to do\n/* later */\n'],
    ['only types', "import type { ServiceDef } from 'calvin';\nexport type X = ServiceDef;\n"],
  ])('says a module with %s exports nothing', async (_label, source) => {
    const p = project();
    p.write('services/x.ts', source);
    expect((await loadError(p.root)).line).toMatch(/^services\/x\.ts: exports nothing \(/);
  });

  it('loads top-level await and import.meta, in definition files and helpers, from the one ESM bundle', async () => {
    const p = project();
    // Top-level await needs ESM mode, as in Node itself.
    p.write('package.json', '{"type":"module"}');
    p.write(
      'services/a.ts',
      `const id = await Promise.resolve('awaited');\n${SERVICE_TS('x').replace("id: 'x'", 'id')}`,
    );
    expect((await loadCatalog(p.root)).services.map((s) => s.id)).toEqual(['awaited']);
    const q = project();
    q.write(
      'services/b.ts',
      `const here = import.meta.url.endsWith('/services/b.ts') ? 'meta' : 'wrong';\n${SERVICE_TS('x').replace("id: 'x'", 'id: here')}`,
    );
    expect((await loadCatalog(q.root)).services.map((s) => s.id)).toEqual(['meta']);
    // import.meta only in a helper still names the helper's own file.
    const r = project();
    r.write('services/c.ts', `import id from './_helper';\n${SERVICE_TS('x').replace("id: 'x'", 'id')}`);
    r.write(
      'services/_helper.ts',
      "export default import.meta.url.endsWith('/services/_helper.ts') ? 'helper-meta' : 'wrong';\n",
    );
    expect((await loadCatalog(r.root)).services.map((s) => s.id)).toEqual(['helper-meta']);
  });

  it('reads a changed helper again on the next load', async () => {
    const p = project();
    p.write('services/a.ts', `import id from './_id';\n${SERVICE_TS('x').replace("id: 'x'", 'id')}`);
    p.write('services/_id.ts', "export default 'first';\n");
    expect((await loadCatalog(p.root)).services[0]?.id).toBe('first');
    p.write('services/_id.ts', "export default 'second';\n");
    expect((await loadCatalog(p.root)).services[0]?.id).toBe('second');
  });

  it.each([
    ['no default export', 'export const x = 1;\n', /services\/x\.ts: exports nothing/],
    ['an empty array', 'export default [];\n', /services\/x\.ts: exports an empty array/],
    ['a number', 'export default 42;\n', /services\/x\.ts: exports a number, not a definition/],
    ['an unknown kind', 'export default { kind: "panel", id: "x" };\n', /services\/x\.ts: unknown kind "panel"/],
    ['a missing id', 'export default { kind: "service" };\n', /services\/x\.ts: a service without an `id`/],
    [
      'a bad field',
      SERVICE_TS('x').replace('aliases: []', "aliases: 'nexus' as unknown as string[]"),
      /services\/x\.ts: service "x": `aliases` must be an array, got a string/,
    ],
  ])('rejects a file that exports %s', async (_label, source, pattern) => {
    const p = project();
    p.write('services/x.ts', source);
    const { code, line } = await loadError(p.root);
    expect(code).toBe('BAD_DEFINITION');
    expect(line).toMatch(pattern);
  });

  it('names both files of a duplicate id', async () => {
    const p = project();
    p.write('services/a.ts', SERVICE_TS('artefacts'));
    p.write('dashboards/b.ts', DASHBOARD_TS('artefacts', 'artefacts'));
    const { code, line } = await loadError(p.root);
    expect(code).toBe('DUPLICATE_ID');
    expect(line).toContain('dashboards/b.ts and services/a.ts');
  });

  it.each([
    ['alerts/a.ts', ALERT_TS('disk', 'nexus'), /alerts\/a\.ts: alert "disk" refers to unknown service "nexus"/],
    [
      'dashboards/d.ts',
      DASHBOARD_TS('d', 'nexus'),
      /dashboards\/d\.ts: dashboard "d" refers to unknown service "nexus"/,
    ],
    [
      'log-filters/f.ts',
      LOG_FILTER_TS('f', 'nexus'),
      /log-filters\/f\.ts: log-filter "f" refers to unknown service "nexus"/,
    ],
    [
      'index-templates/t.ts',
      INDEX_TEMPLATE_TS('t', ['nope']),
      /index-templates\/t\.ts: index-template "t" maps fields of unknown log filter "nope"/,
    ],
  ])('rejects a dangling reference in %s', async (file, source, pattern) => {
    const p = project();
    p.write('services/artefacts.ts', SERVICE_TS('artefacts'));
    p.write(file, source);
    const { code, line } = await loadError(p.root);
    expect(code).toBe('DANGLING_REFERENCE');
    expect(line).toMatch(pattern);
  });

  it('rejects a runbook file that does not exist or leaves the root', async () => {
    const p = project();
    p.write('services/artefacts.ts', SERVICE_TS('artefacts'));
    p.write('alerts/a.ts', ALERT_TS('disk', 'artefacts', { file: 'alerts/runbooks/missing.md' }));
    expect((await loadError(p.root)).line).toMatch(
      /^alerts\/a\.ts: alert "disk" runbook file alerts\/runbooks\/missing\.md cannot be read/,
    );
    p.write('alerts/a.ts', ALERT_TS('disk2', 'artefacts', { file: '../../etc/passwd' }));
    expect((await loadError(p.root)).line).toMatch(/outside the root/);
  });

  it('rejects a root that is not a directory', async () => {
    expect((await loadError('/nonexistent/calvin-root')).code).toBe('BAD_ARGUMENT');
  });

  it('reads a changed file again on the next load', async () => {
    const p = project();
    p.write('services/a.ts', SERVICE_TS('first'));
    expect((await loadCatalog(p.root)).services[0]?.id).toBe('first');
    p.write('services/a.ts', SERVICE_TS('second'));
    expect((await loadCatalog(p.root)).services[0]?.id).toBe('second');
  });
});
