/**
 * Chronograf stores a cell note only after `bluemonday.UGCPolicy().Sanitize(note)` (server/cells.go
 * ValidateNote, bluemonday v1.0.26). calvin renders notes in that stored form and compares through
 * it, so a deployed note reads back byte-identical. What is modelled, from bluemonday and Go's
 * x/net/html tokenizer: text is entity-decoded and re-escaped as html.EscapeString does (`&` `'`
 * `<` `>` `"` → `&amp;` `&#39;` `&lt;` `&gt;` `&#34;`; `\r\n` and `\r` become `\n`); comments,
 * doctypes and elements outside the UGC allowlist are dropped, keeping their text except for the
 * elements whose content bluemonday skips (script, style, iframe, object, ...). Not modelled:
 * attributes (an allowed element is kept without them, where bluemonday keeps the allowed ones).
 */
import { decodeHTML } from 'entities';

/** bluemonday UGCPolicy's elements (policies.go, helpers.go AllowLists/AllowTables/AllowImages). */
const UGC_ELEMENTS = new Set(
  (
    'a abbr acronym area article aside b bdi bdo blockquote br caption cite code col colgroup dd del details dfn ' +
    'div dl dt em figcaption figure h1 h2 h3 h4 h5 h6 hgroup hr i img ins li map mark meter ol p pre progress q ' +
    'rp rt ruby s samp section small span strike strong sub summary sup table tbody td tfoot th thead time tr tt ' +
    'u ul var wbr'
  ).split(' '),
);
/** bluemonday's setOfElementsToSkipContent defaults (policy.go). */
const SKIP_CONTENT = new Set(
  'frame frameset iframe noembed noframes noscript nostyle object script style title'.split(' '),
);

const GO_ESCAPES: Record<string, string> = { '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '"': '&#34;' };

/** Go's html.EscapeString over the tokenizer's text: newlines normalised, entities decoded once. */
function escapeText(raw: string): string {
  const text = decodeHTML(raw.replace(/\r\n?/g, '\n'));
  return text.replace(/[&'<>"]/g, (c) => GO_ESCAPES[c] as string);
}

// A tag starts with `<` + letter (or `</` + letter); `<!` and `<?` open comments; anything else is text.
const MARKUP = /<!--[\s\S]*?(?:-->|$)|<[!?][^>]*(?:>|$)|<\/?([A-Za-z][^\s/>]*)((?:"[^"]*"|'[^']*'|[^'">])*)(?:>|$)/g;

export function sanitizeChronografNote(note: string): string {
  let out = '';
  let skipping: string | undefined;
  let last = 0;
  for (const match of note.matchAll(MARKUP)) {
    const at = match.index ?? 0;
    if (skipping === undefined) out += escapeText(note.slice(last, at));
    last = at + match[0].length;
    const name = match[1]?.toLowerCase();
    if (name === undefined) continue; // comment, doctype, processing instruction: dropped
    const closing = match[0].startsWith('</');
    if (skipping !== undefined) {
      if (closing && name === skipping) skipping = undefined;
      continue;
    }
    if (SKIP_CONTENT.has(name)) {
      if (!closing && !/\/\s*$/.test(match[2] ?? '')) skipping = name;
      continue;
    }
    if (!UGC_ELEMENTS.has(name)) continue;
    const selfClosing = !closing && /\/\s*$/.test(match[2] ?? '');
    out += closing ? `</${name}>` : selfClosing ? `<${name}/>` : `<${name}>`;
  }
  if (skipping === undefined) out += escapeText(note.slice(last));
  return out;
}

/** What a note loses to the sanitiser beyond escaping: the text a reader would no longer see. */
export function noteRewriteLoss(note: string): string | undefined {
  const kept = decodeHTML(sanitizeChronografNote(note));
  const meant = decodeHTML(note.replace(/\r\n?/g, '\n'));
  return kept === meant ? undefined : firstDifference(meant, kept);
}

function firstDifference(meant: string, kept: string): string {
  let i = 0;
  while (i < meant.length && meant[i] === kept[i]) i += 1;
  return meant.slice(i, i + 40);
}
