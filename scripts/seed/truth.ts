/** A diagnosis judged against the ground truth an incident planted, and the figures of many judgements. */
import { DEPENDENCY_PREFIX } from '../../src/diagnose/dependency.js';
import type { Diagnosis } from '../../src/diagnose/types.js';
import { ROLLOUT_KINDS, type Incident, type IncidentKind } from './incidents.js';

export interface Verdict {
  id: string;
  kind: IncidentKind;
  /** Healthy control: status healthy; incident: degraded or critical. */
  statusRight: boolean;
  /** Incident: the first suspect is the planted cause (null for a healthy control). */
  suspectRight: boolean | null;
  /** Healthy control given a suspect (null for an incident). */
  falseAlarm: boolean | null;
  /** The summary names the change the incident planted (null when it planted none). */
  changeRight: boolean | null;
  status: Diagnosis['status'];
  firstSuspect: string | undefined;
  expected: string;
}

export function judge(incident: Incident, d: Diagnosis): Verdict {
  const t = incident.truth;
  const first = d.suspects[0];
  const statusRight = t.healthy ? d.status === 'healthy' : d.status === 'degraded' || d.status === 'critical';
  let suspectRight: boolean | null = null;
  if (!t.healthy) {
    const named = `${DEPENDENCY_PREFIX}${t.dependency}`;
    if (!first) suspectRight = false;
    else if (t.dependency) suspectRight = first.node === named || first.node.startsWith(`${named}:`);
    else if (t.version) suspectRight = first.version === t.version || t.nodes.includes(first.node);
    else suspectRight = t.nodes.includes(first.node) && first.version === undefined;
  }
  const expected = t.healthy ? 'no suspect' : (t.version ?? t.dependency ?? t.nodes.join(' | '));
  return {
    id: incident.id,
    kind: incident.kind,
    statusRight,
    suspectRight,
    falseAlarm: t.healthy ? d.suspects.length > 0 : null,
    changeRight: t.summaryIncludes ? d.summary.includes(t.summaryIncludes) : null,
    status: d.status,
    firstSuspect: first ? `${first.node}${first.version ? ` @${first.version}` : ''}` : undefined,
    expected,
  };
}

export interface Figures {
  runs: number;
  incidents: number;
  controls: number;
  precision: number;
  statusAccuracy: number;
  falseAlarmRate: number;
}

const ratio = (hits: number, total: number) => (total === 0 ? Number.NaN : hits / total);

export function figures(verdicts: Verdict[]): Figures {
  const incidents = verdicts.filter((v) => v.suspectRight !== null);
  const controls = verdicts.filter((v) => v.falseAlarm !== null);
  return {
    runs: verdicts.length,
    incidents: incidents.length,
    controls: controls.length,
    precision: ratio(incidents.filter((v) => v.suspectRight).length, incidents.length),
    statusAccuracy: ratio(verdicts.filter((v) => v.statusRight).length, verdicts.length),
    falseAlarmRate: ratio(controls.filter((v) => v.falseAlarm).length, controls.length),
  };
}

/** Figures overall, for the rollout kinds together, and per kind. */
export function figuresByKind(verdicts: Verdict[]): [string, Figures][] {
  const kinds = [...new Set(verdicts.map((v) => v.kind))];
  return [
    ['all', figures(verdicts)],
    ['all rollouts', figures(verdicts.filter((v) => ROLLOUT_KINDS.includes(v.kind)))],
    ...kinds.map((k): [string, Figures] => [k, figures(verdicts.filter((v) => v.kind === k))]),
  ];
}
