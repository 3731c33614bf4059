/**
 * `calvin.config.(ts|json|yaml)` at the project root: one section per environment (Consul
 * datacenter) with the serve URL, Grafana's public URL and backend overrides. Read once at start.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { CalvinError } from './errors.js';
import { cachedParse, storeParsed } from './load/parsed-cache.js';

/** Checked configs are cached by text: a warm run loads neither yaml nor ajv. */
const CACHE_KIND = 'config-file';

export interface EnvironmentSection {
  /** Where `calvin serve` answers for this environment, e.g. https://calvin.test.example. */
  serveUrl?: string;
  /** Grafana as a browser opens it (links from serve's pages). */
  grafanaPublicUrl?: string;
  /** Reads of `calvin serve` need the token. */
  protectReads?: boolean;
  consul?: string;
  influx?: string;
  elasticsearch?: string;
  grafana?: string;
  chronograf?: string;
  kapacitor?: string;
}

export interface ConfigFile {
  /** The environment used when neither --env nor CALVIN_ENV names one. */
  default?: string;
  environments: Record<string, EnvironmentSection>;
}

export const CONFIG_FILE_NAMES = ['calvin.config.ts', 'calvin.config.json', 'calvin.config.yaml', 'calvin.config.yml'];

const url = { type: 'string', pattern: '^https?://[^\\s]+$' };
const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['environments'],
  properties: {
    default: { type: 'string' },
    environments: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          serveUrl: url,
          grafanaPublicUrl: url,
          protectReads: { type: 'boolean' },
          consul: { type: 'string', minLength: 1 },
          influx: url,
          elasticsearch: url,
          grafana: url,
          chronograf: url,
          kapacitor: url,
        },
      },
    },
  },
} as const;

let compiled: ValidateFunction<ConfigFile> | undefined;

/** Compiled on first use: ajv costs ~50 ms to import, and most projects have no config file. */
function validator(): ValidateFunction<ConfigFile> {
  if (compiled) return compiled;
  const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
  compiled = new Ajv({ allErrors: false }).compile<ConfigFile>(SCHEMA);
  return compiled;
}

/** Validates a parsed config file; the error names the file and the first wrong field. */
export function parseConfigFile(value: unknown, file: string): ConfigFile {
  const validate = validator();
  if (validate(value)) return value;
  const first = validate.errors?.[0];
  const where = first?.instancePath || '/';
  throw new CalvinError(
    'BAD_INPUT_FILE',
    `${file}: ${where} ${first?.message ?? 'is invalid'}`,
    'a calvin config is { default?, environments: { <env>: { serveUrl, grafanaPublicUrl, consul, ... } } }',
  );
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A calvin.config.ts runs like a definition: bundled, in a worker, its output kept off calvin's own. */
async function importTs(file: string, root: string): Promise<unknown> {
  const [{ definitionBundle }, { runDefinitions }] = await Promise.all([
    import('./load/definition-bundle.js'),
    import('./load/definition-worker.js'),
  ]);
  const bundle = await definitionBundle(root, [path.relative(root, file)]);
  const [result] = await runDefinitions(bundle, (text) => process.stderr.write(text));
  if (result?.status === 'rejected') {
    const why = result.reason.message;
    throw new CalvinError('BAD_INPUT_FILE', `${file}: ${why.split('\n')[0]}`, 'fix the config module');
  }
  return result?.value;
}

/** The first of calvin.config.ts, .json, .yaml, .yml under `root`, parsed and checked; undefined if none. */
export async function readConfigFile(root: string): Promise<ConfigFile | undefined> {
  for (const name of CONFIG_FILE_NAMES) {
    const file = path.join(root, name);
    const text = await readIfExists(file);
    if (text === undefined) continue;
    // A .ts config runs code (its value may change without its text): only data files are cached.
    const cacheable = !name.endsWith('.ts');
    const known = cacheable ? cachedParse(CACHE_KIND, text) : undefined;
    if (known !== undefined) return known as ConfigFile;
    let value: unknown;
    try {
      if (name.endsWith('.ts')) value = await importTs(file, root);
      else if (name.endsWith('.json')) value = JSON.parse(text);
      else value = (await import('yaml')).parse(text);
    } catch (error) {
      if (error instanceof CalvinError) throw error;
      throw new CalvinError('BAD_INPUT_FILE', `${file}: ${(error as Error).message.split('\n')[0]}`, 'fix its syntax');
    }
    const config = parseConfigFile(value, name);
    if (cacheable) void storeParsed(CACHE_KIND, text, config);
    return config;
  }
  return undefined;
}
