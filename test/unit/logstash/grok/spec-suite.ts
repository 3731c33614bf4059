/**
 * Logstash's own grok spec examples (extracted by scripts/grok-spec/extract.rb) run through the
 * filter evaluator behind `calvin test`, and judged by the checks the upstream examples make.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileFilterSettings } from '../../../../src/logstash/pipeline/program.js';
import type { Settings } from '../../../../src/logstash/pipeline/types.js';

export interface SpecCheck {
  check: string;
  path?: (string | number)[];
  value?: unknown;
}

export interface SpecCase {
  file: string;
  example: string;
  mode: 'legacy' | 'ecs-v1';
  expression: string;
  message: string;
  settings: Settings;
  checks: SpecCheck[];
}

export interface CaseOutcome {
  id: string;
  kase: SpecCase;
  /** Checks that failed, described. */
  failures: string[];
  matchAgrees: boolean;
  /** undefined when the case checks no field. */
  fieldsAgree: boolean | undefined;
}

const FIXTURES = fileURLToPath(new URL('../../../fixtures/grok-spec/', import.meta.url));

export function loadSpecCases(): { source: string; cases: SpecCase[] } {
  return JSON.parse(readFileSync(`${FIXTURES}cases.json`, 'utf8')) as { source: string; cases: SpecCase[] };
}

/** Known disagreements: case id → reason. */
export function loadDisagreements(): Record<string, { example: string; reason: string }> {
  return JSON.parse(readFileSync(`${FIXTURES}disagreements.json`, 'utf8')) as Record<
    string,
    { example: string; reason: string }
  >;
}

export function caseId(c: SpecCase): string {
  const h = createHash('sha256').update(JSON.stringify([c.mode, c.expression, c.message, c.settings]));
  return `${c.file.replace(/_spec\.rb$/, '')}-${h.digest('hex').slice(0, 10)}`;
}

const MISSING = Symbol('missing');

/** Ruby's String#to_i. */
function rubyToI(v: unknown): number {
  const m = /^\s*[+-]?\d+/.exec(String(v));
  return m ? parseInt(m[0], 10) : 0;
}

function resolve(root: unknown, path: readonly (string | number)[]): unknown {
  let cur: unknown = root;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (key === 'keys') cur = cur !== null && typeof cur === 'object' ? Object.keys(cur) : MISSING;
    else if (key === 'to_i') cur = rubyToI(cur);
    else if (key === 'to_s') cur = cur === undefined || cur === MISSING ? '' : String(cur);
    else if (key === 'has') return cur !== null && typeof cur === 'object' && Object.hasOwn(cur, String(path[i + 1]));
    else if (typeof key === 'number' && Array.isArray(cur)) cur = cur.at(key) ?? MISSING;
    else if (typeof key === 'number' && typeof cur === 'string') cur = cur.at(key) ?? MISSING;
    else if (cur !== null && typeof cur === 'object' && Object.hasOwn(cur, String(key)))
      cur = (cur as Record<string, unknown>)[String(key)];
    else cur = MISSING;
  }
  return cur;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** RSpec equality of an actual value with an expected one (hash_including and regexes included). */
function same(actual: unknown, expected: unknown): boolean {
  if (isObject(expected) && '__partial__' in expected) return includes(actual, expected.__partial__);
  if (isObject(expected) && '__regex__' in expected)
    return typeof actual === 'string' && new RegExp(String(expected.__regex__)).test(actual);
  if (expected === null) return actual === null || actual === undefined || actual === MISSING;
  if (Array.isArray(expected))
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => same(actual[i], e));
  if (isObject(expected)) {
    if (!isObject(actual)) return false;
    const keys = Object.keys(expected);
    return keys.length === Object.keys(actual).length && keys.every((k) => same(actual[k], expected[k]));
  }
  return actual === expected;
}

/** RSpec's `include`: hash entries, array elements, substrings. */
function includes(actual: unknown, expected: unknown): boolean {
  if (isObject(actual)) {
    if (isObject(expected) && !('__partial__' in expected))
      return Object.entries(expected).every(([k, v]) => Object.hasOwn(actual, k) && same(actual[k], v));
    const keys = Array.isArray(expected) ? expected : [expected];
    return keys.every((k) => Object.hasOwn(actual, String(k)));
  }
  if (Array.isArray(actual)) {
    const items = Array.isArray(expected) ? expected : [expected];
    return items.every((e) => actual.some((a) => same(a, e)));
  }
  if (typeof actual === 'string') {
    const items = Array.isArray(expected) ? expected : [expected];
    return items.every((e) => typeof e === 'string' && actual.includes(e));
  }
  return false;
}

function holds(check: SpecCheck, event: Record<string, unknown>): boolean {
  const matched = !Object.hasOwn(event, 'tags');
  const actual = resolve(event, check.path ?? []);
  switch (check.check) {
    case 'match':
      return matched;
    case 'nomatch':
      return !matched;
    case 'include':
      return includes(actual, check.value);
    case 'not_include':
      return !includes(actual, check.value);
    case 'equal':
      return same(actual, check.value);
    case 'not_equal':
      return !same(actual, check.value);
    case 'regex':
      return typeof actual === 'string' && same(actual, check.value);
    case 'notRegex':
      return !(typeof actual === 'string' && same(actual, check.value));
    case 'startWith':
      return typeof actual === 'string' && actual.startsWith(String(check.value));
    case 'not_endWith':
      return !(typeof actual === 'string' && actual.endsWith(String(check.value)));
    case 'not_hasKey':
      return !(isObject(actual) && Object.hasOwn(actual, String(check.value)));
    case 'hasKey':
      return isObject(actual) && Object.hasOwn(actual, String(check.value));
    case 'kind':
      return check.value === 'Hash' ? isObject(actual) : check.value === 'String' ? typeof actual === 'string' : false;
    case 'onlyTopLevel':
      return Object.keys(event).every((k) => k === '@metadata' || (check.value as string[]).includes(k));
    default:
      throw new Error(`unknown check ${check.check}`);
  }
}

const MATCH_CHECKS = new Set(['match', 'nomatch']);
const POSITIVE_CHECKS = new Set(['include', 'equal', 'regex', 'startWith', 'hasKey', 'kind']);

/** A check that some captured value is there (the input message is there anyway). */
function expectsValue(c: SpecCheck): boolean {
  if (c.path?.length === 1 && c.path[0] === 'message') return false;
  return POSITIVE_CHECKS.has(c.check) && !(c.check === 'equal' && c.value === null);
}

/** Runs one case through the grok filter as the upstream spec helper configures it. */
export function runSpecCase(kase: SpecCase): CaseOutcome {
  const settings: Settings = {
    match: { message: kase.expression },
    ecs_compatibility: kase.mode === 'legacy' ? 'disabled' : 'v1',
    ...kase.settings,
  };
  const failures: string[] = [];
  let event: Record<string, unknown> = {};
  try {
    const result = compileFilterSettings([{ name: 'grok', settings }]).run(
      { message: kase.message, '@version': '1', '@timestamp': '2026-12-06T00:00:00.000Z' },
      { now: new Date('2026-12-06T00:00:00Z') },
    );
    if (result.status !== 'ok') failures.push(`not evaluated: ${result.reason}`);
    // event.get('@metadata') in a spec reads what Logstash keeps out of the event's output.
    event =
      result.status === 'ok' && result.metadata ? { ...result.event, '@metadata': result.metadata } : result.event;
  } catch (err) {
    failures.push(`error: ${(err as Error).message}`);
  }
  let matchOk = failures.length === 0;
  let fieldsOk: boolean | undefined;
  for (const check of kase.checks) {
    const ok = failures.length === 0 || !failures[0]?.startsWith('error') ? holds(check, event) : false;
    if (MATCH_CHECKS.has(check.check)) matchOk &&= ok;
    else fieldsOk = (fieldsOk ?? true) && ok;
    if (!ok) failures.push(JSON.stringify(check).slice(0, 300));
  }
  // A case whose fields are checked expects a match, even where it never says `pass` itself.
  const aboutTags = kase.checks.some((c) => c.check === 'nomatch' || c.path?.[0] === 'tags');
  if (!aboutTags && kase.checks.some(expectsValue)) matchOk &&= !Object.hasOwn(event, 'tags');
  return { id: caseId(kase), kase, failures, matchAgrees: matchOk, fieldsAgree: fieldsOk };
}
