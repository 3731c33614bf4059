/**
 * Logstash config literals for the default `config.support_escapes: false` (Calvinverse does not
 * change it). There a quoted string is taken verbatim: the grammar skips `\x` pairs while looking
 * for the closing quote but keeps both characters. So a value is written between the quote it does
 * not contain; values holding both quotes, NUL/CR, or ending in an odd run of backslashes cannot be
 * written and throw. Field names become references `[host][name]`; regexes escape bare `/`.
 */
import { CalvinError } from '../errors.js';

function cannot(what: string, value: string, hint: string): CalvinError {
  return new CalvinError('BAD_DEFINITION', `cannot write ${JSON.stringify(value)} as a Logstash ${what}`, hint);
}

export function canWriteLogstashString(value: string): boolean {
  if (value.includes('"') && value.includes("'")) return false;
  if (/[\0\r]/.test(value)) return false;
  const trailing = /\\+$/.exec(value)?.[0].length ?? 0;
  return trailing % 2 === 0;
}

/** `"value"` (or `'value'` when the value holds a double quote), verbatim. */
export function logstashString(value: string): string {
  if (!canWriteLogstashString(value)) {
    throw cannot(
      'string',
      value,
      'Logstash strings cannot hold both quote kinds, NUL, CR or a trailing lone backslash without ' +
        'config.support_escapes',
    );
  }
  const quote = value.includes('"') ? "'" : '"';
  return `${quote}${value}${quote}`;
}

/**
 * Reads the quoted string starting at `offset` the way Logstash's grammar does and returns its
 * value and the offset after it (undefined when unterminated). Used by tests and lint.
 */
export function readLogstashString(text: string, offset: number): { value: string; end: number } | undefined {
  const quote = text[offset];
  if (quote !== '"' && quote !== "'") return undefined;
  let i = offset + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') i += 2;
    else if (ch === quote) return { value: text.slice(offset + 1, i), end: i + 1 };
    else i += 1;
  }
  return undefined;
}

/** `host.name` → `[host][name]`; a name already in bracket form is checked and kept. */
export function logstashFieldRef(field: string): string {
  const parts = field.startsWith('[') ? [...field.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] ?? '') : field.split('.');
  if (field.startsWith('[') && parts.map((p) => `[${p}]`).join('') !== field)
    throw cannot('field reference', field, 'use [a][b] or a.b');
  for (const part of parts) {
    if (part === '' || /[[\],"'\s]/.test(part))
      throw cannot('field reference', field, 'field name parts cannot be empty or hold [ ] , quotes or spaces');
  }
  return parts.map((p) => `[${p}]`).join('');
}

/** A field name where a plugin setting expects one: plain for top-level names, `[a][b]` otherwise. */
export function logstashFieldName(field: string): string {
  const ref = logstashFieldRef(field);
  return /^\[[^\]]+\]$/.test(ref) ? ref.slice(1, -1) : ref;
}

/** `/pattern/`: bare `/` escaped, existing escapes kept. */
export function logstashRegex(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i] as string;
    if (ch === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) throw cannot('regex', pattern, 'a regex cannot end with a lone backslash');
      out += ch + next;
      i += 1;
    } else if (ch === '/') out += '\\/';
    else if (ch === '\n' || ch === '\r') throw cannot('regex', pattern, 'write a newline as \\n');
    else out += ch;
  }
  return `/${out}/`;
}

export function logstashNumber(value: number): string {
  if (!Number.isFinite(value))
    throw new CalvinError('BAD_DEFINITION', `${String(value)} is not a finite number`, 'use a finite number');
  return String(value);
}
