/** Shared set-up of the diagnose integration tests: the real stack, the shipped definitions, the seeds. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { loadConfig, type Config } from '../../src/config.js';
import { glob } from 'tinyglobby';
import type { Catalog, Definition } from '../../src/define/types.js';
import { catalogOf } from '../../src/load/index.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CONSUL = '127.0.0.1:18500';

export function stackConfig(env: NodeJS.ProcessEnv = {}): Config {
  const clean = { ...process.env };
  for (const key of ['INFLUX_URL', 'ELASTICSEARCH_URL', 'CONSUL_HTTP_TOKEN']) delete clean[key];
  return loadConfig({ root: repoRoot, color: false }, { ...clean, CONSUL_HTTP_ADDR: CONSUL, ...env });
}

let catalog: Promise<Catalog> | undefined;

/**
 * The shipped service and alert definitions, imported through vitest (which maps `calvin` to
 * src/index.ts), so these tests exercise diagnose, not the definition loader (tested on its own).
 */
export function shippedCatalog(): Promise<Catalog> {
  catalog ??= (async () => {
    const files = await glob(['services/*.ts', 'alerts/*.ts'], { cwd: repoRoot, absolute: true });
    const definitions: Definition[] = [];
    for (const file of files.sort()) {
      const exported = ((await import(file)) as { default: unknown }).default;
      const list = (Array.isArray(exported) ? exported.flat(3) : [exported]) as (
        | Definition
        | { build(): Definition }
      )[];
      for (const d of list)
        definitions.push('build' in d && typeof d.build === 'function' ? d.build() : (d as Definition));
    }
    return catalogOf(definitions);
  })();
  return catalog;
}

/** Runs the CLI from source (the build may lag behind); returns exit code and output. */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, CONSUL_HTTP_ADDR: CONSUL, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `node scripts/stack.mjs <args>` (stop/start a component). */
export function stack(...args: string[]): void {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/stack.mjs'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (result.status !== 0) throw new Error(`stack ${args.join(' ')} failed: ${result.stderr}`);
}
