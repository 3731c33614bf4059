/**
 * Apply follows the plan, in plan order, and nothing else: unchanged objects are never written.
 * Just before each write the object is read again: if it is not what the plan saw (someone edited,
 * created or deleted it since), the apply stops there rather than overwrite that change. The copy
 * read at write time is what goes into the backup. The first failure stops the run; the result says
 * exactly what was applied and what was not.
 */
import type { BackupWriter } from './backup.js';
import { CalvinError, isCalvinError } from '../errors.js';
import { comparableText } from './normalize.js';
import {
  targetOfKind,
  type DeployTarget,
  type LiveObject,
  type Plan,
  type PlanItem,
  type TargetDriver,
} from './types.js';

export interface ApplyResult {
  applied: PlanItem[];
  failed?: { item: PlanItem; error: unknown };
  notApplied: PlanItem[];
  backupDir: string;
  /** Objects the drivers made on the side (Grafana folders), e.g. "grafana/folder calvin". */
  sideEffects: string[];
}

/** Same content and same ownership marker (a Consul key's flags can change without its value). */
export function sameState(a: LiveObject, b: LiveObject): boolean {
  return (
    a.managed === b.managed &&
    (a.ref?.flags ?? null) === (b.ref?.flags ?? null) &&
    comparableText(a.kind, a.body) === comparableText(b.kind, b.body)
  );
}

class ChangedSincePlan extends CalvinError {}

/** Why the object as it is now is not what the plan saw, or undefined when it still is. */
function drift(item: PlanItem, now: LiveObject | undefined): string | undefined {
  if (!item.live) return now ? 'was created by someone else since the plan; not overwritten' : undefined;
  if (!now) return 'was deleted by someone else since the plan';
  return sameState(now, item.live) ? undefined : 'was changed by someone else since the plan; not overwritten';
}

export async function applyPlan(
  plan: Plan,
  drivers: ReadonlyMap<DeployTarget, TargetDriver>,
  backup: BackupWriter,
  progress?: (line: string) => void,
  /** Called before each write; throwing stops the apply with nothing written for that item (lost lock). */
  guard?: () => Promise<void>,
): Promise<ApplyResult> {
  const changes = plan.items.filter((i) => i.action !== 'unchanged');
  backup.plan(
    changes.map((i) => ({ action: i.action as Exclude<PlanItem['action'], 'unchanged'>, kind: i.kind, name: i.name })),
  );
  const applied: PlanItem[] = [];
  const sideEffects = (): string[] => [...drivers.values()].flatMap((d) => d.sideEffects?.() ?? []);
  for (const [index, item] of changes.entries()) {
    const driver = drivers.get(targetOfKind(item.kind));
    try {
      if (!driver) throw new Error(`no driver for ${item.kind}`);
      const live = await driver.read(item.kind, item.name);
      // Backed up even on a conflict: the backup then shows the change that stopped the deploy.
      if (live) backup.saveObject(index, live);
      const why = drift(item, live);
      if (why)
        throw new ChangedSincePlan(
          'APPLY_FAILED',
          `${item.kind} ${item.name} ${why}`,
          'run the plan again to see the current state, then deploy again',
        );
      if (guard) {
        try {
          await guard();
        } catch (error) {
          throw new ChangedSincePlan(
            'LOCK_LOST',
            isCalvinError(error) ? error.message : String(error),
            isCalvinError(error) ? error.hint : '',
          );
        }
      }
      progress?.(`${item.action} ${item.kind} ${item.name}`);
      if (item.action === 'create' && item.desired) await driver.create(item.desired);
      else if (item.action === 'update' && item.desired && live) await driver.update(item.desired, live);
      else if (item.action === 'delete' && live) await driver.remove(live);
      backup.mark(index, 'applied');
      applied.push(item);
    } catch (error) {
      // A conflict found before writing leaves nothing to undo: rollback must not "restore" it.
      backup.mark(index, error instanceof ChangedSincePlan ? 'conflict' : 'failed');
      backup.sideEffects(sideEffects());
      backup.finish('failed');
      return {
        applied,
        failed: { item, error },
        notApplied: changes.slice(index + 1),
        backupDir: backup.dir,
        sideEffects: sideEffects(),
      };
    }
  }
  backup.sideEffects(sideEffects());
  backup.finish('complete');
  return { applied, notApplied: [], backupDir: backup.dir, sideEffects: sideEffects() };
}
