/** `calvin import grafana` as a library call: read files, import, emit TypeScript, write (never overwrite). */
import { readFile, lstat } from 'node:fs/promises';
import path from 'node:path';
import { CalvinError } from '../errors.js';
import { writeFileAtomic } from '../fsutil/index.js';
import {
  dashboardJsonOf,
  importGrafanaDashboard,
  type GrafanaImportOptions,
  type ImportStats,
} from './grafana-dashboard.js';
import { emitDashboardModule } from './emit-ts.js';

export interface ImportFilesOptions extends GrafanaImportOptions {
  /** Folder for the generated files; not written when undefined. */
  out?: string;
  /**
   * Ids the project already defines, with the file of each. An imported id that clashes gets the
   * prefix `imported-` (then `-2`, `-3`, ... if needed): ids are unique across all kinds, and a
   * clash would break the next build. Ids that do not clash are kept as they are.
   */
  existingIds?: ReadonlyMap<string, string>;
}

export const IMPORTED_ID_PREFIX = 'imported-';

function uniqueId(wanted: string, taken: (id: string) => boolean): string {
  if (!taken(wanted)) return wanted;
  const base = wanted.startsWith(IMPORTED_ID_PREFIX) ? wanted : `${IMPORTED_ID_PREFIX}${wanted}`;
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

export interface GrafanaFileImport {
  input: string;
  id: string;
  /** Relative file name, `<id>.ts`. */
  fileName: string;
  source: string;
  notes: string[];
  stats: ImportStats;
}

async function readDashboard(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CalvinError(
      'BAD_INPUT_FILE',
      `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      'check the path',
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new CalvinError(
      'BAD_INPUT_FILE',
      `${file}: not JSON (${(error as Error).message.split('\n')[0]})`,
      'pass dashboard JSON files as exported by Grafana',
    );
  }
}

/** Imports every file first (all or nothing), gives each a unique id, then writes. */
export async function importGrafanaFiles(
  files: readonly string[],
  options: ImportFilesOptions = {},
): Promise<GrafanaFileImport[]> {
  if (files.length === 0)
    throw new CalvinError('BAD_ARGUMENT', 'no dashboard files given', 'calvin import grafana <file.json>...');
  const results: GrafanaFileImport[] = [];
  const used = new Set<string>();
  const existing = options.existingIds ?? new Map<string, string>();
  for (const input of files) {
    const json = dashboardJsonOf(await readDashboard(input), input);
    const imported = importGrafanaDashboard(json, { ...options, source: input });
    const wanted = imported.definition.id;
    const id = existing.has(wanted)
      ? uniqueId(wanted, (candidate) => existing.has(candidate) || used.has(candidate))
      : wanted;
    let unique = id;
    for (let n = 2; used.has(unique) || existing.has(unique); n++) unique = `${id}-${n}`;
    used.add(unique);
    const notes = existing.has(wanted)
      ? [
          `id "${wanted}" is already used by ${existing.get(wanted) ?? 'the project'}: imported as "${unique}".`,
          ...imported.notes,
        ]
      : imported.notes;
    const definition = { ...imported.definition, id: unique };
    const source = emitDashboardModule(definition, {
      header: `Imported from ${path.basename(input)} by calvin import grafana.`,
      notes,
    });
    results.push({ input, id: unique, fileName: `${unique}.ts`, source, notes, stats: imported.stats });
  }
  if (options.out !== undefined) {
    const out = options.out;
    for (const result of results) {
      const target = path.join(out, result.fileName);
      if (
        await lstat(target).then(
          () => true,
          () => false,
        )
      ) {
        throw new CalvinError(
          'BAD_ARGUMENT',
          `${target} already exists`,
          'remove it or import into another --out folder; calvin import never overwrites',
        );
      }
    }
    for (const result of results)
      await writeFileAtomic(path.join(out, result.fileName), result.source, { exclusive: true });
  }
  return results;
}
