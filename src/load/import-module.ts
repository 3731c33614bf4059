/**
 * Imports definition modules so that `.ts` files load without a compile step.
 *
 * Fast path: every file is transformed by esbuild (TypeScript → CommonJS, all files concurrently)
 * and evaluated in this thread; relative `.ts` helpers are required through the same transform.
 * Files that need real ESM semantics (top-level await) fall back to tsx's ESM loader.
 *
 * Definition files `import ... from 'calvin'`. Inside this package that resolves by self-reference;
 * in a user's own project without calvin installed it would not, so a failed resolution of `calvin`
 * falls back to the calvin that is running (CommonJS: Module._resolveFilename; ESM fallback: a
 * tiny module.register resolve hook).
 */
import { existsSync, readFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cachedTransform, transformKey } from './transform-cache.js';

/** The entry of the running calvin: dist/index.js when built; src/index.ts only when no build exists. */
export function calvinEntryPath(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    path.join(here, '../index.js'),
    path.join(here, '../../dist/index.js'),
    path.join(here, '../index.ts'),
  ];
  return candidates.find((candidate) => existsSync(candidate)) ?? (candidates[0] as string);
}

interface ModuleInternals {
  _resolveFilename: (request: string, parent: unknown, ...rest: unknown[]) => string;
  _extensions: Record<string, (module: CompilableModule, filename: string) => void>;
  _cache: Record<string, unknown>;
  _nodeModulePaths: (dir: string) => string[];
}

interface CompilableModule {
  exports: unknown;
  filename: string;
  paths: string[];
  loaded: boolean;
  _compile: (code: string, filename: string) => void;
}

const internals = Module as unknown as ModuleInternals;
const TS_EXTENSIONS = ['.ts', '.mts', '.cts'];
const JS_TO_TS: Record<string, string[]> = { '.js': ['.ts'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

type Esbuild = typeof import('esbuild');
let esbuild: Esbuild | undefined;

/** `import.meta` has no CommonJS equivalent: map its members onto the module's file name. */
const IMPORT_META_DEFINES = {
  'import.meta.url': '__calvinImportMetaUrl',
  'import.meta.filename': '__filename',
  'import.meta.dirname': '__dirname',
};
const PRELUDE = 'var __calvinImportMetaUrl = require("node:url").pathToFileURL(__filename).href;';

function transformOptions(filename: string): import('esbuild').TransformOptions {
  const ts = /\.[mc]?ts$/.test(filename);
  return {
    loader: ts ? 'ts' : 'js',
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcefile: filename,
    define: IMPORT_META_DEFINES,
    logLevel: 'silent',
  };
}

export function compile(code: string, filename: string): CompilableModule {
  const mod = new Module(filename) as unknown as CompilableModule;
  mod.filename = filename;
  mod.paths = internals._nodeModulePaths(path.dirname(filename));
  mod._compile(PRELUDE + code, filename);
  mod.loaded = true;
  return mod;
}

let hooksInstalled = false;

/** CommonJS hooks: `calvin` fallback, `./x.js` → `./x.ts`, and `.ts` helpers through esbuild. */
export function installRequireHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  const entry = calvinEntryPath();
  const original = internals._resolveFilename;
  internals._resolveFilename = function resolveForDefinitions(this: unknown, request, parent, ...rest) {
    try {
      return original.call(this, request, parent, ...rest);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
      if (request === 'calvin') return original.call(this, entry, parent, ...rest);
      const ext = path.extname(request);
      if (request.startsWith('.') && JS_TO_TS[ext]) {
        for (const tsExt of JS_TO_TS[ext] ?? []) {
          try {
            return original.call(this, request.slice(0, -ext.length) + tsExt, parent, ...rest);
          } catch {
            // try the next spelling
          }
        }
      }
      throw error;
    }
  };
  for (const ext of TS_EXTENSIONS) {
    if (internals._extensions[ext]) continue;
    internals._extensions[ext] = (mod, filename) => {
      const { transformSync } = esbuild as Esbuild;
      const { code } = transformSync(readFileSync(filename, 'utf8'), transformOptions(filename));
      mod._compile(PRELUDE + code, filename);
    };
  }
}

const ESM_HOOK = `let target;
export async function initialize(data) { target = data.target; }
export async function resolve(specifier, context, next) {
  if (specifier !== 'calvin') return next(specifier, context);
  try { return await next(specifier, context); }
  catch (error) { if (error && error.code === 'ERR_MODULE_NOT_FOUND') return next(target, context); throw error; }
}`;
let esmHookInstalled = false;

/** The slow, fully faithful path: tsx's ESM loader in its own namespace (fresh module instances). */
async function importWithTsx(absolutePath: string): Promise<unknown> {
  const { register: registerTsx } = await import('tsx/esm/api');
  const api = registerTsx({ namespace: `calvin-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}` });
  if (!esmHookInstalled) {
    esmHookInstalled = true;
    register(`data:text/javascript,${encodeURIComponent(ESM_HOOK)}`, {
      data: { target: pathToFileURL(calvinEntryPath()).href },
    });
  }
  try {
    return await api.import(pathToFileURL(absolutePath).href, import.meta.url);
  } finally {
    await api.unregister();
  }
}

/** esbuild, loaded once and only when definitions are loaded (the CLI's other commands never pay for it). */
export async function loadEsbuild(): Promise<Esbuild> {
  esbuild ??= await import('esbuild');
  return esbuild;
}

/**
 * A module's exports as a namespace. Plain CommonJS (`module.exports = ...`) counts as the default
 * export; a module that exports nothing at all (empty, comments or types only) has no default.
 */
export function namespaceOf(exports: unknown): unknown {
  if (exports !== null && typeof exports === 'object') {
    if ((exports as { __esModule?: boolean }).__esModule) return exports;
    if (Object.getPrototypeOf(exports) === Object.prototype && Object.keys(exports).length === 0) return {};
  }
  return { default: exports };
}

export function needsEsm(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (
    code === 'ERR_REQUIRE_ASYNC_MODULE' ||
    /Top-level await is currently not supported with the "cjs" output format/.test(text)
  );
}

export interface ModuleImporter {
  /** Module namespaces (`{ default }`), or the reasons they failed, in the order of `files`. */
  importAll(files: readonly string[]): Promise<PromiseSettledResult<unknown>[]>;
  /** Forgets required helpers under the root so that a later load reads changed files again. */
  close(): void;
}

export async function createModuleImporter(root: string): Promise<ModuleImporter> {
  esbuild ??= await import('esbuild');
  installRequireHooks();
  const { transform, version } = esbuild;
  const loadOne = async (file: string): Promise<unknown> => {
    let code: string;
    try {
      const source = readFileSync(file, 'utf8');
      const options = transformOptions(file);
      const key = transformKey([version, options.loader ?? '', JSON.stringify(IMPORT_META_DEFINES), source]);
      code = await cachedTransform(key, async () => (await transform(source, options)).code);
    } catch (error) {
      if (needsEsm(error)) return importWithTsx(file);
      throw error;
    }
    try {
      return namespaceOf(compile(code, file).exports);
    } catch (error) {
      if (needsEsm(error)) return importWithTsx(file);
      throw error;
    }
  };
  const prefix = path.resolve(root) + path.sep;
  return {
    importAll: (files) => Promise.allSettled(files.map(loadOne)),
    close: () => {
      for (const key of Object.keys(internals._cache)) if (key.startsWith(prefix)) delete internals._cache[key];
    },
  };
}

/** The default export of a module namespace, unwrapping CommonJS interop (`module.exports.default`). */
export function defaultExport(namespace: unknown): unknown {
  if (typeof namespace !== 'object' || namespace === null) return undefined;
  let value = (namespace as { default?: unknown }).default;
  if (typeof value === 'object' && value !== null && (value as { __esModule?: unknown }).__esModule === true) {
    value = (value as { default?: unknown }).default;
  }
  return value;
}
