/**
 * The file side of `calvin test`: finding raw Logstash configs and their case files
 * (`<name>.conf` + `<name>.cases.yaml`), reading and validating them, and grok patterns_dir.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { parse as parseYaml } from 'yaml';
import type { LogFilterTestCase } from '../../define/types.js';
import { CalvinError } from '../../errors.js';
import { parseLogstash } from '../../lang/logstash/parser.js';
import { parsePatternFile } from '../grok/grok.js';
import type { RawLogstashSuite } from './run.js';

const CONFIG_EXTENSIONS = ['.conf', '.ctmpl'];
export const CASES_SUFFIX = '.cases.yaml';

export function isConfigFile(file: string): boolean {
  return CONFIG_EXTENSIONS.some((e) => file.endsWith(e));
}

export function casesFileFor(configFile: string): string {
  const ext = CONFIG_EXTENSIONS.find((e) => configFile.endsWith(e)) ?? path.extname(configFile);
  return `${configFile.slice(0, -ext.length)}${CASES_SUFFIX}`;
}

export function configFileFor(casesFile: string): string | undefined {
  const base = casesFile.slice(0, -CASES_SUFFIX.length);
  return CONFIG_EXTENSIONS.map((e) => base + e).find((f) => existsSync(f));
}

/** Case files under a directory (node_modules, dist and dot-folders left out). */
export async function findCaseFiles(dir: string): Promise<string[]> {
  const found = await glob([`**/*${CASES_SUFFIX}`], {
    cwd: dir,
    absolute: true,
    ignore: ['**/node_modules/**', '**/dist/**', '**/.*/**'],
  });
  return found.sort();
}

function bad(file: string, message: string): never {
  throw new CalvinError('BAD_INPUT_FILE', `${file}: ${message}`, `see docs/test.md for the ${CASES_SUFFIX} format`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const stringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Validates a case list: `[{name, input, expect: {fields, tags, absent, dropped}}]`. */
export function parseCases(text: string, file: string): { cases: LogFilterTestCase[]; now?: Date } {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    bad(file, `not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  let now: Date | undefined;
  let list = doc;
  if (isRecord(doc)) {
    list = doc.cases;
    if (doc.now !== undefined) {
      now = new Date(String(doc.now instanceof Date ? doc.now.toISOString() : doc.now));
      if (Number.isNaN(now.getTime())) bad(file, `now: '${String(doc.now)}' is not a date`);
    }
  }
  if (!Array.isArray(list)) bad(file, 'expected a list of cases (or {now, cases: [...]})');
  const cases = list.map((raw, i): LogFilterTestCase => {
    const at = `case ${i + 1}`;
    if (!isRecord(raw)) bad(file, `${at} is not a mapping`);
    if (typeof raw.name !== 'string' || raw.name === '') bad(file, `${at} needs a name`);
    if (!isRecord(raw.input)) bad(file, `${at} (${raw.name}) needs an input mapping (the event)`);
    if (!isRecord(raw.expect)) bad(file, `${at} (${raw.name}) needs an expect mapping`);
    const e = raw.expect;
    const known = ['fields', 'tags', 'absent', 'dropped'];
    const unknown = Object.keys(e).filter((k) => !known.includes(k));
    if (unknown.length)
      bad(file, `${at} (${raw.name}): unknown expect key ${unknown.join(', ')} (use ${known.join(', ')})`);
    if (e.fields !== undefined && !isRecord(e.fields))
      bad(file, `${at} (${raw.name}): expect.fields must be a mapping`);
    if (e.tags !== undefined && !stringList(e.tags))
      bad(file, `${at} (${raw.name}): expect.tags must be a list of strings`);
    if (e.absent !== undefined && !stringList(e.absent))
      bad(file, `${at} (${raw.name}): expect.absent must be a list of strings`);
    if (e.dropped !== undefined && typeof e.dropped !== 'boolean')
      bad(file, `${at} (${raw.name}): expect.dropped must be true or false`);
    // A case must assert something: `expect: {}` (or only empty fields/absent) would pass for
    // any filter, even one that does nothing, which hides a broken test.
    const asserts =
      (isRecord(e.fields) && Object.keys(e.fields).length > 0) ||
      e.tags !== undefined ||
      (Array.isArray(e.absent) && e.absent.length > 0) ||
      e.dropped !== undefined;
    if (!asserts) bad(file, `${at} (${raw.name}): expect asserts nothing; give it fields, tags, absent or dropped`);
    const expect: LogFilterTestCase['expect'] = {};
    if (e.fields !== undefined) expect.fields = e.fields as Record<string, unknown>;
    if (e.tags !== undefined) expect.tags = e.tags as string[];
    if (e.absent !== undefined) expect.absent = e.absent as string[];
    if (e.dropped !== undefined) expect.dropped = e.dropped as boolean;
    return { name: raw.name, input: raw.input, expect };
  });
  return now ? { cases, now } : { cases };
}

/** Reads a config and its case file; a syntax error in the config stops the run (exit 2). */
export function readLogstashSuite(configFile: string, casesFile: string, displayRoot: string): RawLogstashSuite {
  const display = path.relative(displayRoot, configFile) || configFile;
  if (!existsSync(casesFile)) bad(display, `no case file ${path.basename(casesFile)} beside it`);
  const { config, errors } = parseLogstash(readFileSync(configFile, 'utf8'));
  const fatal = errors.find((e) => e.kind === 'syntax');
  if (fatal)
    throw new CalvinError(
      'BAD_INPUT_FILE',
      `${display}:${fatal.line}:${fatal.column}: ${fatal.message}`,
      'fix the config syntax (calvin lint shows every problem)',
    );
  const { cases, now } = parseCases(
    readFileSync(casesFile, 'utf8'),
    path.relative(displayRoot, casesFile) || casesFile,
  );
  const suite: RawLogstashSuite = {
    file: display,
    config,
    cases,
    loadPatternsDir: patternsDirLoader(path.dirname(configFile)),
  };
  if (now) suite.now = now;
  return suite;
}

/** Loads a grok patterns_dir (every file, `NAME regex` lines); undefined when it does not exist. */
export function patternsDirLoader(baseDir: string): (dir: string) => Record<string, string> | undefined {
  return (dir) => {
    const abs = path.resolve(baseDir, dir);
    if (!existsSync(abs) || !statSync(abs).isDirectory()) return undefined;
    const defs: Record<string, string> = {};
    for (const f of readdirSync(abs).sort()) {
      const full = path.join(abs, f);
      if (statSync(full).isFile()) Object.assign(defs, parsePatternFile(readFileSync(full, 'utf8')));
    }
    return defs;
  };
}
