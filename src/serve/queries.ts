/** What the API and the pages both read: one alert with its state and snapshot, services worst first, runbooks. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serviceHealth } from '../backends/consul-serve.js';
import type { ChartSeries } from '../diagnose/charts.js';
import type { Diagnosis } from '../diagnose/types.js';
import { keptRunbookName } from '../define/runbook-ref.js';
import type { ServeRuntime } from './runtime.js';
import type { AlertState, StoredAlert, StoredDiagnosis } from './types.js';

export interface AlertView {
  alert: StoredAlert | (Omit<StoredAlert, 'service' | 'resolvedVia' | 'diagnosisId' | 'storedAt'> & { service: null });
  state: AlertState;
  diagnosis: Diagnosis | null;
  charts: ChartSeries[];
  error?: string;
}

export async function alertView(rt: ServeRuntime, key: string): Promise<AlertView | undefined> {
  const pending = rt.processor.pendingAlert(key);
  if (pending) return { alert: { ...pending, service: null }, state: 'pending', diagnosis: null, charts: [] };
  const alert = await rt.store.getAlert<StoredAlert>(key);
  if (!alert) return undefined;
  if (!alert.diagnosisId) return { alert, state: 'done', diagnosis: null, charts: [] };
  const stored = await rt.store.getDiagnosis<StoredDiagnosis>(alert.diagnosisId);
  if (!stored || stored.state === 'pending') return { alert, state: 'pending', diagnosis: null, charts: [] };
  if (stored.state === 'failed' || !stored.snapshot)
    return { alert, state: 'failed', diagnosis: null, charts: [], ...(stored.error ? { error: stored.error } : {}) };
  const snapshot = JSON.parse(stored.snapshot) as { diagnosis: Diagnosis; charts: ChartSeries[] };
  return { alert, state: 'done', diagnosis: snapshot.diagnosis, charts: snapshot.charts };
}

const RANK: Record<string, number> = { critical: 0, warning: 1, passing: 2 };

export async function servicesWorstFirst(rt: ServeRuntime) {
  const all = await serviceHealth(rt.config);
  return all.sort((a, b) => (RANK[a.status] ?? 3) - (RANK[b.status] ?? 3) || a.service.localeCompare(b.service));
}

// dist/serve/queries.js or src/serve/queries.ts → <package>/runbooks
const SHIPPED_RUNBOOKS = fileURLToPath(new URL('../../runbooks', import.meta.url));
const RUNBOOK_NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/i;

/** A runbook by name: an alert's inline runbook, else `<root>/runbooks/<name>.md`. */
export async function findRunbook(
  rt: ServeRuntime,
  name: string,
): Promise<{ name: string; title: string; markdown: string } | undefined> {
  if (!RUNBOOK_NAME.test(name) || name.includes('..')) return undefined;
  const inline = rt.runbooks.get(name);
  if (inline) return { name, ...inline };
  // The project's own runbook first; the shipped known issues link runbooks that ship with calvin.
  for (const dir of [path.join(rt.config.root, 'runbooks'), SHIPPED_RUNBOOKS]) {
    const markdown = await readFile(path.join(dir, `${name}.md`), 'utf8').catch(() => undefined);
    if (markdown === undefined) continue;
    const title = /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim() ?? name;
    return { name, title, markdown };
  }
  return undefined;
}

/** A runbook link of a diagnosis (often a repository URL ending in runbooks/<name>.md) → serve's own page. */
export function runbookLink(url: string): string | undefined {
  const name = keptRunbookName(url);
  if (name) return `/runbooks/${name}`;
  return /^https?:\/\//.test(url) ? url : undefined;
}
