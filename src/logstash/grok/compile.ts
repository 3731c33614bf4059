/**
 * Turns a grok expression into one Oniguruma regex, as Logstash's grok (jls-grok) does:
 * `%{NAME}`, `%{NAME:field}`, `%{NAME:field:int|float}` and `%{NAME=definition}` are expanded
 * recursively; text after the field reference up to `}` is ignored (`%{POSINT:[a][b]?}`,
 * `%{NAGIOSLOGLINE - CURRENT HOST STATE}`). Every capture, inline `(?<name>...)` included (field
 * references such as `(?<[dns][question][class]>IN)` too), becomes a named group `_gN`, so that
 * with Oniguruma's "capture only named groups" rule capture number N is exactly the N-th group.
 * The regex runs with dot-matches-newline, as Logstash compiles grok (Regexp::MULTILINE).
 * Pure: no regex engine needed here.
 */
import { GrokError } from './errors.js';
import { parseFieldPath } from './field-path.js';

export type GrokType = 'int' | 'float';

export interface CaptureSpec {
  /** Field name as written in the expression (`[process][pid]`, `pid`, `process.pid`). */
  field: string;
  /** Nested keys of the field: `[process][pid]` → ['process', 'pid']. */
  path: string[];
  type?: GrokType;
  /** The group's name as Logstash names it (`POSINT:pid:int`, or the inline name). */
  name: string;
}

export interface ExpandedGrok {
  /** The regex in Oniguruma (Ruby) syntax. */
  regex: string;
  /** captures[i] is the field of named group i + 1. */
  captures: CaptureSpec[];
  /**
   * Capture indices in the order Logstash reports them: group names in order of first
   * appearance, and all groups of one name together.
   */
  order: number[];
  /** Pattern names the expression used (directly or through other patterns). */
  usedPatterns: string[];
}

export type PatternLookup = (name: string) => string | undefined;

export interface ExpandOptions {
  /** Logstash's named_captures_only (default true): false also captures `%{NAME}` as field NAME. */
  namedCapturesOnly?: boolean;
}

// jls-grok's reference syntax: name, optional :subname, optional =definition, then anything to '}'.
const REFERENCE = /%\{([A-z0-9]+)(?::([@[\]A-z0-9_:.-]+))?(?:=((?:[^{}\\]|\\.|\{[^{}]*\})+))?[^}]*\}/g;
const MAX_DEPTH = 64;
/** Ruby's Regexp::MULTILINE: `.` matches a newline too. */
const DOT_ALL = '(?m)';

/** A Logstash group name → its capture (`PAT:field:type` → field, type; a bare name is the field). */
function captureSpec(name: string): CaptureSpec {
  const [pattern = '', field, coerce] = name.split(':');
  const spec: CaptureSpec = { field: field ?? pattern, path: parseFieldPath(field ?? pattern), name };
  if (coerce === 'int' || coerce === 'float') spec.type = coerce;
  return spec;
}

export function expandGrok(expression: string, lookup: PatternLookup, options: ExpandOptions = {}): ExpandedGrok {
  const captures: CaptureSpec[] = [];
  const byName = new Map<string, number[]>();
  const used = new Set<string>();
  const inline = new Map<string, string>();
  const namedOnly = options.namedCapturesOnly ?? true;

  const addCapture = (name: string): number => {
    const index = captures.length;
    captures.push(captureSpec(name));
    const list = byName.get(name);
    if (list) list.push(index);
    else byName.set(name, [index]);
    return index;
  };

  const expand = (text: string, stack: string[]): string => {
    if (stack.length > MAX_DEPTH)
      throw new GrokError(`grok patterns nest deeper than ${MAX_DEPTH} levels: ${stack.join(' → ')}`);
    let out = '';
    let last = 0;
    for (const m of text.matchAll(REFERENCE)) {
      const index = m.index ?? 0;
      out += renameInlineGroups(text.slice(last, index), addCapture, byName);
      last = index + m[0].length;
      const [, name = '', subname, definitionHere] = m;
      if (definitionHere !== undefined) inline.set(name, definitionHere);
      if (stack.includes(name))
        throw new GrokError(`grok pattern ${name} refers to itself: ${[...stack, name].join(' → ')}`, name);
      const definition = inline.get(name) ?? lookup(name);
      if (definition === undefined) throw new GrokError(`grok pattern %{${name}} is not defined`, name);
      used.add(name);
      if (subname !== undefined || !namedOnly) {
        const groupIndex = addCapture(subname === undefined ? name : `${name}:${subname}`);
        out += `(?<_g${groupIndex}>${expand(definition, [...stack, name])})`;
      } else {
        out += `(?:${expand(definition, [...stack, name])})`;
      }
    }
    out += renameInlineGroups(text.slice(last), addCapture, byName);
    return out;
  };

  const regex = DOT_ALL + expand(expression, []);
  const order = [...byName.values()].flat();
  return { regex, captures, order, usedPatterns: [...used].sort() };
}

/**
 * Rewrites `(?<name>` groups (not look-behinds) to `(?<_gN>` and `\k<name>` back-references to
 * the latest group of that name so far in the whole expression. Skips escaped characters and
 * character classes.
 */
function renameInlineGroups(
  text: string,
  addCapture: (name: string) => number,
  byName: ReadonlyMap<string, number[]>,
): string {
  if (!text.includes('(?<') && !text.includes('\\k<')) return text;
  let out = '';
  let inClass = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\\') {
      const k = inClass ? null : /^\\k<([^>]+)>/.exec(text.slice(i));
      const groups = k ? byName.get(k[1] ?? '') : undefined;
      if (k && groups && groups.length > 0) {
        out += `\\k<_g${groups[groups.length - 1]}>`;
        i += k[0].length - 1;
        continue;
      }
      out += text.slice(i, i + 2);
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      if (text[i + 1] === ']') {
        out += ']';
        i++;
      }
      continue;
    }
    const named = ch === '(' ? /^\(\?<([^>=!][^>]*)>/.exec(text.slice(i)) : null;
    if (named) {
      out += `(?<_g${addCapture(named[1] ?? '')}>`;
      i += named[0].length - 1;
      continue;
    }
    out += ch;
  }
  return out;
}
