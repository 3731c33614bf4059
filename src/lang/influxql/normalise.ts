/**
 * A canonical spelling of a query, to compare two queries for equivalence of text: layout, keyword
 * case, identifier quoting, number spelling, redundant parentheses, the order of AND-ed conditions
 * and of GROUP BY tags do not matter. Text that does not parse is compared with its white space folded.
 */
import { parseInfluxQL } from './parser.js';
import { printInfluxQL } from './printer.js';

export function normaliseInfluxQL(text: string): string {
  const parsed = parseInfluxQL(text);
  if (parsed.errors.length > 0) return text.replace(/\s+/g, ' ').trim();
  return printInfluxQL(parsed.statements, { canonical: true });
}
