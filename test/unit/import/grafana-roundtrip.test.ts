/**
 * Every Grafana dashboard of the Calvinverse corpus imports; the generated TypeScript type-checks
 * and loads through calvin's loader; re-rendering it with the Grafana renderer gives the same panels
 * (titles, types, order) and the same queries as Grafana itself runs for the original (editor-form
 * targets rendered the way Grafana's InfluxQueryModel does), compared after normalisation.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  importGrafanaFiles,
  importedPanelType,
  normaliseInfluxQL,
  renderGrafanaEditorQuery,
  type GrafanaPanel,
} from '../../../src/import/index.js';
import type { GrafanaDashboardJson } from '../../../src/import/grafana-types.js';
import { buildProject, loadCatalog } from '../../../src/load/index.js';
import { existingDefinitions } from '../../../src/load/new-definition.js';
import { defaultRenderOptions, renderCatalog, TARGETS } from '../../../src/render/index.js';
import type { Catalog } from '../../../src/define/types.js';
import { tempRoot, type TempRoot } from '../load/fixture-roots.js';
import { typecheck } from '../load/typecheck.js';

const repoRoot = path.resolve(fileURLToPath(import.meta.url), '../../../..');
const corpus = path.resolve(repoRoot, '../shared/calvinverse-corpus');
const files = execFileSync('grep', ['-rl', '"panels"\\|"rows"', '--include=*.json', corpus], { encoding: 'utf8' })
  .trim()
  .split('\n')
  .sort();

interface PanelView {
  title: string;
  type: string;
  queries: string[];
}

function sortByGrid(panels: readonly GrafanaPanel[]): GrafanaPanel[] {
  return [...panels].sort(
    (a, b) => (a.gridPos?.y ?? 0) - (b.gridPos?.y ?? 0) || (a.gridPos?.x ?? 0) - (b.gridPos?.x ?? 0),
  );
}

/** What Grafana shows and runs for the original dashboard, in display order. */
function originalPanels(json: GrafanaDashboardJson): PanelView[] {
  const panels: GrafanaPanel[] = [];
  for (const row of json.rows ?? []) panels.push(...(row.panels ?? []));
  for (const panel of sortByGrid(json.panels ?? [])) {
    if (panel.type === 'row') panels.push(...sortByGrid(panel.panels ?? []));
    else panels.push(panel);
  }
  return panels.map((panel) => ({
    title: panel.title ?? '',
    type: importedPanelType(panel.type),
    queries: (panel.targets ?? []).filter((t) => !t.hide).map((t) => normaliseInfluxQL(renderGrafanaEditorQuery(t))),
  }));
}

interface RenderedPanel {
  type: string;
  title: string;
  panels?: RenderedPanel[];
  targets?: { query: string }[];
}

function renderedPanels(dashboard: { panels: RenderedPanel[] }): PanelView[] {
  const flat: RenderedPanel[] = [];
  for (const panel of dashboard.panels) {
    if (panel.type === 'row') flat.push(...(panel.panels ?? []));
    else flat.push(panel);
  }
  return flat.map((p) => ({
    title: p.title,
    type: p.type,
    queries: (p.targets ?? []).map((t) => normaliseInfluxQL(t.query)),
  }));
}

describe('grafana import round trip over the corpus', () => {
  let root: TempRoot;
  let catalog: Catalog;
  let imported: Awaited<ReturnType<typeof importGrafanaFiles>>;
  let shippedIds: Set<string>;

  // Into a copy of the shipped project, so that imported ids meet the shipped ones.
  beforeAll(async () => {
    root = tempRoot();
    for (const folder of ['services', 'dashboards', 'alerts', 'log-filters', 'index-templates', 'runbooks'])
      cpSync(path.join(repoRoot, folder), path.join(root.root, folder), { recursive: true });
    const existing = await existingDefinitions(root.root);
    shippedIds = new Set(existing.keys());
    imported = await importGrafanaFiles(files, {
      out: path.join(root.root, 'dashboards/imported'),
      existingIds: new Map([...existing].map(([id, d]) => [id, d.file])),
    });
    catalog = await loadCatalog(root.root);
  }, 120_000);
  afterAll(() => root.remove());

  it('finds the corpus dashboards', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    expect(imported).toHaveLength(files.length);
    expect(catalog.dashboards.filter((d) => d.source?.file.startsWith('dashboards/imported/'))).toHaveLength(
      files.length,
    );
  });

  it('renames imported ids that clash with the project (imported- prefix), and the project still builds', async () => {
    const renamed = imported.filter((r) => r.id.startsWith('imported-'));
    for (const r of renamed) {
      expect(
        shippedIds.has(r.id.slice('imported-'.length).replace(/-\d+$/, '')) ||
          shippedIds.has(r.id.slice('imported-'.length)),
      ).toBe(true);
      expect(r.notes[0]).toMatch(/^id ".*" is already used by .*: imported as "imported-/);
    }
    for (const r of imported) expect(shippedIds.has(r.id)).toBe(false);
    const result = await buildProject({ root: root.root, out: path.join(root.root, 'out'), targets: TARGETS });
    expect(result.artifacts.filter((a) => a.type === 'grafana-dashboard').length).toBe(catalog.dashboards.length);
  }, 120_000);

  it('prefixes an id that clashes with an existing definition', async () => {
    const [first] = files;
    const plain = await importGrafanaFiles([first as string]);
    const clashing = await importGrafanaFiles([first as string], {
      existingIds: new Map([
        [plain[0]?.id as string, 'dashboards/x.ts'],
        [`imported-${plain[0]?.id}`, 'dashboards/y.ts'],
      ]),
    });
    expect(clashing[0]?.id).toBe(`imported-${plain[0]?.id}-2`);
    expect(clashing[0]?.source).toContain(
      `is already used by dashboards/x.ts: imported as "imported-${plain[0]?.id}-2"`,
    );
  });

  it('writes TypeScript that type-checks against the model', () => {
    const written = imported.map((r) => path.join(root.root, 'dashboards/imported', r.fileName));
    expect(typecheck(written)).toEqual([]);
  }, 180_000);

  it('keeps most queries typed and says which stay raw', () => {
    const typed = imported.reduce((n, r) => n + r.stats.typedQueries, 0);
    const raw = imported.reduce((n, r) => n + r.stats.rawQueries, 0);
    expect(typed).toBeGreaterThan(200);
    expect(raw).toBeLessThan(15);
    const rawNotes = imported.flatMap((r) => r.notes.filter((n) => n.includes('kept as raw InfluxQL')));
    expect(rawNotes).toHaveLength(raw);
  });

  it.each(files.map((f) => [path.basename(f), f]))('%s re-renders to the same panels and queries', (_name, file) => {
    const json = JSON.parse(readFileSync(file, 'utf8')) as GrafanaDashboardJson;
    const result = imported.find((r) => r.input === file);
    expect(result).toBeDefined();
    const definition = catalog.dashboards.find((d) => d.id === result?.id);
    expect(definition?.source?.file).toBe(`dashboards/imported/${result?.fileName}`);
    const artifacts = renderCatalog(
      { ...catalog, dashboards: definition ? [definition] : [] },
      defaultRenderOptions({ targets: ['grafana'] }),
    );
    const artifact = artifacts.find((a) => a.type === 'grafana-dashboard');
    expect(artifact).toBeDefined();
    const rendered = renderedPanels(JSON.parse(artifact?.content ?? '{}') as { panels: RenderedPanel[] });
    expect(rendered).toEqual(originalPanels(json));
  });
});
