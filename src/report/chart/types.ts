/** The chart model's plain data: what a chart shows, before it is drawn or described. */
import type { TimeAxis } from './time-axis.js';
import type { YAxis } from './y-range.js';

export interface ChartPoint {
  /** Epoch milliseconds. */
  t: number;
  value: number | null;
}

export interface ChartThreshold {
  level: 'warning' | 'critical';
  value: number;
  /** Whether the instance's series goes past it (in the signal's worse direction, i.e. upwards). */
  crossed: boolean;
}

export interface ChartMarker {
  kind: 'since' | 'new-template';
  t: number;
  label: string;
}

export interface ChartSpec {
  /** Stable id, usable as an HTML id prefix. */
  id: string;
  node: string;
  label: string;
  unit: string;
  /** Metrics are lines; error counts per bucket are bars. */
  kind: 'line' | 'bars';
  title: string;
  /** One paragraph saying what the chart shows (the SVG's `<desc>` and the text formats' fallback). */
  description: string;
  x: TimeAxis;
  y: YAxis;
  /** Start of the diagnosis window: what lies before it is baseline shown for context. */
  windowFrom: number;
  /** Bucket length of bars, in ms. */
  bucketMs: number;
  series: ChartPoint[];
  peers: { node: string; points: ChartPoint[] }[];
  /** The instance's baseline, median ± robust deviation. */
  band?: { center: number; low: number; high: number };
  thresholds: ChartThreshold[];
  markers: ChartMarker[];
}

export interface ChartOptions {
  /** IANA time zone of the time labels (default UTC). */
  timeZone?: string;
}
