/**
 * Groups log messages into templates client-side (the test cluster has no ML `categorize_text`):
 * variable parts are masked, so "disk /srv/a1 full at 10:42:01" and "disk /srv/b2 full at 11:00:07"
 * share one template.
 */

const MASKS: [RegExp, string][] = [
  // Quoted strings first: their content is data, not structure.
  [/"(?:[^"\\\n]|\\.){0,500}"/g, '"<str>"'],
  [/'(?:[^'\\\n]|\\.){0,500}'/g, "'<str>'"],
  [/\b[a-z][a-z0-9+.-]{1,15}:\/\/[^\s"'<>]*[^\s"'<>.,:;)]/gi, '<url>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>'],
  [/\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g, '<time>'],
  [/\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b/g, '<time>'],
  [/\b(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?\b/g, '<ip>'],
  [/\b(?:[0-9a-f]{1,4}:){3,7}[0-9a-f]{1,4}\b/gi, '<ip>'],
  // Paths before hex: a hex segment inside a path must not cut the path in two.
  [/(?:^|(?<=[\s=:(["']))(?:\/[\w.@%+-]+)+\/?/g, '<path>'],
  [/\b[A-Za-z]:\\[^\s"']+/g, '<path>'],
  [/\b0x[0-9a-f]+\b/gi, '<hex>'],
  [/\b[0-9a-f]{12,}\b/gi, '<hex>'],
  // Identifiers mixing letters and digits (build-1234, job_42a) carry the number inside them.
  [/\b(?=[A-Za-z_-]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]+(?:[_-][A-Za-z0-9]+)*[_-]\d+\b/g, '<id>'],
  [/[-+]?\b\d+(?:[.,]\d+)*(?:[eE][-+]?\d+)?\b/g, '<num>'],
];

/** The message with its variable parts masked; whitespace collapsed; bounded length. */
export function templateOf(message: string): string {
  let text = message.length > 2000 ? message.slice(0, 2000) : message;
  // Only the first line: stack traces would make every message unique.
  const newline = text.search(/[\r\n]/);
  if (newline > 0) text = text.slice(0, newline);
  for (const [pattern, mask] of MASKS) text = text.replace(pattern, mask);
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

const ERROR_WORD_LIST = [
  'refused|fail(?:ed|ure|s)?|errors?|exception|denied|timeout|timed out|no space|unavailable|cannot',
  "can't|unable|exceeded|fatal|crash(?:ed)?|killed|exited|abort(?:ed)?|unreachable|reset|invalid",
  'not found|full|overhead',
].join('|');
const ERRNO = 'E(?:TIMEDOUT|CONNRESET|CONNREFUSED|HOSTUNREACH|NOSPC|ACCES)';
const ERROR_WORDS = new RegExp(String.raw`\b(?:${ERROR_WORD_LIST})\b|OutOfMemory|heap space|\b${ERRNO}\b`, 'i');

function clean(text: string): string {
  return text
    .replace(/"<str>"|'<str>'|<[a-z]+>/g, ' ')
    .replace(/\(\s*\)|\[\s*\]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s:;,.=-]+|[\s:;,=-]+$/g, '')
    .trim();
}

function cap(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/**
 * A short readable label of a template for sentences: the last clause that names the error
 * ("...FileBlobStore - Failed to write blob <path>: java.io.IOException: No space left on device"
 * → "No space left on device"), prefixed by the exception class when the clause alone is vague
 * ("OutOfMemoryError: Java heap space"); the template itself when nothing better stands out.
 */
export function templateLabel(template: string): string {
  // Bracketed variable parts ("(host <id>)", "[qtp<num>-<num>]") and leading level tags go first.
  const text = template
    .replace(/\s*[([{][^()[\]{}]*<[a-z]+>[^()[\]{}]*[)\]}]/g, '')
    .replace(/^(?:\s*\[[^\]]*\])+\s*/, '');
  const clauses = text
    .split(/:\s+|\.\s+| - /)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  if (clauses.length > 1) {
    for (let i = clauses.length - 1; i >= 0; i -= 1) {
      const clause = clean(clauses[i] as string);
      if (clause.length < 8 || !ERROR_WORDS.test(clause) || /^[A-Z]+$/.test(clause)) continue;
      // A JVM Error (OutOfMemoryError, StackOverflowError) is the news; an Exception class is noise.
      const error = /([A-Za-z_$][\w$]*Error)$/.exec(clauses[i - 1] ?? '')?.[1];
      return cap(error ? `${error}: ${clause}` : clause);
    }
    const last = clean(clauses[clauses.length - 1] as string);
    const exception = /([A-Za-z_$][\w$]*(?:Error|Exception))$/.exec(clauses[clauses.length - 2] ?? '')?.[1];
    if (exception && last.length >= 4) return cap(`${exception}: ${last}`);
    if (last.length >= 8 && /[a-z]{3}/i.test(last)) return cap(last);
  }
  return cap(template);
}
