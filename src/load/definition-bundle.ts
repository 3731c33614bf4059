/**
 * All definition files of a project as ONE ES module, built by esbuild and cached by content (see
 * transform-cache.ts). Its generated entry imports each file in turn inside its own try/catch, takes
 * the default export, calls `build()` on builders and checks the result is plain data, so what comes
 * out of the worker (definition-worker.ts) is one settled result per file. ESM keeps top-level
 * await and import.meta working; esbuild itself is imported only when the cache misses.
 *
 * The cache holds the bundle (`<key>.mjs`, imported from there) and the hashes of the helpers it
 * includes (`<key>.json`), checked on every hit, with whether its result is a function of its sources
 * alone (see model-cache.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CalvinError } from '../errors.js';
import { definitionsPlugin, type CalvinTarget } from './bundle-plugin.js';
import { esbuildProblem } from './esbuild-errors.js';
import { cachedFile, readCache, transformKey, writeCache } from './transform-cache.js';

/** Bump when the entry or the build options change: old cached bundles must not be reused. */
const BUNDLE_FORMAT = 'calvin-esm-bundle-2';
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

interface BundleRecord {
  /** Files the bundle includes besides the definition files: root-relative path and sha256. */
  helpers: [string, string][];
  /** Same sources, same result: no import outside the bundle but calvin, no clock, randomness or environment. */
  deterministic: boolean;
}

/** The record of a cached bundle whose helpers are unchanged. */
function unchangedRecord(key: string, root: string): BundleRecord | undefined {
  const text = readCache(key, 'json');
  if (text === undefined) return undefined;
  try {
    const record = JSON.parse(text) as BundleRecord;
    const same = record.helpers.every(([file, hash]) => sha256(readFileSync(path.join(root, file), 'utf8')) === hash);
    return same ? record : undefined;
  } catch {
    return undefined;
  }
}

/** What makes a module's result depend on more than its source text. */
const IMPURE = /\bprocess\.(env|argv|cwd|hrtime|uptime|pid|platform)\b|\bDate\.now\b|\bnew Date\(|\bMath\.random\b/;

type Metafile = { inputs: Record<string, { imports: { path: string; external?: boolean }[] }> };

/** True when the project's own inputs import nothing but each other and calvin, and read no clock or environment. */
function isDeterministic(metafile: Metafile, root: string, calvin: CalvinTarget): boolean {
  const calvinDir = path.dirname(calvin.path) + path.sep;
  const calvinUrl = pathToFileURL(calvin.path).href;
  return Object.entries(metafile.inputs).every(([input, { imports }]) => {
    if (input === ENTRY_NAME) return true;
    const file = path.resolve(root, input);
    if (file.startsWith(calvinDir)) return true;
    if (imports.some((i) => i.external && i.path !== calvinUrl && i.path !== calvin.path)) return false;
    return !IMPURE.test(readFileSync(file, 'utf8'));
  });
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
    const deterministic = isDeterministic(result.metafile, root, calvin);
    return { code: result.outputFiles[0]?.text ?? '', record: { helpers, deterministic } };
  } catch (error) {
    const problem = esbuildProblem(error, root);
    if (problem !== undefined)
      throw new CalvinError('BAD_DEFINITION', problem, 'fix the file; --debug shows the stack', { cause: error });
    throw error;
  }
}

/**
 * The bundle in the cache folder (`file`), or its code when there is no usable cache. `contentKey`
 * hashes everything the bundle was made from: definition files, helpers, esbuild, root, calvin's entry.
 * `deterministic`: evaluating it again gives the same result (model-cache.ts may keep that).
 */
export type DefinitionBundle = { file: string; contentKey: string; deterministic: boolean } | { code: string };

function cached(file: string, key: string, record: BundleRecord): DefinitionBundle {
  const contentKey = transformKey([key, ...record.helpers.flat()]);
  return { file, contentKey, deterministic: record.deterministic };
}

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
  const unchanged = hit === undefined ? undefined : unchangedRecord(key, root);
  if (hit !== undefined && unchanged !== undefined) return cached(hit, key, unchanged);
  const { code, record } = await bundle(root, relativeFiles, calvin);
  await writeCache(key, JSON.stringify(record), 'json');
  await writeCache(key, code, 'mjs');
  const file = cachedFile(key, 'mjs');
  return file === undefined ? { code } : cached(file, key, record);
}
