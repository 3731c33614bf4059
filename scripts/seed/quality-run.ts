/** Plants generated incidents batch by batch on the real stack, diagnoses each and judges the answer. */
import type { Config } from '../../src/config.js';
import { diagnose } from '../../src/diagnose/run.js';
import type { Diagnosis } from '../../src/diagnose/types.js';
import { generateIncidents, WINDOW_MS, type Incident, type IncidentKind } from './incidents.js';
import { plannedFor, plantIncidents, removeIncidents, type Planted } from './plant.js';
import { judge, type Verdict } from './truth.js';

export interface QualityOptions {
  seed: string;
  count: number;
  /** Incidents planted together (their nodes coexist in Consul while they are diagnosed). */
  batch?: number;
  /** Only these kinds of the generated runs (the others are generated, then skipped: ids stay the same). */
  kinds?: readonly IncidentKind[];
  onVerdict?: (verdict: Verdict, incident: Incident, diagnosis: Diagnosis) => void;
}

/** A token for one run's names: lowercase letters and digits only, unique per process and time. */
export function runToken(): string {
  return `q${Date.now().toString(36)}${process.pid.toString(36)}`;
}

export async function runQuality(config: Config, options: QualityOptions): Promise<Verdict[]> {
  const now = Date.now();
  const token = runToken();
  const incidents = generateIncidents(options.seed, options.count, now, token).filter(
    (i) => !options.kinds || options.kinds.includes(i.kind),
  );
  const batch = options.batch ?? 40;
  const verdicts: Verdict[] = [];
  let current: Planted = plannedFor([], token);
  try {
    for (let i = 0; i < incidents.length; i += batch) {
      const part = incidents.slice(i, i + batch);
      current = plannedFor(part, token);
      await plantIncidents(config, part, { token, seed: options.seed, now });
      for (const incident of part) {
        const { diagnosis } = await diagnose(config, {
          query: incident.service,
          to: new Date(now),
          lengthMs: WINDOW_MS,
          deadlineMs: 30_000,
        });
        const verdict = judge(incident, diagnosis);
        verdicts.push(verdict);
        options.onVerdict?.(verdict, incident, diagnosis);
      }
      await removeIncidents(config, current, false);
      current = plannedFor([], token);
    }
  } finally {
    await removeIncidents(config, current, true);
  }
  return verdicts;
}
