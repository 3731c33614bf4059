/**
 * All definition files of a project as ONE ES module, built by esbuild and cached by content (see
 * transform-cache.ts). Its generated entry imports each file in turn inside its own try/catch, takes
 * the default export, calls `build()` on builders and checks the result is plain data, so what comes
 * out of the worker (definition-worker.ts) is one settled result per file. ESM keeps top-level
 * await and import.meta working; esbuild itself is imported only when the cache misses.
 *
 * The cache holds the bundle (`<key>.mjs`, imported from there) and the hashes of the helpers it
 * includes (`<key>.json`), checked on every hit.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CalvinError } from '../errors.js';
import { definitionsPlugin, type CalvinTarget } from './bundle-plugin.js';
import { esbuildProblem } from './esbuild-errors.js';
import { cachedFile, readCache, transformKey, writeCache } from './transform-cache.js';

/** Bump when the entry or the build options change: old cached bundles must not be reused. */
const BUNDLE_FORMAT = 'calvin-esm-bundle-1';
const ENTRY_NAME = '<calvin definitions>';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The running calvin's builders entry: built (kept external) or, in a source checkout, bundled from src. */
export function runningCalvin(): CalvinTarget {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const fromSource = import.meta.url.endsWith('.ts');
  const built = path.join(here, '../builders.js');
  if (!fromSource && existsSync(built)) return { path: built, external: true };
  return { path: path.join(here, '../builders.ts'), external: false };
}

function esbuildVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('esbuild/package.json') as { version: string }).version;
}

/** Runs inside the worker, as part of the bundle. */
const ENTRY_PRELUDE = `function serial(error) {
  if (error === null || typeof error !== "object") return { name: "Error", message: String(error) };
  const { name, message, stack, code, hint } = error;
  return { name: String(name), message: String(message), stack, code, hint, exit: error.calvinExit === true };
}
function built(value) {
  return value !== null && typeof value === "object" && typeof value.build === "function" ? value.build() : value;
}
async function settle(load) {
  let value;
  try {
    value = (await load()).default;
    if (value !== null && typeof value === "object" && value.__esModule === true) value = value.default;
    // A file without import or export is CommonJS to esbuild: its empty module.exports is nothing.
    if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype
      && Object.keys(value).length === 0) value = undefined;
  } catch (reason) { return { status: "rejected", stage: "load", reason: serial(reason) }; }
  try { value = Array.isArray(value) ? value.flat(3).map(built) : built(value); }
  catch (reason) { return { status: "rejected", stage: "build", reason: serial(reason) }; }
  try { structuredClone(value); }
  catch (reason) { return { status: "rejected", stage: "clone", reason: serial(reason) }; }
  return { status: "fulfilled", value };
}
const results = [];
`;

function entrySource(relativeFiles: readonly string[]): string {
  const imports = relativeFiles.map(
    (file) => `results.push(await settle(() => import(${JSON.stringify(`./${file}`)})));`,
  );
  return `${ENTRY_PRELUDE}${imports.join('\n')}\nexport default results;\n`;
}

interface HelperHashes {
  /** Files the bundle includes besides the definition files: root-relative path and sha256. */
  helpers: [string, string][];
}

function helpersUnchanged(key: string, root: string): boolean {
  const text = readCache(key, 'json');
  if (text === undefined) return false;
  try {
    const record = JSON.parse(text) as HelperHashes;
    return record.helpers.every(([file, hash]) => sha256(readFileSync(path.join(root, file), 'utf8')) === hash);
  } catch {
    return false;
  }
}

async function bundle(root: string, relativeFiles: readonly string[], calvin: CalvinTarget) {
  const esbuild = await import('esbuild');
  try {
    const result = await esbuild.build({
      stdin: { contents: entrySource(relativeFiles), resolveDir: root, sourcefile: ENTRY_NAME, loader: 'js' },
      absWorkingDir: root,
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // CommonJS helpers may `require()` packages: give the module a require of the project's.
      banner: {
        js: [
          'import { createRequire as __calvinRequire } from "node:module";',
          `const require = __calvinRequire(${JSON.stringify(path.join(root, 'package.json'))});`,
        ].join(' '),
      },
      plugins: [definitionsPlugin(calvin)],
      // Like a plain transform: the project's tsconfig (paths, decorators...) is not applied.
      tsconfigRaw: '{}',
      logLevel: 'silent',
    });
    const entries = new Set(relativeFiles);
    const helpers: [string, string][] = Object.keys(result.metafile.inputs)
      .filter((input) => input !== ENTRY_NAME && !entries.has(input))
      .sort()
      .map((input) => [input, sha256(readFileSync(path.join(root, input), 'utf8'))]);
    return { code: result.outputFiles[0]?.text ?? '', helpers };
  } catch (error) {
    const problem = esbuildProblem(error, root);
    if (problem !== undefined)
      throw new CalvinError('BAD_DEFINITION', problem, 'fix the file; --debug shows the stack', { cause: error });
    throw error;
  }
}

/** The bundle in the cache folder (`file`), or its code when there is no usable cache. */
export type DefinitionBundle = { file: string } | { code: string };

/** The bundle of `relativeFiles` (paths relative to `root`), from the cache when nothing changed. */
export async function definitionBundle(root: string, relativeFiles: readonly string[]): Promise<DefinitionBundle> {
  const calvin = runningCalvin();
  const sources = relativeFiles.map((file) => readFileSync(path.join(root, file), 'utf8'));
  const key = transformKey([
    BUNDLE_FORMAT,
    esbuildVersion(),
    root,
    calvin.path,
    ...relativeFiles.flatMap((file, i) => [file, sources[i] as string]),
  ]);
  const hit = cachedFile(key, 'mjs');
  if (hit !== undefined && helpersUnchanged(key, root)) return { file: hit };
  const { code, helpers } = await bundle(root, relativeFiles, calvin);
  await writeCache(key, JSON.stringify({ helpers } satisfies HelperHashes), 'json');
  await writeCache(key, code, 'mjs');
  const file = cachedFile(key, 'mjs');
  return file === undefined ? { code } : { file };
}
