/** Public API of alert simulation (`calvin test` for AlertDef test cases, `calvin backtest`). */
export {
  simulateAlert,
  simulateSeries,
  testCaseSeries,
  stateChanges,
  groupTagsOf,
  checkAlertCase,
  AlertTestError,
  UnsupportedAlertError,
} from './simulate.js';
export type {
  AlertLevel,
  GroupTimeline,
  Simulation,
  AlertExpectationResult,
  SeriesInput,
  StateChange,
} from './simulate.js';
export { parseSeriesValues, SeriesSyntaxError } from './series.js';
export type { SeriesValues, SeriesKey } from './series.js';
