/**
 * Reads a Telegraf config (TOML, possibly a consul-template file) with a well-kept TOML parser into
 * its plugin sections: `[[inputs.x]]`, `[[outputs.x]]`, processors and aggregators, each with its
 * settings as parsed values. Directives inside values are kept as their text.
 */
import { parse, TomlError } from 'smol-toml';
import { untemplate } from './template.js';

export type TomlValue = string | number | boolean | Date | TomlValue[] | TomlTable;
export interface TomlTable {
  [key: string]: TomlValue;
}

export type PluginKind = 'inputs' | 'outputs' | 'processors' | 'aggregators';

export interface TelegrafPlugin {
  kind: PluginKind;
  /** Plugin name, e.g. `statsd`, `influxdb`. */
  name: string;
  settings: TomlTable;
}

export interface TelegrafConfig {
  plugins: TelegrafPlugin[];
  /** Top-level tables other than plugins (`agent`, `global_tags`). */
  tables: TomlTable;
}

export interface TelegrafParseError {
  line: number;
  column: number;
  message: string;
}

export interface TelegrafParseResult {
  config: TelegrafConfig;
  errors: TelegrafParseError[];
}

const KINDS: readonly PluginKind[] = ['inputs', 'outputs', 'processors', 'aggregators'];

function isTable(value: unknown): value is TomlTable {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function restoreAll(value: TomlValue, restore: (s: string) => string): TomlValue {
  if (typeof value === 'string') return restore(value);
  if (Array.isArray(value)) return value.map((v) => restoreAll(v, restore));
  if (isTable(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, restoreAll(v, restore)]));
  return value;
}

export function parseTelegraf(text: string): TelegrafParseResult {
  const { toml, restore } = untemplate(text);
  let document: TomlTable;
  try {
    document = restoreAll(parse(toml) as TomlTable, restore) as TomlTable;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const message = error.message.split('\n')[0] ?? 'invalid TOML';
    return {
      config: { plugins: [], tables: {} },
      errors: [{ line: error.line, column: error.column, message: `TOML: ${message}` }],
    };
  }
  const plugins: TelegrafPlugin[] = [];
  const tables: TomlTable = {};
  for (const [key, value] of Object.entries(document)) {
    const kind = KINDS.find((k) => k === key);
    if (!kind || !isTable(value)) {
      tables[key] = value;
      continue;
    }
    for (const [name, sections] of Object.entries(value)) {
      const list = Array.isArray(sections) ? sections : [sections];
      for (const settings of list) if (isTable(settings)) plugins.push({ kind, name, settings });
    }
  }
  return { config: { plugins, tables }, errors: [] };
}
