/**
 * Imports definition modules with tsx so `.ts` files load without a compile step.
 *
 * Definition files `import ... from 'calvin'`. Inside this package that resolves by self-reference;
 * in a user's own project without calvin installed it would not, so a failed resolution of `calvin`
 * falls back to the calvin that is running (for CommonJS-mode files through Module._resolveFilename,
 * for ESM-mode files through a tiny module.register resolve hook).
 */
import { existsSync } from 'node:fs';
import Module, { register } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type ModuleImporter = (absolutePath: string) => Promise<unknown>;

/** The entry of the running calvin: dist/index.js when built; src/index.ts only when no build exists. */
export function calvinEntryPath(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, '../index.js'), path.join(here, '../../dist/index.js'), path.join(here, '../index.ts')];
  return candidates.find((candidate) => existsSync(candidate)) ?? (candidates[0] as string);
}

let fallbackInstalled = false;
let cjsRegistered = false;

const ESM_HOOK = `let target;
export async function initialize(data) { target = data.target; }
export async function resolve(specifier, context, next) {
  if (specifier !== 'calvin') return next(specifier, context);
  try { return await next(specifier, context); }
  catch (error) { if (error && error.code === 'ERR_MODULE_NOT_FOUND') return next(target, context); throw error; }
}`;

interface ResolvableModule {
  _resolveFilename: (request: string, parent: unknown, ...rest: unknown[]) => string;
}

function installCalvinFallback(): void {
  if (fallbackInstalled) return;
  fallbackInstalled = true;
  const entry = calvinEntryPath();
  const cjs = Module as unknown as ResolvableModule;
  const original = cjs._resolveFilename;
  cjs._resolveFilename = function resolveWithCalvinFallback(this: unknown, request, parent, ...rest) {
    try {
      return original.call(this, request, parent, ...rest);
    } catch (error) {
      if (request === 'calvin' && (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return original.call(this, entry, parent, ...rest);
      throw error;
    }
  };
  register(`data:text/javascript,${encodeURIComponent(ESM_HOOK)}`, { data: { target: pathToFileURL(entry).href } });
}

/** A fresh importer: its own tsx namespace, so files changed since an earlier load are read again. */
export async function createModuleImporter(): Promise<{ importModule: ModuleImporter; close: () => Promise<void> }> {
  const { register: registerTsx } = await import('tsx/esm/api');
  const namespace = `calvin-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const api = registerTsx({ namespace });
  if (!cjsRegistered) {
    // CommonJS-mode projects (no "type": "module") require their relative .ts helpers through require().
    const { register: registerCjs } = await import('tsx/cjs/api');
    registerCjs();
    cjsRegistered = true;
  }
  installCalvinFallback();
  return {
    importModule: (absolutePath) => api.import(pathToFileURL(absolutePath).href, import.meta.url) as Promise<unknown>,
    close: () => api.unregister(),
  };
}

/** The default export of a module, unwrapping CommonJS interop (`module.exports.default`). */
export function defaultExport(namespace: unknown): unknown {
  if (typeof namespace !== 'object' || namespace === null) return undefined;
  let value = (namespace as { default?: unknown }).default;
  if (typeof value === 'object' && value !== null && (value as { __esModule?: unknown }).__esModule === true) {
    value = (value as { default?: unknown }).default;
  }
  return value;
}
