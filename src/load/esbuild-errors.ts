/**
 * esbuild failures carry structured messages; their `message` starts with "Transform failed with 1
 * error:", which says nothing on its own. This turns the first one into `file:line:column: text`.
 */
import path from 'node:path';

interface EsbuildMessage {
  text: string;
  location: { file: string; line: number; column: number } | null;
}

function isEsbuildFailure(error: unknown): error is { errors: EsbuildMessage[] } {
  const errors = (error as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) && errors.length > 0 && typeof (errors[0] as { text?: unknown }).text === 'string';
}

/**
 * `alerts/x.ts:3:10: Expected "}" but found end of file` (column 1-based, path relative to `root`),
 * or undefined when `error` is not an esbuild failure.
 */
export function esbuildProblem(error: unknown, root: string, fallbackFile?: string): string | undefined {
  if (!isEsbuildFailure(error)) return undefined;
  const first = error.errors[0] as EsbuildMessage;
  // eslint-disable-next-line no-control-regex
  const text = first.text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  const location = first.location;
  if (location === null) return fallbackFile === undefined ? text : `${fallbackFile}: ${text}`;
  const absolute = path.resolve(root, location.file);
  const relative = path.relative(root, absolute).split(path.sep).join('/');
  const file = relative.startsWith('..') ? absolute : relative;
  return `${file}:${location.line}:${location.column + 1}: ${text}`;
}
