/**
 * Log filter builder: a Logstash-style condition, processing steps, the ECS fields the filter
 * produces (index templates map exactly these) and test cases (input event → expected event).
 *
 * Field names in conditions, steps, produced fields and tests are ECS dotted paths (`host.name`);
 * the Logstash renderer writes them as `[host][name]`. Inside grok patterns, captures use Logstash
 * syntax directly: `%{LOGLEVEL:[log][level]}`.
 */
import type { Builder } from './builder.js';
import { assertId, assertNonEmpty, clone, definitionError } from './builder.js';
import type { EcsType, FilterStep, LogCondition, LogFilterDef, LogFilterTestCase, ProducedField } from './types.js';

// ---------------------------------------------------------------------------------------------
// Conditions

function checkRegex(pattern: string, where: string): void {
  try {
    new RegExp(pattern);
  } catch (error) {
    throw definitionError(
      `${where}: regex /${pattern}/ does not compile (${(error as Error).message}).`,
      'Fix the regular expression.',
    );
  }
}

export const hasTag = (tag: string): LogCondition => ({ op: 'tag', tag });
export const fieldEq = (field: string, value: string | number): LogCondition => ({ op: '==', field, value });
export const fieldNe = (field: string, value: string | number): LogCondition => ({ op: '!=', field, value });
export const fieldExists = (field: string): LogCondition => ({ op: 'exists', field });
export const fieldIn = (field: string, values: string[]): LogCondition => ({ op: 'in', field, values: [...values] });
export const fieldNotIn = (field: string, values: string[]): LogCondition => ({
  op: 'not in',
  field,
  values: [...values],
});

export function fieldMatches(field: string, pattern: string): LogCondition {
  checkRegex(pattern, `Condition on "${field}"`);
  return { op: '=~', field, pattern };
}

export function fieldNotMatches(field: string, pattern: string): LogCondition {
  checkRegex(pattern, `Condition on "${field}"`);
  return { op: '!~', field, pattern };
}

export function allOf(...conditions: LogCondition[]): LogCondition {
  if (conditions.length === 0) throw definitionError('allOf() got no conditions.', 'Pass at least one condition.');
  return conditions.length === 1 ? (conditions[0] as LogCondition) : { op: 'and', conditions };
}

export function anyOf(...conditions: LogCondition[]): LogCondition {
  if (conditions.length === 0) throw definitionError('anyOf() got no conditions.', 'Pass at least one condition.');
  return conditions.length === 1 ? (conditions[0] as LogCondition) : { op: 'or', conditions };
}

export const negate = (condition: LogCondition): LogCondition => ({ op: 'not', condition });

// ---------------------------------------------------------------------------------------------
// Steps

const GROK_REFERENCE = /%\{([A-Z0-9_]+)(?::([^}:]+))?(?::(int|float))?\}/g;

export function grokStep(
  field: string,
  patterns: string[],
  options: {
    patternDefinitions?: Record<string, string>;
    overwrite?: string[];
    tagOnFailure?: string[];
    breakOnMatch?: boolean;
  } = {},
): FilterStep {
  assertNonEmpty(field, 'grok field');
  if (patterns.length === 0) throw definitionError(`grok on "${field}" has no patterns.`, 'Give at least one pattern.');
  for (const p of patterns) {
    assertNonEmpty(p, `grok pattern on "${field}"`);
    const stripped = p.replace(GROK_REFERENCE, '');
    if (/%\{/.test(stripped))
      throw definitionError(
        `grok pattern "${p}" has a malformed %{...} reference.`,
        'Write references as %{PATTERN} or %{PATTERN:field}.',
      );
  }
  return { step: 'grok', field, patterns: [...patterns], ...clone(options) };
}

export function kvStep(
  field: string,
  options: { fieldSplit?: string; valueSplit?: string; target?: string; includeKeys?: string[]; prefix?: string } = {},
): FilterStep {
  assertNonEmpty(field, 'kv field');
  const { fieldSplit = ' ', valueSplit = '=', ...rest } = options;
  if (fieldSplit === '' || valueSplit === '')
    throw definitionError(`kv on "${field}" has an empty separator.`, 'Give fieldSplit and valueSplit characters.');
  return { step: 'kv', field, fieldSplit, valueSplit, ...rest };
}

export function jsonStep(field: string, target?: string): FilterStep {
  assertNonEmpty(field, 'json field');
  return { step: 'json', field, ...(target ? { target } : {}) };
}

export function dateStep(
  field: string,
  formats: string[],
  options: { target?: string; timezone?: string } = {},
): FilterStep {
  assertNonEmpty(field, 'date field');
  if (formats.length === 0) throw definitionError(`date on "${field}" has no formats.`, 'Use e.g. ["ISO8601"].');
  return { step: 'date', field, formats: [...formats], ...options };
}

const CONVERT_TYPES = new Set(['integer', 'float', 'string', 'boolean']);

export function mutateStep(options: Omit<Extract<FilterStep, { step: 'mutate' }>, 'step'>): FilterStep {
  const keys = Object.keys(options);
  if (keys.length === 0)
    throw definitionError(
      'mutate() does nothing.',
      'Give rename, add, remove, convert, lowercase, gsub, addTags or removeTags.',
    );
  for (const [field, type] of Object.entries(options.convert ?? {})) {
    if (!CONVERT_TYPES.has(type))
      throw definitionError(
        `mutate convert of "${field}" to "${type}" is not supported.`,
        'Use integer, float, string or boolean.',
      );
  }
  for (const g of options.gsub ?? []) checkRegex(g.pattern, `mutate gsub on "${g.field}"`);
  return { step: 'mutate', ...clone(options) };
}

export const dropStep = (when?: LogCondition): FilterStep => (when ? { step: 'drop', when } : { step: 'drop' });

export function whenStep(condition: LogCondition, then: FilterStep[], otherwise?: FilterStep[]): FilterStep {
  if (then.length === 0)
    throw definitionError('when() has no steps.', 'Give the steps to run when the condition holds.');
  return {
    step: 'when',
    condition,
    then: clone(then),
    ...(otherwise && otherwise.length > 0 ? { else: clone(otherwise) } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// The filter

export class LogFilterBuilder implements Builder<LogFilterDef> {
  private readonly model: Omit<LogFilterDef, 'match'> & { match?: LogCondition };

  constructor(id: string, description: string) {
    assertId(id, 'Log filter');
    assertNonEmpty(description, `Log filter "${id}" description`);
    this.model = { kind: 'log-filter', id, description, order: 50, steps: [], produces: [], tests: [] };
  }

  service(id: string): this {
    assertId(id, `Service of log filter "${this.model.id}"`);
    this.model.service = id;
    return this;
  }

  /** Position in the rendered pipeline; lower runs first (ECS base normalisation is 10). */
  order(n: number): this {
    if (!Number.isInteger(n) || n < 0 || n > 999)
      throw definitionError(
        `Log filter "${this.model.id}" order ${n} is outside 0..999.`,
        'Use a whole number from 0 to 999.',
      );
    this.model.order = n;
    return this;
  }

  match(condition: LogCondition): this {
    this.model.match = clone(condition);
    return this;
  }

  steps(steps: FilterStep[]): this {
    this.model.steps = clone(steps);
    return this;
  }

  withStep(step: FilterStep): this {
    this.model.steps.push(clone(step));
    return this;
  }

  produces(fields: ProducedField[]): this {
    this.model.produces = [];
    for (const f of fields) this.withField(f.field, f.type, f.description);
    return this;
  }

  /** Declares an output field and its ECS type (index templates map it). */
  withField(field: string, type: EcsType, description?: string): this {
    assertNonEmpty(field, `Log filter "${this.model.id}" produced field`);
    const existing = this.model.produces.find((f) => f.field === field);
    if (existing) {
      throw definitionError(
        `Log filter "${this.model.id}" declares "${field}" ` +
          `twice${existing.type === type ? '' : ` (${existing.type} and ${type})`}.`,
        'Declare each produced field once.',
      );
    }
    this.model.produces.push({ field, type, ...(description ? { description } : {}) });
    return this;
  }

  tests(tests: LogFilterTestCase[]): this {
    this.model.tests = [];
    for (const t of tests) this.withTest(t);
    return this;
  }

  withTest(test: LogFilterTestCase): this {
    assertNonEmpty(test.name, `Log filter "${this.model.id}" test name`);
    if (this.model.tests.some((t) => t.name === test.name))
      throw definitionError(
        `Log filter "${this.model.id}" has two tests named "${test.name}".`,
        'Name each test uniquely.',
      );
    const e = test.expect;
    if (!e.fields && !e.tags && !e.absent && e.dropped === undefined)
      throw definitionError(
        `Log filter "${this.model.id}" test "${test.name}" expects nothing.`,
        'Give expect.fields, tags, absent or dropped.',
      );
    this.model.tests.push(clone(test));
    return this;
  }

  build(): LogFilterDef {
    const { id, match } = this.model;
    if (!match)
      throw definitionError(
        `Log filter "${id}" has no match condition.`,
        'Call match(hasTag("logs.linux.syslog")) or similar.',
      );
    if (this.model.steps.length === 0)
      throw definitionError(`Log filter "${id}" has no steps.`, 'Add steps with withStep(...).');
    if (this.model.tests.length === 0)
      throw definitionError(`Log filter "${id}" has no test cases.`, 'Add one with withTest({ name, input, expect }).');
    return clone(this.model as LogFilterDef);
  }
}

export function logFilter(id: string, description: string): LogFilterBuilder {
  return new LogFilterBuilder(id, description);
}
