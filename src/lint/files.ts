/**
 * Reading what to lint from disk (local files only; no network): the files and folders named on the
 * command line, and the definitions root. Everything after this is pure.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CalvinError } from '../errors.js';
import type { InputFile } from './project.js';
import type { SkippedFile } from './types.js';

const LINTED = /\.(json|conf|ctmpl|tick|ya?ml|txt)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'coverage']);
const DEFINITION_FOLDERS = ['services', 'dashboards', 'alerts', 'log-filters', 'index-templates'];
/** Files larger than this are not configs (data dumps): listed as not checked unless --max-file-size raises it. */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface CollectedInputs {
  files: InputFile[];
  /** Every file below the named folders (any extension), display paths. */
  knownPaths: Set<string>;
  /** Folders that hold typed definitions (a definitions root). */
  definitionRoots: string[];
  /** Files of a linted type that were not read, with the reason. */
  skipped: SkippedFile[];
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a file, or why it is not a text file lint can check. */
function decode(bytes: Buffer): { text: string } | { reason: string } {
  if (bytes.includes(0)) return { reason: 'binary file (contains NUL bytes), not text' };
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    return { reason: 'not valid UTF-8 text' };
  }
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
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

export async function collectInputs(
  paths: string[],
  cwd = process.cwd(),
  maxFileBytes = DEFAULT_MAX_FILE_BYTES,
): Promise<CollectedInputs> {
  const files: InputFile[] = [];
  const skipped: SkippedFile[] = [];
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
      const shown = display(cwd, f);
      knownPaths.add(shown);
      if (!LINTED.test(f)) continue;
      const size = (await stat(f)).size;
      if (size > maxFileBytes) {
        const reason = `${formatBytes(size)}, over the ${formatBytes(maxFileBytes)} limit (raise it with --max-file-size)`;
        skipped.push({ file: shown, reason });
        continue;
      }
      const decoded = decode(await readFile(f));
      if ('reason' in decoded) skipped.push({ file: shown, reason: decoded.reason });
      else files.push({ path: shown, text: decoded.text });
    }
  }
  return { files, knownPaths, definitionRoots, skipped };
}

/** Whether a folder is a calvin project root: it holds services/ (the definitions everything else refers to). */
export function hasDefinitions(root: string): boolean {
  return existsSync(path.join(root, 'services'));
}

/** Existence check for patterns_dir values: absolute paths as they are, relative ones from cwd. */
export function fileExistsFrom(cwd: string): (p: string) => boolean {
  return (p) => existsSync(path.resolve(cwd, p));
}
