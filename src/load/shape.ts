/**
 * Structural checks of what a definition file exported: enough that renderers never meet a shape
 * they cannot handle. Types are the compile-time contract; this is the run-time one for .js files
 * and for `as any` escapes. Returns a problem sentence, or undefined when the value is fine.
 */
import type { Definition, DefinitionKind } from '../define/types.js';
import { modelProblem } from '../define/validate.js';

export const DEFINITION_KINDS: readonly DefinitionKind[] = [
  'service',
  'dashboard',
  'alert',
  'log-filter',
  'index-template',
];

const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

type FieldCheck = 'string' | 'array' | 'object' | 'number';

const REQUIRED: Record<DefinitionKind, Record<string, FieldCheck>> = {
  service: {
    consulName: 'string',
    title: 'string',
    aliases: 'array',
    metrics: 'object',
    logs: 'object',
    runbooks: 'array',
  },
  dashboard: {
    title: 'string',
    tags: 'array',
    variables: 'array',
    annotations: 'array',
    links: 'array',
    rows: 'array',
    time: 'object',
  },
  alert: {
    name: 'string',
    service: 'string',
    query: 'object',
    condition: 'object',
    message: 'string',
    runbook: 'object',
    handlers: 'array',
    tests: 'array',
  },
  'log-filter': { match: 'object', steps: 'array', produces: 'array', tests: 'array', order: 'number' },
  'index-template': {
    name: 'string',
    patterns: 'array',
    components: 'array',
    mappings: 'object',
    fromLogFilters: 'array',
  },
};

function hasType(value: unknown, check: FieldCheck): boolean {
  switch (check) {
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'string':
      return typeof value === 'string';
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export function shapeProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return `exports ${describe(value)}, not a definition`;
  const record = value as Record<string, unknown>;
  const kind = record.kind;
  if (kind === undefined) return 'exports an object without `kind`, not a definition';
  if (typeof kind !== 'string' || !(DEFINITION_KINDS as readonly string[]).includes(kind)) {
    return `unknown kind ${JSON.stringify(kind)} (expected one of ${DEFINITION_KINDS.join(', ')})`;
  }
  const id = record.id;
  if (typeof id !== 'string' || id === '') return `a ${kind} without an \`id\``;
  if (!ID_PATTERN.test(id)) return `${kind} id ${JSON.stringify(id)} is not kebab-case`;
  for (const [field, check] of Object.entries(REQUIRED[kind as DefinitionKind])) {
    if (!hasType(record[field], check))
      return `${kind} "${id}": \`${field}\` must be ${check === 'array' ? 'an array' : `a${check === 'object' ? 'n' : ''} ${check}`}, got ${describe(record[field])}`;
  }
  // The model itself (levels, directions, windows): one validation for build, lint and test.
  return modelProblem(value as Definition);
}

export function isDefinition(value: unknown): value is Definition {
  return shapeProblem(value) === undefined;
}
