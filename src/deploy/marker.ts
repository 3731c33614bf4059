/** The deploy marker: one `calvin_deploys` point per apply that changed something (dashboards annotate it). */
import type { PlanSummary } from './types.js';

export interface DeployMarker {
  measurement: 'calvin_deploys';
  tags: { environment: string };
  fields: { what: string; who: string; commit: string };
  time: Date;
}

export function deployMarker(
  environment: string,
  summary: PlanSummary,
  who: string,
  commit: string,
  time: Date,
): DeployMarker {
  return {
    measurement: 'calvin_deploys',
    tags: { environment },
    fields: { what: `${summary.create} created, ${summary.update} updated, ${summary.delete} deleted`, who, commit },
    time,
  };
}

/**
 * A rollback changes the environment as much as a deploy does, so it is annotated too:
 * `what` = "rollback <backup stamp>: 2 restored, 1 recreated, 3 deleted".
 */
export function rollbackMarker(
  environment: string,
  stamp: string,
  counts: { restored: number; recreated: number; deleted: number },
  who: string,
  commit: string,
  time: Date,
): DeployMarker {
  return {
    measurement: 'calvin_deploys',
    tags: { environment },
    fields: {
      what: `rollback ${stamp}: ${counts.restored} restored, ${counts.recreated} recreated, ${counts.deleted} deleted`,
      who,
      commit,
    },
    time,
  };
}
