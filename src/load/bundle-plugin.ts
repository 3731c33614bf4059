/**
 * esbuild plugin for the definitions bundle. The bundle is an ES module evaluated from calvin's cache
 * folder, so every import it keeps must be an absolute file URL (or a Node built-in): resolution is
 * done here, at bundle time, instead of patching Node's resolver for the whole process.
 * - `calvin` (and `calvin/builders`) → the project's own calvin if it has one, else the running one's
 *   builders-only entry;
 * - other packages stay external, resolved from the importing file;
 * - `import.meta.url`, `.filename` and `.dirname` keep naming the definition's own file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader, OnResolveArgs, OnResolveResult, Plugin, PluginBuild } from 'esbuild';

/** esbuild filters are Go regexps (no lookahead): a package name starts with neither `.` nor `/`. */
const BARE = /^[^./]/;
const SOURCE = /\.[cm]?[jt]sx?$/;

/** Where `calvin` resolves when the project has none: running from dist, the built entry stays external. */
export interface CalvinTarget {
  path: string;
  external: boolean;
}

function externalTo(file: string, kind: OnResolveArgs['kind']): OnResolveResult {
  // `require()` wants a path; `import` from a module in the cache folder wants a URL.
  return { path: kind === 'require-call' ? file : pathToFileURL(file).href, external: true };
}

async function resolvePackage(build: PluginBuild, args: OnResolveArgs): Promise<string | undefined> {
  const result = await build.resolve(args.path, {
    kind: args.kind,
    resolveDir: args.resolveDir,
    importer: args.importer,
    pluginData: { inner: true },
  });
  return result.errors.length === 0 && !result.external && result.path !== '' ? result.path : undefined;
}

async function resolveCalvin(build: PluginBuild, args: OnResolveArgs, calvin: CalvinTarget) {
  const own = await resolvePackage(build, { ...args, path: 'calvin/builders' });
  if (own) return externalTo(own, args.kind);
  if (calvin.external) return externalTo(calvin.path, args.kind);
  return { path: calvin.path };
}

function loaderOf(file: string): Loader {
  return /\.[cm]?tsx?$/.test(file) ? (file.endsWith('x') ? 'tsx' : 'ts') : file.endsWith('x') ? 'jsx' : 'js';
}

export function definitionsPlugin(calvin: CalvinTarget): Plugin {
  return {
    name: 'calvin-definitions',
    setup(build) {
      build.onResolve({ filter: BARE }, async (args) => {
        if ((args.pluginData as { inner?: boolean } | undefined)?.inner) return undefined;
        if (args.path.startsWith('node:') || path.isAbsolute(args.path)) return undefined;
        if (args.path === 'calvin' || args.path === 'calvin/builders') return resolveCalvin(build, args, calvin);
        const resolved = await resolvePackage(build, args);
        if (resolved === undefined) return { path: args.path, external: true };
        return externalTo(resolved, args.kind);
      });
      // Only files that mention import.meta pay for this second read.
      build.onLoad({ filter: SOURCE }, async (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta')) return { contents: source, loader: loaderOf(args.path) };
        const { transform } = await import('esbuild');
        const url = pathToFileURL(args.path).href;
        const define = {
          'import.meta.url': JSON.stringify(url),
          'import.meta.filename': JSON.stringify(args.path),
          'import.meta.dirname': JSON.stringify(path.dirname(args.path)),
        };
        const loader = loaderOf(args.path);
        // A syntax error is left to the bundle, which reports it with the file's own lines.
        const code = await transform(source, { loader, format: 'esm', sourcefile: args.path, define }).then(
          (result) => result.code,
          () => undefined,
        );
        if (code === undefined) return { contents: source, loader };
        return { contents: code, loader: 'js' };
      });
    },
  };
}
