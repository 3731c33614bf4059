/**
 * `calvin build` as a library call: load the definitions, render every artifact in memory, then
 * swap the output folder in one step. Nothing is written unless everything rendered.
 */
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_ENVIRONMENT, type EnvironmentModel } from '../define/environment.js';
import type { Catalog } from '../define/types.js';
import { CalvinError } from '../errors.js';
import type { Artifact, RenderOptions, Target } from '../render/types.js';
import { loadCatalog } from './load-catalog.js';
import { writeDirAtomic } from '../fsutil/index.js';

/** Written into every build output so that a later build only ever replaces a folder calvin made. */
export const BUILD_MARKER = '.calvin-build';
const MARKER_TEXT = 'This folder is written by `calvin build` and replaced as a whole on every build.\n';

export interface BuildOptions {
  root: string;
  out: string;
  targets: readonly Target[];
  only?: string;
  /** Defaults: the renderers' `defaultRenderOptions` (Calvinverse datasources, `autogen`). */
  renderOptions?: Partial<Omit<RenderOptions, 'targets'>>;
}

export interface BuiltArtifact {
  path: string;
  target: Target;
  type: Artifact['type'];
  name: string;
  definitionId: string;
  sha256: string;
}

export interface BuildResult {
  out: string;
  catalog: Catalog;
  artifacts: BuiltArtifact[];
  counts: Partial<Record<Target, number>>;
}

/**
 * The environment model with the configured database names (`CALVIN_DB_SYSTEM`, ...): the routes
 * and the datasources provisioned for them point at those databases.
 */
export function configuredEnvironment(
  databases: { system: string; services: string } = DEFAULT_ENVIRONMENT.databases,
): EnvironmentModel {
  const base = DEFAULT_ENVIRONMENT;
  const rename = (db: string): string =>
    db === base.databases.system ? databases.system : db === base.databases.services ? databases.services : db;
  return {
    databases: { system: databases.system, services: databases.services, statsd: rename(base.databases.statsd) },
    retentionPolicy: base.retentionPolicy,
    datasources: base.datasources.map((d) => (d.database === undefined ? d : { ...d, database: rename(d.database) })),
  };
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The output folder is replaced wholesale: make sure it is not the project, and was made by calvin. */
export async function assertReplaceableOutput(out: string, root: string): Promise<void> {
  const target = path.resolve(out);
  const projectRoot = path.resolve(root);
  if (isInside(projectRoot, target) || isInside(process.cwd(), target)) {
    throw new CalvinError(
      'BAD_ARGUMENT',
      `--out ${out} contains the project or the current folder; a build replaces its output folder entirely`,
      'choose a dedicated folder such as --out out/',
    );
  }
  for (const folder of ['services', 'dashboards', 'alerts', 'log-filters', 'index-templates']) {
    if (isInside(target, path.join(projectRoot, folder))) {
      throw new CalvinError(
        'BAD_ARGUMENT',
        `--out ${out} is inside the definitions folder ${folder}/`,
        'choose a dedicated folder such as --out out/',
      );
    }
  }
  const info = await stat(target).catch(() => undefined);
  if (!info) return;
  if (!info.isDirectory())
    throw new CalvinError('BAD_ARGUMENT', `--out ${out} exists and is not a folder`, 'choose another --out');
  const entries = await readdir(target);
  if (entries.length > 0 && !entries.includes(BUILD_MARKER)) {
    throw new CalvinError(
      'BAD_ARGUMENT',
      `--out ${out} exists and was not written by calvin build (no ${BUILD_MARKER} file)`,
      'choose an empty or new folder; calvin replaces its output folder entirely',
    );
  }
}

export function sha256(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

/** Renders in memory and checks that no two artifacts claim one path. */
export async function renderArtifacts(catalog: Catalog, options: RenderOptions): Promise<Artifact[]> {
  const { renderCatalog } = await import('../render/index.js');
  return checkedArtifacts(renderCatalog(catalog, options));
}

/** Sorted by path; no two artifacts may claim one path (one would silently overwrite the other). */
export function checkedArtifacts(rendered: readonly Artifact[]): Artifact[] {
  const artifacts = [...rendered].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (let i = 1; i < artifacts.length; i++) {
    const previous = artifacts[i - 1] as Artifact;
    const current = artifacts[i] as Artifact;
    if (previous.path === current.path) {
      throw new CalvinError(
        'DUPLICATE_ID',
        `${current.path} is rendered twice (from "${previous.definitionId}" and "${current.definitionId}")`,
        'give the definitions distinct ids or names',
      );
    }
  }
  return artifacts;
}

export async function buildProject(options: BuildOptions): Promise<BuildResult> {
  await assertReplaceableOutput(options.out, options.root);
  const catalog = await loadCatalog(options.root, options.only === undefined ? {} : { only: options.only });
  const { defaultRenderOptions } = await import('../render/index.js');
  const renderOptions: RenderOptions = defaultRenderOptions({ ...options.renderOptions, targets: options.targets });
  const artifacts = await renderArtifacts(catalog, renderOptions);
  await writeDirAtomic(options.out, [
    { path: BUILD_MARKER, content: MARKER_TEXT },
    ...artifacts.map((artifact) => ({ path: artifact.path, content: artifact.content })),
  ]);
  const counts: Partial<Record<Target, number>> = {};
  for (const artifact of artifacts) counts[artifact.target] = (counts[artifact.target] ?? 0) + 1;
  return {
    out: options.out,
    catalog,
    counts,
    artifacts: artifacts.map((a) => ({
      path: a.path,
      target: a.target,
      type: a.type,
      name: a.name,
      definitionId: a.definitionId,
      sha256: sha256(a.content),
    })),
  };
}
