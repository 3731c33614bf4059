/**
 * Alert simulation: an AlertDef evaluated over series fixtures, deterministically (time starts
 * at 0, one sample per `interval`). Semantics follow the model's documentation in define/types.ts
 * and Kapacitor's alert node: per group, at each `every`, aggregate the `period` window, compute
 * the level (higher levels first, a level's reset holding it), with `for` as a state duration.
 */
import type { AlertDef, AlertTestCase, TagCondition } from '../define/types.js';
import { aggregate, UnsupportedAlertError } from './aggregate.js';
import type { Point } from './aggregate.js';
import { formatDurationMs, parseDurationMs } from './duration.js';
import { parseSeriesKey, parseSeriesValues, SeriesSyntaxError } from './series.js';

export type AlertLevel = 'OK' | 'INFO' | 'WARNING' | 'CRITICAL';
const RANK: Record<AlertLevel, number> = { OK: 0, INFO: 1, WARNING: 2, CRITICAL: 3 };

export class AlertTestError extends Error {}

export interface GroupTimeline {
  /** Group-by tag values, plus tags every series of the group shares. */
  tags: Record<string, string>;
  /** Level after each evaluation, with the evaluated value (undefined: no data in the window). */
  steps: { at: number; level: AlertLevel; value?: number }[];
}

export interface Simulation {
  evaluations: number[];
  groups: GroupTimeline[];
}

function duration(text: string | undefined, what: string, fallback?: number): number {
  if (text === undefined) {
    if (fallback !== undefined) return fallback;
    throw new AlertTestError(`${what} is missing`);
  }
  const ms = parseDurationMs(text);
  if (ms === undefined) throw new AlertTestError(`${what} '${text}' is not a duration (e.g. 30s, 5m, 1h)`);
  return ms;
}

function tagMatches(cond: TagCondition, tags: Record<string, string>): boolean {
  const actual = tags[cond.key] ?? '';
  const v = cond.value;
  if (v.kind === 'variable')
    throw new UnsupportedAlertError(`alert where-clause uses the variable $${v.name}; calvin test cannot resolve it`);
  if (v.kind === 'regex') {
    const matched = new RegExp(v.pattern).test(actual);
    if (cond.op === '=~') return matched;
    if (cond.op === '!~') return !matched;
    throw new AlertTestError(`regex value needs =~ or !~ (tag ${cond.key})`);
  }
  const want = String(v.value);
  switch (cond.op) {
    case '=':
      return actual === want;
    case '!=':
      return actual !== want;
    case '<':
      return Number(actual) < Number(want);
    case '>':
      return Number(actual) > Number(want);
    case '<=':
      return Number(actual) <= Number(want);
    case '>=':
      return Number(actual) >= Number(want);
    default:
      throw new AlertTestError(`operator ${cond.op} needs a regex value (tag ${cond.key})`);
  }
}

function whereMatches(where: TagCondition[], tags: Record<string, string>): boolean {
  let result: boolean | undefined;
  for (const cond of where) {
    const m = tagMatches(cond, tags);
    result = result === undefined ? m : cond.join === 'OR' ? result || m : result && m;
  }
  return result ?? true;
}

type LevelTest = (value: number) => boolean;

interface LevelRules {
  tests: Partial<Record<AlertLevel, LevelTest>>;
  resets: Partial<Record<AlertLevel, LevelTest>>;
}

function levelRules(alert: AlertDef): LevelRules {
  const c = alert.condition;
  if (c.type === 'deadman') return { tests: {}, resets: {} };
  const above = c.direction === 'above';
  const beyond = (level: number): LevelTest => (above ? (v) => v > level : (v) => v < level);
  const healthy = (reset: number): LevelTest => (above ? (v) => v < reset : (v) => v > reset);
  const tests: LevelRules['tests'] = { CRITICAL: beyond(c.crit) };
  if (c.warn !== undefined) tests.WARNING = beyond(c.warn);
  const resets: LevelRules['resets'] = {};
  if (c.type === 'threshold') {
    if (c.critReset !== undefined) resets.CRITICAL = healthy(c.critReset);
    if (c.warnReset !== undefined) resets.WARNING = healthy(c.warnReset);
  }
  return { tests, resets };
}

const LEVELS_DOWN: AlertLevel[] = ['CRITICAL', 'WARNING', 'INFO'];

/** Kapacitor's determineLevel: levels at or above the current one first; a failing reset holds. */
function determineLevel(
  current: AlertLevel,
  holds: (l: AlertLevel) => boolean,
  resets: LevelRules['resets'],
  value: number,
): AlertLevel {
  for (const l of LEVELS_DOWN) if (RANK[l] >= RANK[current] && RANK[l] > 0 && holds(l)) return l;
  const reset = resets[current];
  if (reset && !reset(value)) return current;
  for (const l of LEVELS_DOWN) if (RANK[l] < RANK[current] && holds(l)) return l;
  return 'OK';
}

export function simulateAlert(alert: AlertDef, testCase: AlertTestCase): Simulation {
  const interval = duration(testCase.interval, `test '${testCase.name}': interval`, 60_000);
  if (interval <= 0) throw new AlertTestError(`test '${testCase.name}': interval must be positive`);
  const period = duration(alert.query.period, 'query period');
  const every = duration(alert.query.every, 'query every');
  if (every <= 0) throw new AlertTestError('query every must be positive');
  const forMs = alert.for === undefined ? 0 : duration(alert.for, 'for');
  const groupBy = alert.query.groupBy.length > 0 ? alert.query.groupBy : ['host'];

  // Points per group.
  const groups = new Map<
    string,
    { tags: Record<string, string>; seriesTags: Record<string, string>[]; points: Point[] }
  >();
  let lastSample = 0;
  for (const [key, notation] of Object.entries(testCase.series)) {
    let parsedKey;
    let values;
    try {
      parsedKey = parseSeriesKey(key);
      values = parseSeriesValues(notation);
    } catch (err) {
      if (err instanceof SeriesSyntaxError) throw new AlertTestError(`test '${testCase.name}': ${err.message}`);
      throw err;
    }
    if (parsedKey.measurement !== alert.query.measurement || parsedKey.field !== alert.query.field) continue;
    if (!whereMatches(alert.query.where, parsedKey.tags)) continue;
    const groupTags = Object.fromEntries(groupBy.map((t) => [t, parsedKey.tags[t] ?? '']));
    const id = JSON.stringify(groupTags);
    let g = groups.get(id);
    if (!g) {
      g = { tags: groupTags, seriesTags: [], points: [] };
      groups.set(id, g);
    }
    g.seriesTags.push(parsedKey.tags);
    values.forEach((v, i) => {
      if (v === undefined) return;
      const value = alert.query.invert === undefined ? v : alert.query.invert - v;
      g.points.push({ t: i * interval, v: value });
      lastSample = Math.max(lastSample, i * interval);
    });
  }

  const lastExpect = Math.max(0, ...testCase.expect.map((e) => duration(e.at, `test '${testCase.name}': expect at`)));
  const end = Math.max(lastSample, lastExpect);
  const evaluations: number[] = [];
  for (let t = 0; t <= end; t += every) evaluations.push(t);

  const rules = levelRules(alert);
  const cond = alert.condition;
  const timelines: GroupTimeline[] = [];
  for (const g of [...groups.values()].sort((a, b) => JSON.stringify(a.tags).localeCompare(JSON.stringify(b.tags)))) {
    g.points.sort((a, b) => a.t - b.t);
    const shared: Record<string, string> = { ...g.tags };
    const first = g.seriesTags[0] ?? {};
    for (const [k, v] of Object.entries(first)) if (g.seriesTags.every((s) => s[k] === v)) shared[k] = v;
    const timeline: GroupTimeline = { tags: shared, steps: [] };
    let level: AlertLevel = 'OK';
    const since: Partial<Record<AlertLevel, number>> = {};
    const valueAt = new Map<number, number>();
    const shiftMs = cond.type === 'relative' ? duration(cond.shift, 'relative shift') : 0;
    for (const at of evaluations) {
      if (cond.type === 'deadman') {
        const window = duration(cond.interval, 'deadman interval');
        const count = g.points.filter((p) => p.t > at - window && p.t <= at).length;
        level = count <= cond.threshold && at >= window ? 'CRITICAL' : 'OK';
        timeline.steps.push({ at, level, value: count });
        continue;
      }
      const windowPoints = g.points.filter((p) => p.t > at - period && p.t <= at);
      const aggregated = aggregate(alert.query.fn, windowPoints);
      if (aggregated === undefined) {
        timeline.steps.push({ at, level });
        continue;
      }
      valueAt.set(at, aggregated);
      let value = aggregated;
      if (cond.type === 'relative') {
        const old = valueAt.get(at - shiftMs);
        if (old === undefined || (cond.change === 'percent' && old === 0)) {
          timeline.steps.push({ at, level });
          continue;
        }
        value = cond.change === 'percent' ? ((aggregated - old) * 100) / old : aggregated - old;
      }
      // `for`: a level's condition must have held continuously that long (state duration).
      for (const l of LEVELS_DOWN) {
        const test = rules.tests[l];
        if (test?.(value)) since[l] ??= at;
        else delete since[l];
      }
      const holds = (l: AlertLevel): boolean => since[l] !== undefined && at - (since[l] as number) >= forMs;
      level = determineLevel(level, holds, rules.resets, value);
      timeline.steps.push({ at, level, value });
    }
    timelines.push(timeline);
  }
  return { evaluations, groups: timelines };
}

export interface AlertExpectationResult {
  at: string;
  expected: AlertLevel;
  tags: Record<string, string>;
  /** Level per matching group (empty: no group matched, which reads as OK). */
  actual: { tags: Record<string, string>; level: AlertLevel }[];
  passed: boolean;
}

/** Level of a group at a time: after the last evaluation at or before it. */
function levelAt(timeline: GroupTimeline, at: number): AlertLevel {
  let level: AlertLevel = 'OK';
  for (const s of timeline.steps) {
    if (s.at > at) break;
    level = s.level;
  }
  return level;
}

export function checkAlertCase(
  alert: AlertDef,
  testCase: AlertTestCase,
): { simulation: Simulation; results: AlertExpectationResult[] } {
  const simulation = simulateAlert(alert, testCase);
  const results = testCase.expect.map((e): AlertExpectationResult => {
    const at = duration(e.at, `test '${testCase.name}': expect at`);
    const tags = e.tags ?? {};
    const matching = simulation.groups.filter((g) => Object.entries(tags).every(([k, v]) => g.tags[k] === v));
    const actual = matching.map((g) => ({ tags: g.tags, level: levelAt(g, at) }));
    const passed = actual.length === 0 ? e.level === 'OK' : actual.every((a) => a.level === e.level);
    return { at: formatDurationMs(at), expected: e.level, tags, actual, passed };
  });
  return { simulation, results };
}

export { UnsupportedAlertError };
