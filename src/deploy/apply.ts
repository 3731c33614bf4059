/**
 * Apply follows the plan, in plan order, and nothing else: unchanged objects are never written.
 * Before each overwrite or delete the live object goes into the backup. The first failure stops
 * the run; the result says exactly what was applied and what was not.
 */
import type { BackupWriter } from './backup.js';
import { targetOfKind, type DeployTarget, type Plan, type PlanItem, type TargetDriver } from './types.js';

export interface ApplyResult {
  applied: PlanItem[];
  failed?: { item: PlanItem; error: unknown };
  notApplied: PlanItem[];
  backupDir: string;
}

export async function applyPlan(plan: Plan, drivers: ReadonlyMap<DeployTarget, TargetDriver>, backup: BackupWriter, progress?: (line: string) => void): Promise<ApplyResult> {
  const changes = plan.items.filter((i) => i.action !== 'unchanged');
  backup.plan(changes.map((i) => ({ action: i.action as Exclude<PlanItem['action'], 'unchanged'>, kind: i.kind, name: i.name })));
  const applied: PlanItem[] = [];
  for (const [index, item] of changes.entries()) {
    const driver = drivers.get(targetOfKind(item.kind));
    try {
      if (!driver) throw new Error(`no driver for ${item.kind}`);
      if (item.live) backup.saveObject(index, item.live.body);
      progress?.(`${item.action} ${item.kind} ${item.name}`);
      if (item.action === 'create' && item.desired) await driver.create(item.desired);
      else if (item.action === 'update' && item.desired && item.live) await driver.update(item.desired, item.live);
      else if (item.action === 'delete' && item.live) await driver.remove(item.live);
      backup.mark(index, 'applied');
      applied.push(item);
    } catch (error) {
      backup.mark(index, 'failed');
      backup.finish('failed');
      return { applied, failed: { item, error }, notApplied: changes.slice(index + 1), backupDir: backup.dir };
    }
  }
  backup.finish('complete');
  return { applied, notApplied: [], backupDir: backup.dir };
}
