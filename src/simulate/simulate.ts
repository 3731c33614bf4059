/**
 * Alert simulation: an AlertDef evaluated over series fixtures (time starts at 0, one sample per
 * `interval`) or over real history (`calvin backtest`), as Kapacitor 1.7 runs calvin's TICKscript:
 * per group, the points flow through derivative/difference, the aligned window `[t − period, t)`
 * (emitted when a later point arrives), the reducer, stateDuration (`for`) and the alert node's
 * level rules. test/integration/kapacitor-differential.test.ts proves the timelines equal.
 */
import type { AlertDef, AlertTestCase, TagCondition } from '../define/types.js';
import { aggregate, assertSimulated, UnsupportedAlertError } from './aggregate.js';
import type { Point } from './aggregate.js';
import { formatDurationMs, parseDurationMs } from './duration.js';
import { parseSeriesKey, parseSeriesValues, SeriesSyntaxError, type SeriesKey, type SeriesValues } from './series.js';
import { isPointTransform, transformPoints, windowBatches } from './stream.js';

/** The renderer adds this tag to every alert's groupBy (see render/kapacitor.ts). */
const ENVIRONMENT_TAG = 'environment';

export type AlertLevel = 'OK' | 'INFO' | 'WARNING' | 'CRITICAL';
const RANK: Record<AlertLevel, number> = { OK: 0, INFO: 1, WARNING: 2, CRITICAL: 3 };

export class AlertTestError extends Error {}

export interface GroupTimeline {
  /** Group-by tag values, plus tags every series of the group shares. */
  tags: Record<string, string>;
  /** The group-by tag values alone: the tags of Kapacitor's alert events. */
  group: Record<string, string>;
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

/** One input series: its tags and its raw points (time in ms, sorted). */
export interface SeriesInput {
  tags: Record<string, string>;
  points: Point[];
}

/** Kapacitor's group key: the group-by tags plus `environment`, which the renderer always adds. */
export function groupTagsOf(alert: AlertDef, tags: Record<string, string>): Record<string, string> {
  const groupBy = alert.query.groupBy;
  if (groupBy.includes('*')) return { ...tags };
  const keys = groupBy.includes(ENVIRONMENT_TAG) ? groupBy : [...groupBy, ENVIRONMENT_TAG];
  return Object.fromEntries(keys.filter((k) => tags[k] !== undefined).map((k) => [k, tags[k] as string]));
}

interface Group {
  tags: Record<string, string>;
  seriesTags: Record<string, string>[];
  series: (readonly Point[])[];
  points: readonly Point[];
}

const byTime = (a: Point, b: Point): number => a.t - b.t;

function isSorted(points: readonly Point[]): boolean {
  for (let i = 1; i < points.length; i++) if ((points[i] as Point).t < (points[i - 1] as Point).t) return false;
  return true;
}

/** Arrival order: by time, ties in series order (concatenate in series order, then a stable sort). */
function arrivalOrder(series: readonly (readonly Point[])[]): readonly Point[] {
  if (series.length === 1 && isSorted(series[0] as Point[])) return series[0] as Point[];
  const all: Point[] = [];
  for (const points of series) for (const p of points) all.push(p);
  return all.sort(byTime);
}

function groupSeries(alert: AlertDef, series: readonly SeriesInput[]): Group[] {
  const groups = new Map<string, Group>();
  for (const s of series) {
    if (!whereMatches(alert.query.where, s.tags)) continue;
    const tags = groupTagsOf(alert, s.tags);
    const id = JSON.stringify(Object.entries(tags).sort());
    let g = groups.get(id);
    if (!g) {
      g = { tags, seriesTags: [], series: [], points: [] };
      groups.set(id, g);
    }
    g.seriesTags.push(s.tags);
    g.series.push(s.points);
  }
  const sorted = [...groups.values()].sort((a, b) => JSON.stringify(a.tags).localeCompare(JSON.stringify(b.tags)));
  for (const g of sorted) g.points = arrivalOrder(g.series);
  return sorted;
}

function sharedTags(g: Group): Record<string, string> {
  const shared: Record<string, string> = { ...g.tags };
  const first = g.seriesTags[0] ?? {};
  for (const [k, v] of Object.entries(first)) if (g.seriesTags.every((s) => s[k] === v)) shared[k] = v;
  return shared;
}

/** The `value` of every window the data pipeline emits, in order. */
function windowValues(alert: AlertDef, points: readonly Point[]): { at: number; value: number }[] {
  const q = alert.query;
  const period = duration(q.period, 'query period');
  const every = duration(q.every, 'query every');
  if (every <= 0) throw new AlertTestError('query every must be positive');
  const perPoint = isPointTransform(q.fn);
  const input = perPoint ? transformPoints(q.fn, points) : points;
  const values: { at: number; value: number }[] = [];
  for (const batch of windowBatches(input, period, every)) {
    const aggregated = aggregate(perPoint ? 'mean' : q.fn, input, batch.from, batch.to);
    if (aggregated === undefined) continue;
    values.push({ at: batch.t, value: q.invert === undefined ? aggregated : q.invert - aggregated });
  }
  return values;
}

/** `|shift(s)` joined with the unshifted stream: only windows that have one exactly `shift` earlier. */
function relativeValues(
  cond: Extract<AlertDef['condition'], { type: 'relative' }>,
  values: readonly { at: number; value: number }[],
): { at: number; value: number }[] {
  const shiftMs = duration(cond.shift, 'relative shift');
  const byTime = new Map(values.map((v) => [v.at, v.value]));
  const out: { at: number; value: number }[] = [];
  for (const { at, value } of values) {
    const old = byTime.get(at - shiftMs);
    if (old === undefined || (cond.change === 'percent' && old === 0)) continue;
    out.push({ at, value: cond.change === 'percent' ? ((value - old) / old) * 100 : value - old });
  }
  return out;
}

/** Levels of one group: stateDuration per level (`for`), then the alert node's determineLevel. */
function levelSteps(alert: AlertDef, values: readonly { at: number; value: number }[]): GroupTimeline['steps'] {
  const forMs = alert.for === undefined ? 0 : duration(alert.for, 'for');
  const rules = levelRules(alert);
  const tested = LEVELS_DOWN.filter((l) => rules.tests[l] !== undefined);
  const steps: GroupTimeline['steps'] = [];
  // stateDuration per level: when its condition started to hold without a break (NaN: it does not).
  const since: Record<AlertLevel, number> = {
    OK: Number.NaN,
    INFO: Number.NaN,
    WARNING: Number.NaN,
    CRITICAL: Number.NaN,
  };
  let level: AlertLevel = 'OK';
  let at = 0;
  const holds = (l: AlertLevel): boolean => at - since[l] >= forMs;
  for (const point of values) {
    at = point.at;
    for (const l of tested) {
      if ((rules.tests[l] as LevelTest)(point.value)) {
        if (Number.isNaN(since[l])) since[l] = at;
      } else since[l] = Number.NaN;
    }
    level = determineLevel(level, holds, rules.resets, point.value);
    steps.push({ at, level, value: point.value });
  }
  return steps;
}

/** Deadman as calvin models it: see docs/engines.md (Kapacitor drives it with a wall-clock ticker). */
function deadmanSteps(
  cond: Extract<AlertDef['condition'], { type: 'deadman' }>,
  points: readonly Point[],
  evaluations: readonly number[],
): GroupTimeline['steps'] {
  const window = duration(cond.interval, 'deadman interval');
  return evaluations.map((at) => {
    const count = points.filter((p) => p.t > at - window && p.t <= at).length;
    return { at, level: count <= cond.threshold && at >= window ? 'CRITICAL' : 'OK', value: count };
  });
}

/**
 * Replays raw series through the alert as Kapacitor runs its TICKscript. `until` bounds deadman
 * evaluations (the other conditions are driven by the points themselves).
 */
export function simulateSeries(alert: AlertDef, series: readonly SeriesInput[], until = 0): Simulation {
  const cond = alert.condition;
  if (cond.type !== 'deadman') assertSimulated(alert.query.fn);
  const groups = groupSeries(alert, series);
  const timelines: GroupTimeline[] = [];
  const deadmanTimes: number[] = [];
  if (cond.type === 'deadman') {
    const every = duration(alert.query.every, 'query every');
    if (every <= 0) throw new AlertTestError('query every must be positive');
    const last = Math.max(until, ...groups.flatMap((g) => g.points.map((p) => p.t)));
    for (let t = 0; t <= last; t += every) deadmanTimes.push(t);
  }
  for (const g of groups) {
    let steps: GroupTimeline['steps'];
    if (cond.type === 'deadman') steps = deadmanSteps(cond, g.points, deadmanTimes);
    else {
      const values = windowValues(alert, g.points);
      steps = levelSteps(alert, cond.type === 'relative' ? relativeValues(cond, values) : values);
    }
    timelines.push({ tags: sharedTags(g), group: g.tags, steps });
  }
  const evaluations =
    cond.type === 'deadman'
      ? deadmanTimes
      : [...new Set(timelines.flatMap((t) => t.steps.map((s) => s.at)))].sort((a, b) => a - b);
  return { evaluations, groups: timelines };
}

/** The series of a test case as raw points: sample i at `origin + i × interval`. */
export function testCaseSeries(alert: AlertDef, testCase: AlertTestCase, origin = 0): SeriesInput[] {
  const interval = duration(testCase.interval, `test '${testCase.name}': interval`, 60_000);
  if (interval <= 0) throw new AlertTestError(`test '${testCase.name}': interval must be positive`);
  const out: SeriesInput[] = [];
  for (const [key, notation] of Object.entries(testCase.series)) {
    let parsedKey: SeriesKey;
    let values: SeriesValues;
    try {
      parsedKey = parseSeriesKey(key);
      values = parseSeriesValues(notation);
    } catch (err) {
      if (err instanceof SeriesSyntaxError) throw new AlertTestError(`test '${testCase.name}': ${err.message}`);
      throw err;
    }
    if (parsedKey.measurement !== alert.query.measurement || parsedKey.field !== alert.query.field) continue;
    const points: Point[] = [];
    values.forEach((v, i) => {
      if (v !== undefined) points.push({ t: origin + i * interval, v });
    });
    out.push({ tags: parsedKey.tags, points });
  }
  return out;
}

export function simulateAlert(alert: AlertDef, testCase: AlertTestCase): Simulation {
  const series = testCaseSeries(alert, testCase);
  const lastExpect = Math.max(0, ...testCase.expect.map((e) => duration(e.at, `test '${testCase.name}': expect at`)));
  return simulateSeries(alert, series, lastExpect);
}

export interface StateChange {
  at: number;
  level: AlertLevel;
  previous: AlertLevel;
}

/** Where a group's level changes (from OK at the start): what Kapacitor's `.stateChangesOnly()` reports. */
export function stateChanges(timeline: GroupTimeline): StateChange[] {
  const changes: StateChange[] = [];
  let previous: AlertLevel = 'OK';
  for (const s of timeline.steps) {
    if (s.level !== previous) changes.push({ at: s.at, level: s.level, previous });
    previous = s.level;
  }
  return changes;
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
