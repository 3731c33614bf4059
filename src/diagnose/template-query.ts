/**
 * Turns a message template (templates.ts) and a known-issue signature into Elasticsearch queries, so
 * that counts come from the cluster (exact) instead of from a bounded sample of distinct messages.
 * Pure. A template becomes a Lucene `regexp` on the keyword message field, built from the same
 * tokens as a JavaScript twin that is checked against the sampled messages before it is trusted.
 */
import { templateOf } from './templates.js';

/** Masks of templates.ts and what each may have hidden (kept loose, never looser than a word). */
const MASK_CLASSES: Record<string, string> = {
  // `"` is Lucene's quoting character, even inside a class: always escaped there.
  '"<str>"': '\\"([^\\"\\\\]|\\\\.)*\\"',
  "'<str>'": "'([^'\\\\]|\\\\.)*'",
  '<url>': '[A-Za-z][A-Za-z0-9+.\\-]*://[^ \t\\"\'<>]*',
  '<uuid>': '[0-9A-Fa-f\\-]+',
  '<time>': '[0-9][0-9T :.,Z+\\-]*',
  '<ip>': '[0-9A-Fa-f:.]+',
  '<hex>': '[0-9A-Fa-fxX]+',
  '<path>': '[^ \t\\"\']+',
  '<id>': '[A-Za-z0-9_\\-]+',
  '<num>': '[\\-+]?[0-9][0-9.,eE+\\-]*',
};
const TOKEN = /"<str>"|'<str>'|<(?:url|uuid|time|ip|hex|path|id|num)>/g;
/** templates.ts cuts templates at this length: a template that long may have been cut. */
const TEMPLATE_MAX = 300;

export interface TemplateMatcher {
  /** Lucene regular expression (anchored by Lucene) for a `regexp` query on a keyword field. */
  lucene: string;
  /** The same expression for JavaScript, anchored, to check it against sampled messages. */
  js: RegExp;
  /** Fixed words of the template (for `match_phrase` when the message is only a text field). */
  phrases: string[];
}

function literal(text: string): { lucene: string; js: string } {
  let lucene = '';
  let js = '';
  for (const ch of text) {
    if (ch === ' ') {
      // templateOf collapsed any run of whitespace into one space.
      // A real tab: in Lucene `\t` would be the letter t.
      lucene += '[ \t]+';
      js += '[ \t]+';
    } else if (/[A-Za-z0-9]/.test(ch) || ch.codePointAt(0)! > 127) {
      lucene += ch;
      js += ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
    } else {
      // Lucene: a backslash makes any character literal; JavaScript needs it only for syntax.
      lucene += `\\${ch}`;
      js += ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
    }
  }
  return { lucene, js };
}

/** The matcher of a template, or null when it has nothing to anchor on. */
export function templateMatcher(template: string): TemplateMatcher | null {
  if (template.trim() === '') return null;
  let lucene = '[ \t]*';
  let js = '^[ \t]*';
  let at = 0;
  const addLiteral = (text: string): void => {
    const l = literal(text);
    lucene += l.lucene;
    js += l.js;
  };
  for (const m of template.matchAll(TOKEN)) {
    addLiteral(template.slice(at, m.index));
    const cls = MASK_CLASSES[m[0]] as string;
    lucene += `(${cls})`;
    js += `(?:${cls.replace(/\\"/g, '"').replace(/\(/g, '(?:')})`;
    at = m.index + m[0].length;
  }
  addLiteral(template.slice(at));
  // Only the first line is templated (and at most TEMPLATE_MAX characters of it).
  const cut = [...template].length >= TEMPLATE_MAX;
  lucene += cut ? '.*' : '[ \t]*([\r\n].*)?';
  js += cut ? '[\\s\\S]*$' : '[ \t]*(?:[\r\n][\\s\\S]*)?$';
  return { lucene, js: new RegExp(js, 'u'), phrases: joinPhrases(template) };
}

/** Runs of fixed words between masks, as phrases ("Failed to write blob", "No space left on device"). */
function joinPhrases(template: string): string[] {
  return template
    .split(TOKEN)
    .map((part) => part.replace(/[^\p{L}\p{N}]+/gu, ' ').trim())
    .filter((p) => /\p{L}/u.test(p));
}

/**
 * True when every sampled message of the template matches its matcher (and templates back to it):
 * only then can the cluster's count of the matcher stand for the template's count.
 */
export function matcherFits(matcher: TemplateMatcher, template: string, messages: string[]): boolean {
  return messages.every((m) => templateOf(m) === template && matcher.js.test(m.length > 2000 ? m.slice(0, 2000) : m));
}

/** Elasticsearch query for a template: `regexp` on a keyword field, else phrases on the text field. */
export function templateQuery(
  matcher: TemplateMatcher,
  keywordField: string | null,
  textField: string,
): Record<string, unknown> | null {
  if (keywordField)
    return { regexp: { [keywordField]: { value: matcher.lucene, flags: 'NONE', max_determinized_states: 100_000 } } };
  if (matcher.phrases.length === 0) return null;
  return { bool: { filter: matcher.phrases.map((p) => ({ match_phrase: { [textField]: p } })) } };
}

/**
 * A known-issue signature (a JavaScript regular expression, case-insensitive, unanchored) as a
 * Lucene regular expression, or null when it uses what Lucene lacks (lookarounds, anchors,
 * back-references): the caller then counts from the sample instead.
 */
export function signatureToLucene(pattern: string): string | null {
  let out = '';
  let i = 0;
  let inClass = false;
  const shorthand: Record<string, string> = { d: '0-9', s: ' \t\r\n', w: 'A-Za-z0-9_' };
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) return null;
      i += 2;
      if (next in shorthand) out += inClass ? shorthand[next] : `[${shorthand[next]}]`;
      else if (next === 'b' || next === 'B')
        continue; // a word boundary only narrows: dropping it counts a little more
      else if (/[A-Za-z0-9]/.test(next))
        return null; // \D, \S, \1, \u… : not worth translating
      else out += `\\${next}`;
      continue;
    }
    i += 1;
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch === '"' ? '\\"' : ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      if (pattern[i] === '^') {
        out += '^';
        i += 1;
      }
      continue;
    }
    if (ch === '(' && pattern[i] === '?') {
      if (pattern[i + 1] !== ':') return null;
      i += 2;
      out += '(';
      continue;
    }
    if (ch === '^' || ch === '$') return null;
    // Lazy quantifiers match the same set of strings as greedy ones.
    if (ch === '?' && /[*+?}]/.test(pattern[i - 2] ?? '') && out.length > 0 && !out.endsWith('\\?')) continue;
    if ('.*+?|(){}'.includes(ch)) out += ch;
    else if (/[A-Za-z0-9 ]/.test(ch) || ch.codePointAt(0)! > 127) out += ch;
    else out += `\\${ch}`;
  }
  return inClass ? null : `.*(${out}).*`;
}
