#!/usr/bin/env node
// Bundles the built CLI (dist/cli/run-cli.js and all it imports) into one CommonJS file,
// dist/cli/calvin.cjs, which src/cli/launch.ts runs with a V8 code cache. Run after tsc (npm run
// build:ts does). Each module's import.meta.url keeps naming its own file in dist/, so the paths
// calvin finds from it (runbooks, known issues, workers, package.json) stay right. esbuild stays
// outside the bundle: it is loaded only when a definition bundle is rebuilt, with its own binary.
// The bundle has no import() left: a script compiled from a V8 code cache loses vm's dynamic import
// hook (Node 20), so each import() becomes a require (of the bundled module, a builtin or esbuild).
// Its first line names the sha256 of the rest, which keys its code caches.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { writeFileAtomicSync } from '../dist/fsutil/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const outfile = path.join(dist, 'cli', 'calvin.cjs');

// `import.meta.url` in code, not in a string (bundle-plugin.js names it as a define key).
const IMPORT_META_URL = /(?<!['"`])\bimport\.meta\.url\b/g;

/**
 * Every module's import.meta.url (calvin's, and a package's such as fdir's), as the file URL of that
 * module found from the bundle's folder; esbuild would leave it empty in CommonJS.
 */
const moduleUrls = {
  name: 'module-urls',
  setup(build) {
    build.onLoad({ filter: /\.m?js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const fromBundle = path.relative(path.dirname(outfile), args.path).split(path.sep).join('/');
      const contents = source.replace(IMPORT_META_URL, `__calvinModuleUrl(${JSON.stringify(fromBundle)})`);
      return { contents, loader: 'js' };
    });
  },
};

const result = await build({
  entryPoints: [path.join(dist, 'cli', 'run-cli.js')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  supported: { 'dynamic-import': false },
  external: ['esbuild'],
  plugins: [moduleUrls],
  banner: {
    js: 'const __calvinModuleUrl = (file) => require("node:url").pathToFileURL(require("node:path").join(__dirname, file)).href;',
  },
  legalComments: 'none',
  minifyWhitespace: true,
  logLevel: 'silent',
  write: false,
});
const [output] = result.outputFiles;
// A warning (a require esbuild cannot follow), or an import.meta esbuild emptied (it says nothing of
// those in packages), would be a CLI that behaves unlike its modules: refuse it.
const emptied = output.text.match(/\bimport_meta\d*\s*=\s*\{\}/);
if (result.warnings.length > 0 || emptied) {
  for (const warning of result.warnings)
    process.stderr.write(`build-cli-bundle: ${warning.location?.file ?? ''}: ${warning.text}\n`);
  if (emptied) process.stderr.write("build-cli-bundle: a module's import.meta was left empty\n");
  process.exit(1);
}
const hash = createHash('sha256').update(output.contents).digest('hex');
writeFileAtomicSync(outfile, `// calvin-bundle ${hash}\n${output.text}`);
