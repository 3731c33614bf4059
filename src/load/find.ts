/** Finds definition files under a root: the five definition folders, TS/JS modules, no tests or `_private` helpers. */
import { glob } from 'tinyglobby';

export const DEFINITION_FOLDERS = ['services', 'dashboards', 'alerts', 'log-filters', 'index-templates'] as const;

const PATTERNS = DEFINITION_FOLDERS.map((folder) => `${folder}/**/*.{ts,mts,js,mjs}`);
const IGNORE = ['**/*.test.*', '**/*.spec.*', '**/_*', '**/*.d.ts', '**/*.d.mts', '**/node_modules/**'];

/** Relative POSIX paths, sorted, so that loading order (and thus error order) is stable. */
export async function findDefinitionFiles(root: string): Promise<string[]> {
  const files = await glob(PATTERNS, {
    cwd: root,
    ignore: IGNORE,
    onlyFiles: true,
    dot: false,
    followSymbolicLinks: false,
  });
  return files.sort();
}
