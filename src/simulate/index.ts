/** Public API of alert simulation (`calvin test` for AlertDef test cases). */
export { simulateAlert, checkAlertCase, AlertTestError, UnsupportedAlertError } from './simulate.js';
export type { AlertLevel, GroupTimeline, Simulation, AlertExpectationResult } from './simulate.js';
export { parseSeriesValues, SeriesSyntaxError } from './series.js';
export type { SeriesValues, SeriesKey } from './series.js';
