/**
 * Lucene query-string building for log-count panels and log selectors: values always become quoted
 * phrases (only `"` and `\` need escaping inside), field names get every reserved character escaped.
 * `<` and `>` cannot be escaped in a query string at all, so a field name containing them throws.
 */
import { definitionError } from './builder.js';

/** `"value"` as a Lucene phrase. */
export function lucenePhrase(value: string): string {
  return `"${value.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`;
}

/** A field name with Lucene's reserved characters escaped (dots stay: they separate ECS levels). */
export function luceneField(field: string): string {
  if (field === '' || /[<>]/.test(field)) {
    throw definitionError(
      `Field name "${field}" cannot be used in a Lucene query.`,
      'Use a field name without < or >.',
    );
  }
  return field.replace(/[+\-=&|!(){}[\]^"~*?:\\/\s]/g, (ch) => `\\${ch}`);
}

/** `field:"value"`. */
export function luceneTerm(field: string, value: string): string {
  return `${luceneField(field)}:${lucenePhrase(value)}`;
}

/** `field:("a" OR "b")`; a single value is a plain term. */
export function luceneAnyOf(field: string, values: readonly string[]): string {
  if (values.length === 0) throw definitionError(`luceneAnyOf("${field}") has no values.`, 'Pass at least one value.');
  if (values.length === 1) return luceneTerm(field, values[0] as string);
  return `${luceneField(field)}:(${values.map(lucenePhrase).join(' OR ')})`;
}

/** Joins clauses with AND, each in parentheses when it holds an OR. */
export function luceneAnd(...clauses: string[]): string {
  const parts = clauses.filter((c) => c !== '');
  if (parts.length === 1) return parts[0] as string;
  return parts.map((c) => (/\sOR\s/.test(c) && !/^[^\s]+:\(/.test(c) ? `(${c})` : c)).join(' AND ');
}
