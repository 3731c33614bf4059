/** Intermediate findings of the analysis, before they are folded into the Diagnosis. */
import type { Anomaly } from './types.js';

export interface FoundAnomaly {
  host: string;
  anomaly: Anomaly;
  /** A few words for summaries: "disk /srv 99% (baseline 61%)". */
  headline: string;
  /** Measurement of a metric anomaly (ranks the alert runbooks on it first). */
  measurement?: string;
}

export interface TimelineEvent {
  time: string;
  node: string;
  source: string;
  summary: string;
}
