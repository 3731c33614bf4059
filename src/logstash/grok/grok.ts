/**
 * Compiled grok expressions on Oniguruma, and a pattern library that resolves names (standard
 * patterns, then custom definitions) and caches compiled expressions.
 */
import { expandGrok } from './compile.js';
import type { CaptureSpec, ExpandedGrok } from './compile.js';
import { loadOniguruma, oniguruma, OnigMatcher } from './engine.js';
import { GrokError } from './errors.js';
import { parseFieldPath } from './field-path.js';
import { STANDARD_PATTERNS } from './patterns/index.js';

/** Field values a match produced, keyed by the field name as written in the expression. */
export type GrokCaptures = Record<string, string | number>;

export class Grok {
  readonly expression: string;
  readonly regex: string;
  readonly captures: readonly CaptureSpec[];
  readonly usedPatterns: readonly string[];
  private readonly matcher: OnigMatcher;

  constructor(expression: string, expanded: ExpandedGrok, options: { fastPath?: boolean } = {}) {
    this.expression = expression;
    this.regex = expanded.regex;
    this.captures = expanded.captures;
    this.usedPatterns = expanded.usedPatterns;
    oniguruma();
    try {
      this.matcher = new OnigMatcher(expanded.regex, expanded.captures.length, options);
    } catch (err) {
      throw new GrokError(
        `grok expression does not compile: ${(err as Error).message.replace(/[^\x20-\x7e]/g, '?')}: ${expression}`,
      );
    }
  }

  /** True when the expression matches anywhere in `text`. */
  test(text: string): boolean {
    return this.matcher.exec(text);
  }

  /**
   * Captured fields (empty captures left out, `:int`/`:float` converted), or null when the
   * expression does not match. A field captured twice keeps the first non-empty value.
   */
  match(text: string): GrokCaptures | null {
    const m = this.matcher;
    if (!m.exec(text)) return null;
    const out: GrokCaptures = {};
    const specs = this.captures;
    for (let i = 0; i < specs.length; i++) {
      const start = m.starts[i + 1] as number;
      const end = m.ends[i + 1] as number;
      if (start < 0 || end <= start) continue;
      const spec = specs[i] as CaptureSpec;
      if (out[spec.field] !== undefined) continue;
      const raw = text.slice(start, end);
      out[spec.field] = spec.type === undefined ? raw : convert(raw, spec.type);
    }
    return out;
  }

  /**
   * Captures as a nested object: `[process][pid]` → { process: { pid } }; with `dotted`, ECS names
   * such as `process.pid` nest too. Null when the expression does not match.
   */
  matchNested(text: string, options: { dotted?: boolean } = {}): Record<string, unknown> | null {
    const flat = this.match(text);
    if (flat === null) return null;
    const out: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(flat)) {
      const path = parseFieldPath(field, options.dotted ?? false);
      let cur = out;
      for (const key of path.slice(0, -1)) {
        const next = cur[key];
        cur = (typeof next === 'object' && next !== null ? next : (cur[key] = {})) as Record<string, unknown>;
      }
      cur[path[path.length - 1] as string] = value;
    }
    return out;
  }

  /** Like `match`, but each capture with its spec (for writing into nested events), in order. */
  matchFields(text: string): { spec: CaptureSpec; value: string | number }[] | null {
    const m = this.matcher;
    if (!m.exec(text)) return null;
    const out: { spec: CaptureSpec; value: string | number }[] = [];
    for (let i = 0; i < this.captures.length; i++) {
      const start = m.starts[i + 1] as number;
      const end = m.ends[i + 1] as number;
      if (start < 0 || end <= start) continue;
      const spec = this.captures[i] as CaptureSpec;
      const raw = text.slice(start, end);
      out.push({ spec, value: spec.type === undefined ? raw : convert(raw, spec.type) });
    }
    return out;
  }
}

/** Ruby's to_i / to_f: the leading number, 0 when there is none (what Logstash produces). */
function convert(raw: string, type: 'int' | 'float'): number {
  const n = type === 'int' ? parseInt(raw, 10) : parseFloat(raw);
  return Number.isNaN(n) ? 0 : n;
}

export interface GrokLibraryOptions {
  /** Extra patterns (`pattern_definitions`, or a patterns_dir's contents); they win over standard ones. */
  definitions?: Record<string, string>;
  /** Leave out the standard patterns. */
  noStandard?: boolean;
}

/** Resolves pattern names and compiles expressions, once each. */
export class GrokLibrary {
  private readonly definitions: Record<string, string>;
  private readonly cache = new Map<string, Grok>();

  constructor(options: GrokLibraryOptions = {}) {
    this.definitions = { ...(options.noStandard ? {} : STANDARD_PATTERNS), ...(options.definitions ?? {}) };
  }

  /** A library with more definitions on top of this one (its own cache). */
  extend(definitions: Record<string, string>): GrokLibrary {
    return new GrokLibrary({ noStandard: true, definitions: { ...this.definitions, ...definitions } });
  }

  has(name: string): boolean {
    return Object.hasOwn(this.definitions, name);
  }

  definition(name: string): string | undefined {
    return Object.hasOwn(this.definitions, name) ? this.definitions[name] : undefined;
  }

  names(): string[] {
    return Object.keys(this.definitions).sort();
  }

  /** Expands without compiling (no engine needed): for lint, to name undefined patterns. */
  expand(expression: string): ExpandedGrok {
    return expandGrok(expression, (name) => this.definition(name));
  }

  /** Compiles (cached); Oniguruma must be loaded. Throws GrokError. */
  compile(expression: string): Grok {
    let grok = this.cache.get(expression);
    if (!grok) {
      grok = new Grok(expression, this.expand(expression));
      this.cache.set(expression, grok);
    }
    return grok;
  }
}

let standard: GrokLibrary | undefined;

/** The shared library of standard patterns. */
export function standardGrokLibrary(): GrokLibrary {
  standard ??= new GrokLibrary();
  return standard;
}

/** Loads the engine and compiles with the standard library (plus `definitions`). */
export async function compileGrok(expression: string, definitions?: Record<string, string>): Promise<Grok> {
  await loadOniguruma();
  const lib = definitions ? new GrokLibrary({ definitions }) : standardGrokLibrary();
  return lib.compile(expression);
}

/** Parses a patterns file (`NAME regex` per line, `#` comments) into definitions. */
export function parsePatternFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(\w+)\s+(.*?)\s*$/.exec(line);
    if (!m || line.trimStart().startsWith('#')) continue;
    out[m[1] as string] = m[2] as string;
  }
  return out;
}
