export { simulateAlert, checkAlertCase, AlertTestError, UnsupportedAlertError } from './simulate.js';
export type { AlertLevel, GroupTimeline, Simulation, AlertExpectationResult } from './simulate.js';
export { parseSeriesValues, parseSeriesKey, SeriesSyntaxError } from './series.js';
export type { SeriesValues, SeriesKey } from './series.js';
export { parseDurationMs, formatDurationMs } from './duration.js';
export { aggregate } from './aggregate.js';
export type { Point } from './aggregate.js';
