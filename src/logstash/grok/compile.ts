/**
 * Turns a grok expression into one Oniguruma regex: `%{NAME}`, `%{NAME:field}` and
 * `%{NAME:field:int|float}` are expanded recursively; every field capture (and every inline
 * `(?<name>...)`) becomes a named group `_gN`, so that with Oniguruma's "capture only named
 * groups" rule capture number N is exactly the N-th field. Pure: no regex engine needed here.
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
}

export interface ExpandedGrok {
  /** The regex in Oniguruma (Ruby) syntax. */
  regex: string;
  /** captures[i] is the field of named group i + 1. */
  captures: CaptureSpec[];
  /** Pattern names the expression used (directly or through other patterns). */
  usedPatterns: string[];
}

export type PatternLookup = (name: string) => string | undefined;

// %{NAME}, %{NAME:field}, %{NAME:field:type}; field may hold [brackets], dots, @ and hyphens.
const REFERENCE = /%\{(\w+)(?::([^:}]+))?(?::(\w+))?\}/g;
const MAX_DEPTH = 64;

export function expandGrok(expression: string, lookup: PatternLookup): ExpandedGrok {
  const captures: CaptureSpec[] = [];
  const used = new Set<string>();

  const expand = (text: string, stack: string[]): string => {
    if (stack.length > MAX_DEPTH)
      throw new GrokError(`grok patterns nest deeper than ${MAX_DEPTH} levels: ${stack.join(' → ')}`);
    let out = '';
    let last = 0;
    for (const m of text.matchAll(REFERENCE)) {
      const index = m.index ?? 0;
      out += renameInlineGroups(text.slice(last, index), captures);
      last = index + m[0].length;
      const [, name = '', field, type] = m;
      if (stack.includes(name))
        throw new GrokError(`grok pattern ${name} refers to itself: ${[...stack, name].join(' → ')}`, name);
      const definition = lookup(name);
      if (definition === undefined) throw new GrokError(`grok pattern %{${name}} is not defined`, name);
      used.add(name);
      if (type !== undefined && type !== 'int' && type !== 'float') {
        throw new GrokError(
          `grok type '${type}' in %{${name}:${field ?? ''}:${type}} is not supported (use int or float)`,
        );
      }
      if (field !== undefined) {
        const groupIndex = captures.length;
        const spec: CaptureSpec = { field, path: parseFieldPath(field) };
        if (type) spec.type = type;
        captures.push(spec);
        out += `(?<_g${groupIndex}>${expand(definition, [...stack, name])})`;
      } else {
        out += `(?:${expand(definition, [...stack, name])})`;
      }
    }
    out += renameInlineGroups(text.slice(last), captures);
    return out;
  };

  const regex = expand(expression, []);
  return { regex, captures, usedPatterns: [...used].sort() };
}

/**
 * Rewrites `(?<name>` groups (not look-behinds) to `(?<_gN>` and `\k<name>` back-references to
 * the latest group of that name. Skips escaped characters and character classes.
 */
function renameInlineGroups(text: string, captures: CaptureSpec[]): string {
  if (!text.includes('(?<') && !text.includes('\\k<')) return text;
  let out = '';
  let inClass = false;
  const latest = new Map<string, number>();
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\\') {
      const k = /^\\k<([A-Za-z_]\w*)>/.exec(text.slice(i));
      if (k && !inClass) {
        const idx = latest.get(k[1] ?? '');
        if (idx !== undefined) {
          out += `\\k<_g${idx}>`;
          i += k[0].length - 1;
          continue;
        }
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
    const named = ch === '(' ? /^\(\?<([A-Za-z_][\w.@[\]-]*)>/.exec(text.slice(i)) : null;
    if (named) {
      const field = named[1] ?? '';
      const groupIndex = captures.length;
      captures.push({ field, path: parseFieldPath(field) });
      latest.set(field, groupIndex);
      out += `(?<_g${groupIndex}>`;
      i += named[0].length - 1;
      continue;
    }
    out += ch;
  }
  return out;
}
