/** Checking a filter's output against a test case's expectations (fields, tags, absent, dropped). */
import type { LogFilterTestCase } from '../../define/types.js';
import { parseFieldPath } from '../grok/field-path.js';
import { valuesEqual } from './conditions.js';
import { getPath, hasPath, tagsOf } from './event.js';
import type { LogEvent } from './event.js';
import type { FilterProgram } from './program.js';
import type { RunContext } from './types.js';

export type CaseStatus = 'passed' | 'failed' | 'unsupported' | 'error';

export interface LogCaseOutcome {
  status: CaseStatus;
  /** One line per unmet expectation, or the unsupported/error reason. */
  problems: string[];
  /** What the case expected and what the filter produced, restricted to the expected keys (for a diff). */
  expected?: Record<string, unknown>;
  actual?: Record<string, unknown>;
}

/** Looks a field up as `[a][b]`, as a dotted ECS path, or as a literal key with dots. */
function lookup(event: LogEvent, name: string): { found: boolean; value: unknown } {
  const nested = parseFieldPath(name, true);
  if (hasPath(event, nested)) return { found: true, value: getPath(event, nested) };
  const literal = parseFieldPath(name, false);
  if (hasPath(event, literal)) return { found: true, value: getPath(event, literal) };
  return { found: false, value: undefined };
}

export function checkLogCase(program: FilterProgram, testCase: LogFilterTestCase, ctx: RunContext): LogCaseOutcome {
  let result;
  try {
    result = program.run(testCase.input, ctx);
  } catch (err) {
    return { status: 'error', problems: [(err as Error).message] };
  }
  if (result.status === 'unsupported') return { status: 'unsupported', problems: [result.reason] };

  const { event, dropped } = result;
  const problems: string[] = [];
  const expected: Record<string, unknown> = {};
  const actual: Record<string, unknown> = {};
  const exp = testCase.expect;

  const wantDropped = exp.dropped ?? false;
  if (dropped !== wantDropped) {
    problems.push(wantDropped ? 'expected the event to be dropped, but it was kept' : 'the event was dropped');
    expected.dropped = wantDropped;
    actual.dropped = dropped;
  }
  if (!dropped) {
    for (const [name, want] of Object.entries(exp.fields ?? {})) {
      const got = lookup(event, name);
      expected[name] = want;
      actual[name] = got.found ? got.value : '<absent>';
      if (!got.found) problems.push(`field ${name} is absent (expected ${JSON.stringify(want)})`);
      else if (!valuesEqual(got.value, want))
        problems.push(`field ${name} is ${JSON.stringify(got.value)} (expected ${JSON.stringify(want)})`);
    }
    if (exp.tags) {
      const want = [...exp.tags].sort();
      const got = [...tagsOf(event)].sort();
      expected.tags = want;
      actual.tags = got;
      if (!valuesEqual(want, got)) problems.push(`tags are ${JSON.stringify(got)} (expected ${JSON.stringify(want)})`);
    }
    for (const name of exp.absent ?? []) {
      const got = lookup(event, name);
      if (got.found) {
        problems.push(`field ${name} should be absent but is ${JSON.stringify(got.value)}`);
        expected[name] = '<absent>';
        actual[name] = got.value;
      }
    }
  }
  return problems.length === 0 ? { status: 'passed', problems } : { status: 'failed', problems, expected, actual };
}
