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
  for (const m of text.matchAll(/^\s*(?:name|name_override|Measurement)\s*=\s*"([^"{}]+)"/gm)) addName(m[1] as string, into);
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
      pieces.push(rest.length ? rest.map((f) => (f === '*' ? '[^.]+' : escapeRe(f))).join(escapeRe(separator)) : '[^.]+');
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
