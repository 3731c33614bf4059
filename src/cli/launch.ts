/**
 * How bin/calvin.js starts calvin. A new Node 20 process spends much of a short command loading and
 * compiling calvin's modules (about 90 of the 150 ms before a diagnosis's first request), and Node 20
 * keeps no compile cache for them (module.enableCompileCache came with Node 22). So the build also
 * bundles the CLI into one CommonJS file (dist/cli/calvin.cjs, scripts/build-cli-bundle.mjs), and this
 * runs it through vm.Script with a V8 code cache: the bytecode that the first successful run of a
 * command compiled, kept per command and bundle in ~/.cache/calvin/v8. Later runs skip parsing and
 * compiling it.
 *
 * It runs the modules themselves (run-cli.js) instead for `serve`, help and version, with --debug
 * (stack traces then name the real files), with CALVIN_NO_CODE_CACHE=1, when the bundle is missing or
 * older than the modules, or when the cache folder is not private.
 */
import { readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { privateCacheFolder } from '../cache-folder.js';
import { writeFileAtomicSync } from '../fsutil/atomic-file.js';

type RunCli = (argv: readonly string[]) => Promise<void>;
type CommonJsWrapper = (
  exports: object,
  require: NodeJS.Require,
  module: { exports: { runCli?: RunCli } },
  filename: string,
  dirname: string,
) => void;

const here = path.dirname(fileURLToPath(import.meta.url));
const BUNDLE = path.join(here, 'calvin.cjs');
const MODULES = path.join(here, 'run-cli.js');
/** The bundle's first line: the sha256 of the rest (scripts/build-cli-bundle.mjs). */
const BUNDLE_HEADER = /^\/\/ calvin-bundle ([0-9a-f]{64})\n/;

export async function launch(argv: readonly string[] = process.argv): Promise<void> {
  const cache = codeCacheOf(argv);
  const runCli = (cache && bundled(cache)) || ((await import('./run-cli.js')).runCli as RunCli);
  await runCli(argv);
}

/** The bundle's runCli, or null when the bundle cannot be evaluated: the modules then run, as without it. */
function bundled(cache: CodeCache): RunCli | null {
  try {
    return runBundle(cache);
  } catch {
    return null;
  }
}

interface CodeCache {
  folder: string;
  command: string;
}

/** Commands that run until stopped, and `calvin help <command>`, which prints. */
const MODULES_ONLY = new Set(['serve', 'help']);

/** Flags that end a run before its command does anything (commander's help and version). */
const ONLY_PRINTS = new Set(['--help', '-h', '--version', '-V']);

/** Where this run's code cache lives, or null when the modules are to run instead. */
function codeCacheOf(argv: readonly string[]): CodeCache | null {
  if (argv.includes('--debug') || process.env.CALVIN_NO_CODE_CACHE === '1') return null;
  // Help compiles next to nothing of a command: its run would leave a cache that serves the
  // command's real runs badly, and reading the bundle costs help more than it saves.
  if (argv.length <= 2 || argv.slice(2).some((arg) => ONLY_PRINTS.has(arg))) return null;
  const command = commandOf(argv);
  // A server starts once and then answers for days: a faster start is worth nothing to it, and in
  // bench:serve its tail was no better from the bundle (p99 36–47 ms in three runs, 28–30 from the modules).
  if (MODULES_ONLY.has(command)) return null;
  try {
    // A bundle older than the modules was left by an earlier build: it would run old code.
    if (statSync(BUNDLE).mtimeMs < statSync(MODULES).mtimeMs) return null;
  } catch {
    return null;
  }
  const folder = privateCacheFolder('v8');
  return folder ? { folder, command } : null;
}

/** The command's name, the cache's first key: each command keeps the code its own runs compiled. */
function commandOf(argv: readonly string[]): string {
  for (let i = 2; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--root') i += 1;
    else if (!arg.startsWith('-')) return /^[a-z][a-z-]{0,31}$/.test(arg) ? arg : 'other';
  }
  return 'other';
}

function runBundle(cache: CodeCache): RunCli {
  const bundle = readFileSync(BUNDLE, 'utf8');
  const hash = BUNDLE_HEADER.exec(bundle)?.[1];
  if (!hash) throw new Error(`${BUNDLE} has no calvin-bundle header`);
  // V8 checks a cache against the source's length only: the name carries the bundle's own hash.
  const file = `${cache.command}.${hash.slice(0, 32)}.${process.version}-${process.arch}.bin`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(path.join(cache.folder, file));
  } catch {
    cachedData = undefined;
  }
  // The CommonJS wrapper on the bundle's first line keeps its line numbers in stack traces.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) { ${bundle}\n})`, {
    filename: BUNDLE,
    cachedData,
  });
  if (cachedData === undefined || script.cachedDataRejected === true) keepCodeAtExit(script, cache, file);
  const module: { exports: { runCli?: RunCli } } = { exports: {} };
  (script.runInThisContext() as CommonJsWrapper)(module.exports, createRequire(BUNDLE), module, BUNDLE, here);
  const { runCli } = module.exports;
  if (typeof runCli !== 'function') throw new Error(`${BUNDLE} exports no runCli`);
  return runCli;
}

/**
 * Writes the code cache when the run ends, with the bytecode of every function the run compiled. Only
 * after a run that did its job (exit 0, 1 or 3: healthy, problems found, unknown): a refused one (exit
 * 2) compiled little of its command. Written whole or not at all (writeFileAtomicSync), then the
 * folder is pruned.
 */
function keepCodeAtExit(script: vm.Script, cache: CodeCache, file: string): void {
  process.once('exit', (code) => {
    if (code === 2 || code > 3) return;
    try {
      writeFileAtomicSync(path.join(cache.folder, file), script.createCachedData(), { mode: 0o600 });
      prune(cache, file);
    } catch {
      // Best effort: without a cache the next run compiles, as this one did.
    }
  });
}

/** Caches kept per command: a few calvins (checkouts, a global install, a Node upgrade) side by side. */
const KEPT_PER_COMMAND = 3;
const STALE_MS = 30 * 24 * 3_600_000;
/** A temporary file this old was left by a run killed while writing. */
const LEFT_MS = 3_600_000;

/** Removes the command's caches beyond the newest few, caches written over a month ago, and leftovers. */
function prune(cache: CodeCache, kept: string): void {
  const now = Date.now();
  for (const { name, writtenMs, rank } of listed(cache, kept)) {
    const stale = name.endsWith('.tmp') ? now - writtenMs > LEFT_MS : now - writtenMs > STALE_MS;
    if (stale || rank >= KEPT_PER_COMMAND - 1) {
      try {
        unlinkSync(path.join(cache.folder, name));
      } catch {
        // Another run removed it first.
      }
    }
  }
}

/** The folder's caches and leftovers but `kept`; `rank` orders the command's own caches, newest first (-1: not its). */
function listed(cache: CodeCache, kept: string): { name: string; writtenMs: number; rank: number }[] {
  const files = readdirSync(cache.folder).flatMap((name) => {
    if (name === kept || !(name.endsWith('.bin') || name.endsWith('.tmp'))) return [];
    try {
      return [{ name, writtenMs: statSync(path.join(cache.folder, name)).mtimeMs }];
    } catch {
      return [];
    }
  });
  const own = files
    .filter((f) => f.name.startsWith(`${cache.command}.`) && f.name.endsWith('.bin'))
    .sort((a, b) => b.writtenMs - a.writtenMs)
    .map((f) => f.name);
  return files.map((f) => ({ ...f, rank: own.indexOf(f.name) }));
}
