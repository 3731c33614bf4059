/**
 * What an alert would have done over a stretch of history: how often it fired, how often it
 * flapped, and how long each group spent in each level. Pure: the simulation comes in, numbers out.
 */
import type { AlertDef } from '../define/types.js';
import { parseDurationMs } from '../simulate/duration.js';
import { stateChanges, type AlertLevel, type Simulation, type StateChange } from '../simulate/index.js';

export const LEVELS: AlertLevel[] = ['OK', 'INFO', 'WARNING', 'CRITICAL'];

export interface GroupSummary {
  tags: Record<string, string>;
  /** Changes from OK to a non-OK level: each one is a notification that pages or tickets. */
  fired: number;
  /** Fires that came back within one query period of the previous recovery to OK. */
  flapped: number;
  /** Milliseconds per level between `from` and `to` (the level before the first window is OK). */
  timeIn: Record<AlertLevel, number>;
  changes: StateChange[];
}

export interface BacktestSummary {
  alert: string;
  name: string;
  environment: string;
  from: number;
  to: number;
  fired: number;
  flapped: number;
  timeIn: Record<AlertLevel, number>;
  groups: GroupSummary[];
}

function zero(): Record<AlertLevel, number> {
  return { OK: 0, INFO: 0, WARNING: 0, CRITICAL: 0 };
}

function summarizeGroup(
  tags: Record<string, string>,
  changes: StateChange[],
  window: { from: number; to: number },
  flapMs: number,
): GroupSummary {
  const timeIn = zero();
  let level: AlertLevel = 'OK';
  let since = window.from;
  let fired = 0;
  let flapped = 0;
  let lastRecovery: number | undefined;
  for (const c of changes) {
    const at = Math.min(Math.max(c.at, window.from), window.to);
    timeIn[level] += at - since;
    since = at;
    if (c.previous === 'OK' && c.level !== 'OK') {
      fired += 1;
      if (lastRecovery !== undefined && c.at - lastRecovery < flapMs) flapped += 1;
    }
    if (c.level === 'OK') lastRecovery = c.at;
    level = c.level;
  }
  timeIn[level] += window.to - since;
  return { tags, fired, flapped, timeIn, changes };
}

export function summarizeBacktest(
  alert: AlertDef,
  environment: string,
  simulation: Simulation,
  window: { from: number; to: number },
): BacktestSummary {
  const flapMs = parseDurationMs(alert.query.period) ?? 0;
  const groups = simulation.groups.map((g) => summarizeGroup(g.tags, stateChanges(g), window, flapMs));
  const timeIn = zero();
  for (const g of groups) for (const l of LEVELS) timeIn[l] += g.timeIn[l];
  return {
    alert: alert.id,
    name: alert.name,
    environment,
    from: window.from,
    to: window.to,
    fired: groups.reduce((n, g) => n + g.fired, 0),
    flapped: groups.reduce((n, g) => n + g.flapped, 0),
    timeIn,
    groups: groups.sort((a, b) => b.fired - a.fired || JSON.stringify(a.tags).localeCompare(JSON.stringify(b.tags))),
  };
}
