import type { RegisterCommand } from '../context.js';
import { CalvinError } from '../../errors.js';

interface ImportFlags {
  out?: string;
  stdout?: boolean;
  datasource: string[];
  defaultDatabase?: string;
  folder?: string;
  json?: boolean;
}

/** `--datasource "InfluxDb.Metrics=metrics"` → { 'InfluxDb.Metrics': 'metrics' }. */
export function parseDatasourceFlags(values: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const value of values) {
    const at = value.lastIndexOf('=');
    const name = value.slice(0, at).trim();
    const database = value.slice(at + 1).trim();
    if (at <= 0 || database === '' || name === '') {
      throw new CalvinError(
        'BAD_ARGUMENT',
        `--datasource ${JSON.stringify(value)} is not NAME=DATABASE`,
        'e.g. --datasource "InfluxDb.System=system"',
      );
    }
    map[name] = database;
  }
  return map;
}

export const registerImport: RegisterCommand = (program, ctx) => {
  const group = program.command('import').description('turn existing artifacts into calvin definitions');
  group
    .command('grafana')
    .description('turn Grafana dashboards with InfluxQL targets into TypeScript dashboard definitions')
    .argument('<file.json...>', 'dashboard JSON files (as exported by Grafana or provisioned from files)')
    .option('--out <dir>', 'folder for the generated .ts files (default: <root>/dashboards/imported)')
    .option('--stdout', 'print the generated TypeScript instead of writing files')
    .option(
      '--datasource <name=database>',
      'map a Grafana datasource name or uid to an InfluxDB database (repeatable)',
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .option('--default-database <db>', 'database for panels on the default datasource', 'system')
    .option('--folder <name>', 'Grafana folder of the imported dashboards', 'imported')
    .option(
      '--json',
      'print { file, id, output, panels, queries, typedQueries, rawQueries, notes } per dashboard on stdout',
    )
    .addHelpText(
      'after',
      `
Editor-form targets and simple raw InfluxQL become typed queries; queries the typed builder cannot
express exactly stay raw InfluxQL (calvin lint flags them). Hidden targets, unsupported panel types
and Grafana-only features are listed as notes at the top of each generated file. Existing files are
never overwritten. InfluxDb.System → system and InfluxDb.Services → services are known.
An id the project (--root) already uses gets the prefix imported- (e.g. imported-artefacts-overview).

Examples:
  $ calvin import grafana dashboards/nexus.json
  $ calvin import grafana exported/*.json --out dashboards/legacy
  $ calvin import grafana queue.json --stdout --datasource "InfluxDb.Queue=services"`,
    )
    .action(async (files: string[], flags: ImportFlags) => {
      const datasources = parseDatasourceFlags(flags.datasource);
      const config = await ctx.config();
      const path = await import('node:path');
      const { importGrafanaFiles } = await import('../../import/index.js');
      const { existingDefinitions } = await import('../../load/new-definition.js');
      const out = flags.stdout ? undefined : (flags.out ?? path.join(config.root, 'dashboards', 'imported'));
      // Ids are unique across the project: a clashing import is renamed rather than breaking the next build.
      const existing = await existingDefinitions(config.root);
      const results = await importGrafanaFiles(files, {
        datasources,
        existingIds: new Map([...existing].map(([id, d]) => [id, `the ${d.kind} in ${d.file}`])),
        ...(flags.defaultDatabase ? { defaultDatabase: flags.defaultDatabase } : {}),
        ...(flags.folder ? { folder: flags.folder } : {}),
        ...(out === undefined ? {} : { out }),
      });
      const { redact, redactDeep } = await import('../../redact.js');
      // A dashboard can carry a token calvin knows (in a link or a query): never printed.
      if (flags.stdout && !flags.json) ctx.stdout.write(redact(results.map((r) => r.source).join('\n')));
      for (const r of results) {
        const where = out === undefined ? '' : ` → ${path.join(out, r.fileName)}`;
        ctx.stderr.write(
          `${redact(r.input)}${where}: ${r.stats.panels} panels, ${r.stats.typedQueries} typed and ${r.stats.rawQueries} raw queries, ${r.notes.length} notes\n`,
        );
      }
      if (flags.json) {
        const rows = results.map((r) => ({
          file: r.input,
          id: r.id,
          output: out === undefined ? null : path.join(out, r.fileName),
          ...r.stats,
          notes: r.notes,
          ...(flags.stdout ? { source: r.source } : {}),
        }));
        ctx.stdout.write(`${JSON.stringify(redactDeep(rows), null, 2)}\n`);
      }
    });
};
