/**
 * `calvin test` behind the CLI: resolve PATHS into typed definitions and raw Logstash suites,
 * run them, format the report.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../../define/types.js';
import { CalvinError } from '../../errors.js';
import { DEFINITION_FOLDERS } from '../../load/find.js';
import { loadOniguruma } from '../grok/engine.js';
import { casesFileFor, configFileFor, findCaseFiles, isConfigFile, readLogstashSuite, CASES_SUFFIX } from './files.js';
import { redactDeep } from '../../redact.js';
import { formatReport } from './format.js';
import type { TestFormat } from './format.js';
import { runTests } from './run.js';
import type { RawLogstashSuite } from './run.js';
import { testExitCode } from './types.js';

export interface TestCommandOptions {
  paths: string[];
  root: string;
  format: TestFormat;
  now: Date;
  color: boolean;
  filter?: RegExp;
}

function within(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function selectCatalog(catalog: Catalog, root: string, targets: string[]): Catalog {
  const keep = <T extends { source?: { file: string } }>(defs: T[]): T[] =>
    defs.filter(
      (d) => d.source?.file !== undefined && targets.some((t) => within(path.resolve(root, d.source?.file ?? ''), t)),
    );
  return { ...catalog, logFilters: keep(catalog.logFilters), alerts: keep(catalog.alerts) };
}

export async function runTestCommand(options: TestCommandOptions): Promise<{ report: string; exitCode: 0 | 1 | 2 }> {
  const root = path.resolve(options.root);
  const raw: RawLogstashSuite[] = [];
  const seenConfigs = new Set<string>();
  const definitionTargets: string[] = [];
  const addConfig = (configFile: string, casesFile: string): void => {
    if (seenConfigs.has(configFile)) return;
    seenConfigs.add(configFile);
    raw.push(readLogstashSuite(configFile, casesFile, process.cwd()));
  };
  const addCasesFile = (casesFile: string): void => {
    const configFile = configFileFor(casesFile);
    if (!configFile)
      throw new CalvinError(
        'BAD_INPUT_FILE',
        `${casesFile}: no ${path.basename(casesFile, CASES_SUFFIX)}.conf beside it`,
        'put the Logstash config next to its case file',
      );
    addConfig(configFile, casesFile);
  };

  if (options.paths.length === 0) {
    // The project's own tests: definitions, and case files kept in the definition folders.
    for (const folder of DEFINITION_FOLDERS) {
      const dir = path.join(root, folder);
      if (existsSync(dir)) for (const f of await findCaseFiles(dir)) addCasesFile(f);
    }
    definitionTargets.push(root);
  } else {
    for (const p of options.paths) {
      const abs = path.resolve(p);
      if (!existsSync(abs))
        throw new CalvinError(
          'BAD_ARGUMENT',
          `${p} does not exist`,
          'pass definition files or folders, Logstash configs or case files',
        );
      if (statSync(abs).isDirectory()) {
        for (const f of await findCaseFiles(abs)) addCasesFile(f);
        definitionTargets.push(abs);
      } else if (abs.endsWith(CASES_SUFFIX)) addCasesFile(abs);
      else if (isConfigFile(abs)) addConfig(abs, casesFileFor(abs));
      else if (/\.(ts|mts|js|mjs)$/.test(abs)) definitionTargets.push(abs);
      else
        throw new CalvinError(
          'BAD_ARGUMENT',
          `${p}: not a definition, a Logstash config (.conf, .ctmpl) or a case file (${CASES_SUFFIX})`,
          'see calvin test --help',
        );
    }
  }

  let catalog: Catalog | undefined;
  // Only targets that can hold definitions (the root's definition folders) need the loader.
  const folders = DEFINITION_FOLDERS.map((f) => path.join(root, f));
  const targetsInRoot = definitionTargets.filter(
    (t) => within(root, t) || folders.some((f) => within(t, f) || within(f, t)),
  );
  if (targetsInRoot.length > 0 && existsSync(root)) {
    const { loadCatalog } = await import('../../load/index.js');
    catalog = selectCatalog(
      await loadCatalog(root),
      root,
      targetsInRoot.map((t) => (within(root, t) ? root : t)),
    );
  }
  const explicitDefinitionFiles = options.paths.length > 0 && definitionTargets.some((t) => !statSync(t).isDirectory());

  await loadOniguruma();
  const report = runTests(
    { ...(catalog ? { catalog } : {}), logstash: raw },
    { now: options.now, ...(options.filter ? { filter: options.filter } : {}) },
  );
  if (report.counts.total === 0 && (explicitDefinitionFiles || options.paths.length > 0)) {
    throw new CalvinError(
      'BAD_ARGUMENT',
      `no test cases found in ${options.paths.join(', ')}`,
      `add tests to the definitions (withTest) or a ${CASES_SUFFIX} file beside a Logstash config`,
    );
  }
  let style;
  if (options.color) {
    const pc = (await import('picocolors')).default;
    style = { green: pc.green, red: pc.red, yellow: pc.yellow, dim: pc.dim };
  }
  // Redacted field by field before formatting: redacting rendered JSON or JUnit could break escapes.
  return { report: formatReport(redactDeep(report), options.format, style), exitCode: testExitCode(report) };
}
