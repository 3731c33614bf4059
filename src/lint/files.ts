/**
 * Reading what to lint from disk (local files only; no network): the files and folders named on the
 * command line, and the definitions root. Everything after this is pure.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CalvinError } from '../errors.js';
import type { InputFile } from './project.js';

const LINTED = /\.(json|conf|ctmpl|tick|ya?ml|txt)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'coverage']);
const DEFINITION_FOLDERS = ['services', 'dashboards', 'alerts', 'log-filters', 'index-templates'];
/** Files larger than this are not configs (data dumps): skipped. */
const MAX_BYTES = 5 * 1024 * 1024;

export interface CollectedInputs {
  files: InputFile[];
  /** Every file below the named folders (any extension), display paths. */
  knownPaths: Set<string>;
  /** Folders that hold typed definitions (a definitions root). */
  definitionRoots: string[];
}

const display = (cwd: string, abs: string): string => {
  const rel = path.relative(cwd, abs);
  return (path.isAbsolute(rel) ? abs : rel).split(path.sep).join('/');
};

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(path.join(dir, e.name), out);
    } else if (e.isFile()) out.push(path.join(dir, e.name));
  }
}

export async function collectInputs(paths: string[], cwd = process.cwd()): Promise<CollectedInputs> {
  const files: InputFile[] = [];
  const knownPaths = new Set<string>();
  const definitionRoots: string[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let info;
    try {
      info = await stat(abs);
    } catch {
      throw new CalvinError(
        'BAD_ARGUMENT',
        `${p} does not exist`,
        'name files or folders to lint, or none to lint the definitions under --root',
      );
    }
    const found: string[] = [];
    if (info.isDirectory()) {
      await walk(abs, found);
      if (
        DEFINITION_FOLDERS.some(
          (f) =>
            existsSync(path.join(abs, f)) &&
            found.some((x) => x.startsWith(path.join(abs, f) + path.sep) && /\.(ts|mts|js|mjs)$/.test(x)),
        )
      )
        definitionRoots.push(abs);
    } else found.push(abs);
    for (const f of found) {
      knownPaths.add(display(cwd, f));
      if (!LINTED.test(f)) continue;
      const size = (await stat(f)).size;
      if (size > MAX_BYTES) continue;
      files.push({ path: display(cwd, f), text: await readFile(f, 'utf8') });
    }
  }
  return { files, knownPaths, definitionRoots };
}

/** Whether a folder is a calvin project root: it holds services/ (the definitions everything else refers to). */
export function hasDefinitions(root: string): boolean {
  return existsSync(path.join(root, 'services'));
}

/** Existence check for patterns_dir values: absolute paths as they are, relative ones from cwd. */
export function fileExistsFrom(cwd: string): (p: string) => boolean {
  return (p) => existsSync(path.resolve(cwd, p));
}
