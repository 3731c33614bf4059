/**
 * Compiled grok expressions on Oniguruma, and a pattern library that resolves names (standard
 * patterns, then custom definitions) and caches compiled expressions.
 */
import { coerce, mergeCapture } from './captures.js';
import type { GrokValue } from './captures.js';
import { expandGrok } from './compile.js';
import type { CaptureSpec, ExpandedGrok, ExpandOptions } from './compile.js';
import { loadOniguruma, oniguruma, OnigMatcher } from './engine.js';
import { GrokError } from './errors.js';
import { guardedMatch } from './guard.js';
import { parseFieldPath } from './field-path.js';
import { PATTERN_SETS } from './patterns/index.js';
import type { PatternSetName } from './patterns/index.js';

/** Field values a match produced, keyed by the field name as written in the expression. */
export type GrokCaptures = Record<string, GrokValue | GrokValue[]>;

/** One capture of a match: its spec and its value (coerced; "" for a group that matched empty). */
export interface GrokField {
  spec: CaptureSpec;
  value: GrokValue;
}

export class Grok {
  readonly expression: string;
  readonly regex: string;
  readonly captures: readonly CaptureSpec[];
  readonly usedPatterns: readonly string[];
  private readonly order: readonly number[];
  private readonly matcher: OnigMatcher;

  constructor(expression: string, expanded: ExpandedGrok, options: { fastPath?: boolean } = {}) {
    this.expression = expression;
    this.regex = expanded.regex;
    this.captures = expanded.captures;
    this.order = expanded.order;
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
   * Captured fields as Logstash's grok filter writes them (empty captures left out, `:int` and
   * `:float` coerced, a field captured twice becomes an array), or null when there is no match.
   */
  match(text: string): GrokCaptures | null {
    const fields = this.matchFields(text);
    if (fields === null) return null;
    const out: GrokCaptures = {};
    for (const { spec, value } of fields) {
      if (value === '') continue;
      const merged = mergeCapture(out[spec.field], value);
      out[spec.field] = merged as GrokValue | GrokValue[];
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

  /**
   * Every capture that took part in the match, in the order Logstash reports them (for writing
   * into events), or null when the expression does not match.
   */
  matchFields(text: string): GrokField[] | null {
    const m = this.matcher;
    if (!m.exec(text)) return null;
    return this.fieldsOf(text, m.starts, m.ends);
  }

  /**
   * `matchFields` with Logstash's timeout_millis: the match runs on a worker thread and is
   * abandoned after `millis` ('timeout'). `millis` 0 means no limit, as in Logstash.
   */
  matchFieldsWithin(text: string, millis: number): GrokField[] | null | 'timeout' {
    if (millis <= 0) return this.matchFields(text);
    const r = guardedMatch(this.regex, this.captures.length, text, millis);
    if ('timeout' in r) return 'timeout';
    return r.match ? this.fieldsOf(text, r.starts, r.ends) : null;
  }

  /** The captures of a match whose group offsets were found elsewhere (a worker). */
  fieldsOf(text: string, starts: ArrayLike<number>, ends: ArrayLike<number>): GrokField[] {
    const out: GrokField[] = [];
    for (const i of this.order) {
      const start = starts[i + 1] as number;
      const end = ends[i + 1] as number;
      if (start < 0 || end < start) continue;
      const spec = this.captures[i] as CaptureSpec;
      const raw = text.slice(start, end);
      out.push({ spec, value: spec.type === undefined ? raw : coerce(raw, spec.type) });
    }
    return out;
  }
}

export interface GrokLibraryOptions {
  /** Extra patterns (`pattern_definitions`, or a patterns_dir's contents); they win over standard ones. */
  definitions?: Record<string, string>;
  /** Leave out the standard patterns. */
  noStandard?: boolean;
  /** Which standard set: `ecs-v1` (default, Logstash 8's) or `legacy` (`ecs_compatibility => disabled`). */
  set?: PatternSetName;
  /** false: match through vscode-oniguruma's public API only (for measuring the fast path). */
  fastPath?: boolean;
}

/** Resolves pattern names and compiles expressions, once each. */
export class GrokLibrary {
  readonly set: PatternSetName;
  private readonly custom: Record<string, string>;
  private readonly noStandard: boolean;
  private readonly fastPath: boolean;
  private readonly definitions: Record<string, string>;
  private readonly cache = new Map<string, Grok>();

  constructor(options: GrokLibraryOptions = {}) {
    this.set = options.set ?? 'ecs-v1';
    this.noStandard = options.noStandard ?? false;
    this.fastPath = options.fastPath ?? true;
    this.custom = { ...(options.definitions ?? {}) };
    this.definitions = { ...(this.noStandard ? {} : PATTERN_SETS[this.set]), ...this.custom };
  }

  /** A library with more definitions on top of this one (its own cache). */
  extend(definitions: Record<string, string>): GrokLibrary {
    return new GrokLibrary({
      set: this.set,
      noStandard: this.noStandard,
      definitions: { ...this.custom, ...definitions },
    });
  }

  /** The same custom definitions on top of another standard set. */
  withSet(set: PatternSetName): GrokLibrary {
    if (set === this.set) return this;
    return new GrokLibrary({ set, noStandard: this.noStandard, definitions: this.custom });
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
  expand(expression: string, options: ExpandOptions = {}): ExpandedGrok {
    return expandGrok(expression, (name) => this.definition(name), options);
  }

  /** Compiles (cached); Oniguruma must be loaded. Throws GrokError. */
  compile(expression: string, options: ExpandOptions = {}): Grok {
    const key = options.namedCapturesOnly === false ? `all\u0000${expression}` : expression;
    let grok = this.cache.get(key);
    if (!grok) {
      grok = new Grok(expression, this.expand(expression, options), { fastPath: this.fastPath });
      this.cache.set(key, grok);
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
