/** The library entry point: lint files, folders and definitions; returns ESLint-style results. */
import path from 'node:path';
import type { Catalog } from '../define/types.js';
import { runRules } from './engine.js';
import { collectInputs, fileExistsFrom, hasDefinitions } from './files.js';
import type { LiveFacts } from './live/facts.js';
import { buildProject, type InputFile } from './project.js';
import { RULES } from './rules/index.js';
import type { LintProject, LintResult, LintRule, SkippedFile } from './types.js';

export interface LintRunOptions {
  /** Files and folders; empty → the definitions under `root`. */
  paths: string[];
  root: string;
  cwd?: string;
  rules?: readonly LintRule[];
  /** Gathers live facts once the project is known (see live/gather.ts). */
  live?: (project: LintProject) => Promise<LiveFacts>;
  /** Loads a definitions root (default: src/load's loadCatalog). */
  loadCatalog?: (root: string) => Promise<Catalog>;
  /** Larger files are listed as not checked (default 5 MB). */
  maxFileBytes?: number;
}

export interface LintRun {
  results: LintResult[];
  project: LintProject;
  rules: readonly LintRule[];
  filesLinted: number;
  /** Files not checked, with the reason: read errors (size, binary) and unparsable-by-design files. */
  skipped: SkippedFile[];
}

function mergeCatalogs(catalogs: Catalog[]): Catalog {
  return {
    services: catalogs.flatMap((c) => c.services),
    dashboards: catalogs.flatMap((c) => c.dashboards),
    alerts: catalogs.flatMap((c) => c.alerts),
    logFilters: catalogs.flatMap((c) => c.logFilters),
    indexTemplates: catalogs.flatMap((c) => c.indexTemplates),
  };
}

/** Lint in-memory inputs (pure apart from the injected file check). */
export function lintInputs(
  files: InputFile[],
  options: {
    catalog?: Catalog;
    rules?: readonly LintRule[];
    knownPaths?: Set<string>;
    fileExists?: (p: string) => boolean;
    live?: LiveFacts;
    definitionSources?: ReadonlyMap<string, string>;
  } = {},
): { results: LintResult[]; project: LintProject } {
  const project = buildProject({ files, ...options });
  return { results: runRules(project, options.rules ?? RULES), project };
}

/**
 * The .ts source of every loaded definition (keyed by its `source.file`, relative to its root), so
 * findings land on the line that defines the offending id, measurement or field. I/O at the edge;
 * an unreadable file only loses the location.
 */
async function readDefinitionSources(
  catalogs: readonly Catalog[],
  roots: readonly string[],
): Promise<Map<string, string>> {
  const { readFile } = await import('node:fs/promises');
  const sources = new Map<string, string>();
  await Promise.all(
    catalogs.map(async (c, i) => {
      const root = roots[i];
      if (root === undefined) return;
      const files = new Set<string>();
      for (const list of [c.services, c.dashboards, c.alerts, c.logFilters, c.indexTemplates])
        for (const d of list) if (d.source?.file) files.add(d.source.file);
      for (const f of files) {
        if (sources.has(f)) continue;
        const text = await readFile(path.resolve(root, f), 'utf8').catch(() => undefined);
        if (text !== undefined) sources.set(f, text);
      }
    }),
  );
  return sources;
}

export async function lintPaths(options: LintRunOptions): Promise<LintRun> {
  const cwd = options.cwd ?? process.cwd();
  const rules = options.rules ?? RULES;
  const collected = options.paths.length
    ? await collectInputs(options.paths, cwd, options.maxFileBytes)
    : { files: [], knownPaths: new Set<string>(), definitionRoots: [options.root], skipped: [] };
  const load = options.loadCatalog ?? (async (root: string) => (await import('../load/index.js')).loadCatalog(root));
  const catalogs = await Promise.all(collected.definitionRoots.map((r) => load(r)));
  // Grok expressions are compiled on the real engine when it is available.
  await (await import('../logstash/grok/engine.js')).loadOniguruma().catch(() => undefined);
  const catalog = catalogs.length ? mergeCatalogs(catalogs) : undefined;
  // Raw artifacts linted from inside a calvin project: its definitions say which measurements exist.
  const contextCatalog =
    !catalog && options.paths.length && hasDefinitions(options.root)
      ? await load(options.root).catch(() => undefined)
      : undefined;
  const definitionSources = catalog
    ? await readDefinitionSources(catalogs, collected.definitionRoots)
    : new Map<string, string>();
  const base = {
    files: collected.files,
    knownPaths: collected.knownPaths,
    fileExists: fileExistsFrom(cwd),
    definitionSources,
    ...(catalog ? { catalog } : {}),
    ...(contextCatalog ? { contextCatalog } : {}),
  };
  let project = buildProject(base);
  if (options.live) project = buildProject({ ...base, live: await options.live(project) });
  const skipped = [...collected.skipped, ...project.skipped];
  const filesLinted = collected.files.length - project.skipped.length + (catalog ? 1 : 0);
  return { results: runRules(project, rules), project, rules, filesLinted, skipped };
}
