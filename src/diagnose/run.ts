/** `diagnose()`: the library entry point behind `calvin diagnose`. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { access } from 'node:fs/promises';
import type { Config } from '../config.js';
import type { Catalog } from '../define/types.js';
import type { Clock } from './analyze.js';
import type { Collected, MetricInputs } from './collected.js';
import type { ChartSeries } from './charts.js';
import type { MetricFindings } from './metric-analysis.js';
import { collect, type DiagnoseBackends } from './collect.js';
import { loadKnownIssues } from './known-issues.js';
import type { Diagnosis } from './types.js';

export interface DiagnoseOptions {
  /** Consul name, alias or service id prefix. */
  query: string;
  /** End of the window; default now. */
  to?: Date;
  /** Window length in ms (default one hour). */
  lengthMs?: number;
  /** Whole diagnosis budget in ms (default 10 s). */
  deadlineMs?: number;
  catalog?: Catalog;
  /** Folder of known-issue signatures; default `<root>/known-issues`, else the ones shipped with calvin. */
  knownIssuesDir?: string;
  backends?: DiagnoseBackends;
  clock?: Clock;
  /** Always report the versions side by side (`--compare-versions`). */
  compareVersions?: boolean;
  /** calvin serve's URL (the config's `serveUrl`): project runbooks link to its pages. */
  serveUrl?: string;
}

export interface DiagnoseResult {
  diagnosis: Diagnosis;
  /** Series of the key signals, for sparklines and charts (not part of the JSON). */
  charts: ChartSeries[];
  /** Why a source is not ok, for a warning line (never secrets). */
  sourceErrors: Collected['sourceErrors'];
}

export const DEFAULT_WINDOW_MS = 3_600_000;
export const DEFAULT_DEADLINE_MS = 10_000;

const systemClock: Clock = { now: () => Date.now() };

export async function diagnose(config: Config, options: DiagnoseOptions): Promise<DiagnoseResult> {
  const clock = options.clock ?? systemClock;
  const started = clock.now();
  const backends = options.backends ?? (await import('./backends.js')).createDiagnoseBackends(config);
  const knownIssues = await loadKnownIssues(options.knownIssuesDir ?? (await defaultKnownIssuesDir(config.root)));
  // The metrics are analysed as soon as they are in, while the log searches still run.
  const early: { inputs?: MetricInputs; findings?: Promise<MetricFindings> } = {};
  const collecting = collect(backends, {
    query: options.query,
    to: options.to ?? new Date(clock.now()),
    lengthMs: options.lengthMs ?? DEFAULT_WINDOW_MS,
    deadlineAt: started + (options.deadlineMs ?? DEFAULT_DEADLINE_MS),
    now: () => clock.now(),
    catalog: options.catalog ?? { services: [], dashboards: [], alerts: [], logFilters: [], indexTemplates: [] },
    knownIssues,
    systemDatabase: config.databases.system,
    servicesDatabase: config.databases.services,
    onMetrics: (inputs) => {
      early.inputs = inputs;
      early.findings = import('./metric-analysis.js').then(({ analyzeMetrics }) => analyzeMetrics(inputs));
      early.findings.catch(() => undefined);
    },
  });
  // The analysis modules load while the backends answer: a fresh process (the CLI) sends its first
  // request without waiting for their compilation.
  const [collected, { analyze }, { keyCharts }] = await Promise.all([
    collecting,
    import('./analyze.js'),
    import('./charts.js'),
  ]);
  // Early findings count only if they are of the metrics collected (not of ones the deadline dropped).
  const metricFindings = early.inputs?.metrics === collected.metrics ? await early.findings : undefined;
  const diagnosis = analyze(collected, clock, started, {
    compareVersions: options.compareVersions ?? false,
    ...(options.serveUrl ? { serveUrl: options.serveUrl } : {}),
    ...(metricFindings ? { metricFindings } : {}),
  });
  return { diagnosis, charts: keyCharts(collected, diagnosis), sourceErrors: collected.sourceErrors };
}

async function defaultKnownIssuesDir(root: string): Promise<string> {
  const own = path.join(root, 'known-issues');
  try {
    await access(own);
    return own;
  } catch {
    // dist/diagnose/run.js or src/diagnose/run.ts → <package>/known-issues
    return fileURLToPath(new URL('../../known-issues', import.meta.url));
  }
}

/** Exit code of a diagnosis: 0 healthy, 1 degraded or critical, 3 unknown (2 is for errors). */
export function exitCodeOf(diagnosis: Diagnosis): number {
  switch (diagnosis.status) {
    case 'healthy':
      return 0;
    case 'unknown':
      return 3;
    default:
      return 1;
  }
}
