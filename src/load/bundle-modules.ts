/**
 * Loads every definition file with ONE esbuild call. A generated entry requires each file inside
 * its own try/catch; esbuild bundles them (relative helpers included; packages and `calvin` stay
 * external) into one CommonJS script that is compiled once. One transform round trip and one V8
 * compile per file is what made loading 1000 files slow.
 *
 * The bundle is cached (see transform-cache.ts) under the names and contents of the definition files
 * and checked against the content of every helper it includes. Returns undefined when the project
 * needs what a CommonJS bundle cannot give (top-level await, import.meta); the caller then loads
 * file by file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CalvinError } from '../errors.js';
import { esbuildProblem } from './esbuild-errors.js';
import { compile, installRequireHooks, loadEsbuild, namespaceOf, needsEsm } from './import-module.js';
import { readCache, transformKey, writeCache } from './transform-cache.js';

/** Bump when the entry or the build options change: old cached bundles must not be reused. */
const BUNDLE_FORMAT = 'calvin-bundle-1';
const ENTRY_NAME = '<calvin definitions>';

interface BundleRecord {
  /** Helpers the bundle includes besides the definition files: root-relative path and sha256. */
  helpers: [string, string][];
  code: string;
}

interface Settled {
  status: 'fulfilled' | 'rejected';
  value?: unknown;
  reason?: unknown;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function entrySource(relativeFiles: readonly string[]): string {
  const requires = relativeFiles.map((file) => `  settle(() => require(${JSON.stringify(`./${file}`)})),`);
  return [
    'function settle(load) {',
    '  try { return { status: "fulfilled", value: load() }; } catch (reason) { return { status: "rejected", reason }; }',
    '}',
    'module.exports = [',
    ...requires,
    '];',
    '',
  ].join('\n');
}

function cachedBundle(key: string, root: string): string | undefined {
  const text = readCache(key, 'json');
  if (text === undefined) return undefined;
  try {
    const record = JSON.parse(text) as BundleRecord;
    for (const [file, hash] of record.helpers) {
      if (sha256(readFileSync(path.join(root, file), 'utf8')) !== hash) return undefined;
    }
    return record.code;
  } catch {
    return undefined;
  }
}

async function bundle(
  root: string,
  relativeFiles: readonly string[],
  entryFiles: ReadonlySet<string>,
): Promise<BundleRecord | undefined> {
  const esbuild = await loadEsbuild();
  let result;
  try {
    result = await esbuild.build({
      stdin: { contents: entrySource(relativeFiles), resolveDir: root, sourcefile: ENTRY_NAME, loader: 'js' },
      absWorkingDir: root,
      bundle: true,
      write: false,
      metafile: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      external: ['calvin'],
      // Like the per-file transform: the project's tsconfig (paths, decorators...) is not applied.
      tsconfigRaw: '{}',
      logLevel: 'silent',
    });
  } catch (error) {
    if (needsEsm(error)) return undefined;
    const problem = esbuildProblem(error, root);
    if (problem !== undefined)
      throw new CalvinError('BAD_DEFINITION', problem, 'fix the file; --debug shows the stack', { cause: error });
    throw error;
  }
  // import.meta would be empty in a CommonJS bundle: such projects load file by file instead.
  if (result.warnings.some((w) => w.text.includes('import.meta'))) return undefined;
  const code = result.outputFiles[0]?.text ?? '';
  const helpers: [string, string][] = Object.keys(result.metafile.inputs)
    .filter((input) => input !== ENTRY_NAME && !entryFiles.has(input))
    .sort()
    .map((input) => [input, sha256(readFileSync(path.join(root, input), 'utf8'))]);
  return { helpers, code };
}

/** One settled result per file, in the order of `relativeFiles`; undefined: load file by file. */
export async function importAllBundled(
  root: string,
  relativeFiles: readonly string[],
): Promise<PromiseSettledResult<unknown>[] | undefined> {
  if (relativeFiles.length === 0) return [];
  const esbuild = await loadEsbuild();
  const sources = relativeFiles.map((file) => readFileSync(path.join(root, file), 'utf8'));
  if (sources.some((source) => source.includes('import.meta'))) return undefined;
  const key = transformKey([
    BUNDLE_FORMAT,
    esbuild.version,
    root,
    ...relativeFiles.flatMap((file, i) => [file, sources[i] as string]),
  ]);
  let code = cachedBundle(key, root);
  if (code === undefined) {
    const record = await bundle(root, relativeFiles, new Set(relativeFiles));
    if (record === undefined) return undefined;
    code = record.code;
    await writeCache(key, JSON.stringify(record), 'json');
  }
  installRequireHooks();
  // Named inside the root so that `require` of packages resolves from the project, as per file.
  const settled = compile(code, path.join(root, '.calvin-definitions.cjs')).exports as Settled[];
  return settled.map(
    (outcome): PromiseSettledResult<unknown> =>
      outcome.status === 'fulfilled'
        ? { status: 'fulfilled', value: namespaceOf(outcome.value) }
        : { status: 'rejected', reason: outcome.reason },
  );
}
