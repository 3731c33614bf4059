/**
 * Measurements a Telegraf config produces: its `[[inputs.*]]` sections, explicit names
 * (`name`, `name_override`, `Measurement`), and statsd graphite templates, which turn metric paths
 * such as `vault.runtime.alloc_bytes` into measurements such as `runtime_alloc_bytes`.
 */
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

export function scanTelegrafConfig(text: string, into: CollectorFacts): void {
  for (const m of text.matchAll(/^\s*\[\[inputs\.([a-z0-9_]+)\]\]/gm)) {
    for (const name of TELEGRAF_PLUGIN_MEASUREMENTS[m[1] as string] ?? []) addName(name, into);
  }
  for (const m of text.matchAll(/^\s*(?:name|name_override|Measurement)\s*=\s*"([^"{}]+)"/gm))
    addName(m[1] as string, into);
  const separator = /^\s*metric_separator\s*=\s*"([^"]*)"/m.exec(text)?.[1] ?? '_';
  for (const m of text.matchAll(/^\s*"([^"\s]+\s+[^"]+)"\s*,?\s*$/gm)) {
    const re = statsdTemplatePattern(m[1] as string, separator);
    if (re) into.patterns.push(re);
  }
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

/** Top-level `[[inputs.x]]` / `[[outputs.x]]` sections (sub-tables such as `[[inputs.x.metric]]` stay inside). */
function sections(text: string): { kind: 'inputs' | 'outputs' | 'other'; plugin: string; body: string }[] {
  const out: { kind: 'inputs' | 'outputs' | 'other'; plugin: string; body: string }[] = [];
  const re = /^\s*\[\[(inputs|outputs|processors|aggregators)\.([a-z0-9_]+)\]\]\s*$/gm;
  const starts = [...text.matchAll(re)];
  starts.forEach((m, i) => {
    const end = i + 1 < starts.length ? (starts[i + 1] as RegExpMatchArray).index : text.length;
    const kind = m[1] === 'inputs' || m[1] === 'outputs' ? m[1] : 'other';
    out.push({ kind, plugin: m[2] as string, body: text.slice((m.index as number) + m[0].length, end) });
  });
  return out;
}

/** The routes of a section: its `influxdb_database` tag (uncommented lines only). */
function routeTags(body: string): string[] {
  return [...body.matchAll(/^[ \t]*influxdb_database\s*=\s*(?:\[([^\]]*)\]|"([^"]*)")/gm)].flatMap((m) =>
    m[1] !== undefined ? [...m[1].matchAll(/"([^"]*)"/g)].map((x) => x[1] as string) : [m[2] as string],
  );
}

export function scanTelegrafRouting(text: string, into: TelegrafRouting): void {
  for (const s of sections(text)) {
    if (s.kind === 'outputs') {
      if (s.plugin !== 'influxdb') continue;
      // The value may hold a consul-template call with its own quotes: take up to the last quote
      // before an optional comment.
      const database = /^[ \t]*database\s*=\s*"(.*?)"\s*(?:#[^"]*)?$/m.exec(s.body)?.[1];
      const tagpass = /^[ \t]*\[outputs\.influxdb\.tagpass\]([\s\S]*?)(?=^[ \t]*\[|$(?![\s\S]))/m.exec(s.body)?.[1];
      if (database !== undefined && tagpass !== undefined) into.outputs.push({ routes: routeTags(tagpass), database });
      continue;
    }
    if (s.kind !== 'inputs') continue;
    const routes = routeTags(s.body);
    if (routes.length === 0) continue;
    const facts: CollectorFacts = { measurements: new Set(), patterns: [] };
    scanTelegrafConfig(`[[inputs.${s.plugin}]]\n${s.body}`, facts);
    for (const name of facts.measurements) {
      const set = into.routesByName.get(name) ?? new Set<string>();
      for (const r of routes) set.add(r);
      into.routesByName.set(name, set);
    }
    for (const re of facts.patterns) into.routesByPattern.push({ re, routes: new Set(routes) });
    if (s.plugin === 'statsd') for (const r of routes) into.statsdRoutes.add(r);
  }
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
  for (const m of text.matchAll(
    /^\s*-\s*key:\s*["']?([^"'\s]+)["']?\s*\n\s*value:\s*["']?([^"'\n#]*?)["']?\s*(?:#.*)?$/gm,
  )) {
    const value = (m[2] as string).trim();
    if (value) into.set(m[1] as string, value);
  }
}
