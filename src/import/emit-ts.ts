/**
 * Writes a definition as a TypeScript module: a typed object literal checked with `satisfies`, so
 * the file compiles, loads, and reads like hand-written code. Every string goes through
 * JSON.stringify (no injection through titles or queries); comments are stripped of line breaks.
 */
import type { DashboardDef } from '../define/types.js';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const LINE_WIDTH = 110;

/** One comment line: no control characters or line terminators that could end the comment early. */
export function commentText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
}

function key(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

function literal(value: unknown, indent: string): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item) => literal(item, inner));
    const flat = `[${items.join(', ')}]`;
    if (flat.length + indent.length <= LINE_WIDTH && !flat.includes('\n')) return flat;
    return `[\n${items.map((item) => `${inner}${item},`).join('\n')}\n${indent}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const items = entries.map(([k, v]) => `${key(k)}: ${literal(v, inner)}`);
    const flat = `{ ${items.join(', ')} }`;
    if (flat.length + indent.length <= LINE_WIDTH && !flat.includes('\n')) return flat;
    return `{\n${items.map((item) => `${inner}${item},`).join('\n')}\n${indent}}`;
  }
  throw new Error(`cannot write a ${typeof value} as a TypeScript literal`);
}

export interface EmitOptions {
  /** First comment line, e.g. where the dashboard came from. */
  header: string;
  notes?: readonly string[];
}

export function emitDashboardModule(definition: DashboardDef, options: EmitOptions): string {
  const lines = [`// ${commentText(options.header)}`];
  if (options.notes && options.notes.length > 0) {
    lines.push('//', '// Import notes (review, then delete this comment):');
    for (const note of options.notes) lines.push(`//   - ${commentText(note)}`);
  }
  const { source: _source, ...model } = definition;
  const body = `export default ${literal(model, '')} satisfies DashboardDef;\n`;
  return `${lines.join('\n')}\nimport type { DashboardDef } from 'calvin';\n\n${body}`;
}
