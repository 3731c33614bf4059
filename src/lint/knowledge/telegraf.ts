/**
 * Measurements a Telegraf config produces: its `[[inputs.*]]` sections, explicit names
 * (`name`, `name_override`, `Measurement`), and statsd graphite templates, which turn metric paths
 * such as `vault.runtime.alloc_bytes` into measurements such as `runtime_alloc_bytes`. Configs are
 * read with the Telegraf reader of `src/lang/telegraf` (a TOML parser), KV manifests as YAML.
 */
import { parse as parseYaml } from 'yaml';
import {
  parseTelegraf,
  type TelegrafParseError,
  type TelegrafPlugin,
  type TomlTable,
  type TomlValue,
} from '../../lang/telegraf/index.js';
import { TELEGRAF_PLUGIN_MEASUREMENTS } from './standard.js';

export interface CollectorFacts {
  measurements: Set<string>;
  /** Prefixes (from plugins with families of measurements) and statsd template patterns. */
  patterns: RegExp[];
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function isTelegrafConfig(text: string): boolean {
  return /^\s*\[\[inputs\.[a-z0-9_]+\]\]/m.test(text);
}

const NAME_KEYS = new Set(['name', 'name_override', 'Measurement']);

/** Measurement names set anywhere in a plugin's settings (jolokia `[[inputs.x.metric]] name = ...` too). */
function explicitNames(value: TomlValue, key = ''): string[] {
  if (typeof value === 'string') return NAME_KEYS.has(key) && !/[{}]/.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => explicitNames(v, key));
  if (value instanceof Date || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => explicitNames(v, k));
}

function strings(value: TomlValue | undefined): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function table(value: TomlValue | undefined): TomlTable | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) ? value : undefined;
}

function scanInput(plugin: TelegrafPlugin, into: CollectorFacts): void {
  for (const name of TELEGRAF_PLUGIN_MEASUREMENTS[plugin.name] ?? []) addName(name, into);
  for (const name of explicitNames(plugin.settings)) addName(name, into);
  const separator = strings(plugin.settings.metric_separator)[0] ?? '_';
  for (const template of strings(plugin.settings.templates)) {
    const re = statsdTemplatePattern(template, separator);
    if (re) into.patterns.push(re);
  }
}

/**
 * Reads one Telegraf config: the measurements its inputs produce into `collectors`, and where each
 * goes into `routing`. Returns the config's syntax errors (then nothing is read from it).
 */
export function readTelegrafConfig(
  text: string,
  collectors: CollectorFacts,
  routing: TelegrafRouting,
): TelegrafParseError[] {
  const { config, errors } = parseTelegraf(text);
  for (const plugin of config.plugins) {
    if (plugin.kind === 'inputs') {
      scanInput(plugin, collectors);
      routeInput(plugin, routing);
    } else if (plugin.kind === 'outputs' && plugin.name === 'influxdb') {
      const database = strings(plugin.settings.database)[0];
      const tagpass = table(plugin.settings.tagpass);
      if (database !== undefined && tagpass) {
        routing.outputs.push({ routes: strings(tagpass.influxdb_database), database });
      }
    }
  }
  return errors;
}

function addName(name: string, into: CollectorFacts): void {
  if (name.endsWith('*')) into.patterns.push(new RegExp(`^${escapeRe(name.slice(0, -1))}`));
  else into.measurements.add(name);
}

/**
 * `consul.autopilot.* .measurement.measurement* service=consul`: the filter selects metric paths,
 * the template names which path segments form the measurement, joined by the separator.
 */
export function statsdTemplatePattern(line: string, separator = '_'): RegExp | undefined {
  const parts = line.trim().split(/\s+/);
  if (parts.length < 2) return undefined;
  const filter = (parts[0] as string).split('.');
  const template = (parts[1] as string).split('.');
  if (!template.some((t) => t.startsWith('measurement'))) return undefined;
  const pieces: string[] = [];
  for (let i = 0; i < template.length; i++) {
    const t = template[i] as string;
    if (t === 'measurement*') {
      const rest = filter.slice(i);
      pieces.push(
        rest.length ? rest.map((f) => (f === '*' ? '[^.]+' : escapeRe(f))).join(escapeRe(separator)) : '[^.]+',
      );
      break;
    }
    if (t === 'measurement') {
      const f = filter[i];
      pieces.push(f === undefined || f === '*' ? '[^.]+' : escapeRe(f));
    }
  }
  return pieces.length ? new RegExp(`^${pieces.join(escapeRe(separator))}$`) : undefined;
}

/** Consul-KV statsd rule files: one quoted template per line. */
export function scanStatsdRules(text: string, into: CollectorFacts, separator = '_'): void {
  for (const m of text.matchAll(/^\s*"([^"]+)"\s*,?\s*$/gm)) {
    const re = statsdTemplatePattern(m[1] as string, separator);
    if (re) into.patterns.push(re);
  }
}

/**
 * Where Telegraf sends what it collects. Calvinverse routes with a tag: every input carries
 * `[inputs.X.tags] influxdb_database = "<route>"`, and each `[[outputs.influxdb]]` writes the
 * routes of its `tagpass` to its `database` (a consul-template key whose value lives in a KV
 * manifest such as metrics.yaml: the "statsd" route goes to `services`).
 */
export interface TelegrafRouting {
  /** Measurement name → routes (influxdb_database tag values) of the inputs that produce it. */
  routesByName: Map<string, Set<string>>;
  /** Measurement patterns (prefixes, statsd templates) with the routes of their input. */
  routesByPattern: { re: RegExp; routes: Set<string> }[];
  /** Routes of `[[inputs.statsd]]` sections: Consul-KV statsd rule files feed these. */
  statsdRoutes: Set<string>;
  /** Statsd rule-file patterns, routed once every config has been read (see statsdRoutes). */
  statsdRulePatterns: RegExp[];
  /** Route → database templates as written in the outputs (resolved against KV values later). */
  outputs: { routes: string[]; database: string }[];
}

export function emptyRouting(): TelegrafRouting {
  return { routesByName: new Map(), routesByPattern: [], statsdRoutes: new Set(), statsdRulePatterns: [], outputs: [] };
}

/** An input's routes are its `influxdb_database` tag values. */
function routeInput(plugin: TelegrafPlugin, into: TelegrafRouting): void {
  const routes = strings(table(plugin.settings.tags)?.influxdb_database);
  if (routes.length === 0) return;
  const facts: CollectorFacts = { measurements: new Set(), patterns: [] };
  scanInput(plugin, facts);
  for (const name of facts.measurements) {
    const set = into.routesByName.get(name) ?? new Set<string>();
    for (const r of routes) set.add(r);
    into.routesByName.set(name, set);
  }
  for (const re of facts.patterns) into.routesByPattern.push({ re, routes: new Set(routes) });
  if (plugin.name === 'statsd') for (const r of routes) into.statsdRoutes.add(r);
}

/**
 * The database of an output: a literal, or consul-template `{{ keyOrDefault "k" "default" }}` /
 * `{{ key "k" }}` resolved with the KV values of the linted set. Undefined when not resolvable.
 */
export function resolveDatabase(template: string, kv: ReadonlyMap<string, string>): string | undefined {
  if (!template.includes('{{')) return template;
  const m = /^\{\{\s*(keyOrDefault|key)\s+"([^"]+)"(?:\s+"([^"]*)")?\s*\}\}$/.exec(template.trim());
  if (!m) return undefined;
  return kv.get(m[2] as string) ?? (m[1] === 'keyOrDefault' ? m[3] : undefined);
}

/** `- key: k` / `value: v` pairs of Set-ConsulKV manifests (metrics.yaml): Consul-KV values. */
export function scanKvValues(text: string, into: Map<string, string>): void {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch {
    return;
  }
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const entry = value as Record<string, unknown>;
      if (typeof entry.key === 'string' && ['string', 'number', 'boolean'].includes(typeof entry.value)) {
        const v = String(entry.value).trim();
        if (v) into.set(entry.key, v);
      }
      Object.values(entry).forEach(visit);
    }
  };
  visit(document);
}
