import { createHash } from 'node:crypto';

/** Short, stable hex digest of a string (first `length` hex chars of SHA-256). */
export function shortHash(text: string, length = 8): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, length);
}
