/**
 * Restores the objects of one backup: deletes what the deploy created, restores what it
 * overwrote, recreates what it deleted. Entries are undone newest first.
 */
import type { StoredBackup } from './backup.js';
import { CalvinError, isCalvinError } from '../errors.js';
import { comparableText } from './normalize.js';
import { targetOfKind, type DeployTarget, type DesiredObject, type LiveObject, type TargetDriver } from './types.js';

export interface RollbackStep {
  kind: string;
  name: string;
  did: 'deleted' | 'restored' | 'recreated' | 'already as before' | 'already gone';
}

export interface RollbackResult {
  steps: RollbackStep[];
  /** Grafana folders the deploy created, left in place (they may hold other dashboards by now). */
  keptSideEffects: string[];
  failed?: { kind: string; name: string; error: unknown };
}

export async function rollbackBackup(
  backup: StoredBackup,
  drivers: ReadonlyMap<DeployTarget, TargetDriver>,
  progress?: (line: string) => void,
  /**
   * Called before each write, as apply does; throwing (lost lock) stops the rollback with nothing written for that
   * entry.
   */
  guard?: () => Promise<void>,
): Promise<RollbackResult> {
  const checkLock = async (): Promise<void> => {
    if (!guard) return;
    try {
      await guard();
    } catch (error) {
      throw isCalvinError(error) ? error : new CalvinError('LOCK_LOST', String(error), 'run the rollback again');
    }
  };
  const entries = backup.manifest.entries
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => entry.state === 'applied' || entry.state === 'failed')
    .reverse();
  // One listing per target: current state (and handles such as Chronograf ids or Consul indexes).
  const current = new Map<string, LiveObject>();
  for (const target of new Set(entries.map(({ entry }) => targetOfKind(entry.kind)))) {
    const driver = drivers.get(target);
    if (!driver) continue;
    const wanted = entries
      .filter(({ entry }) => targetOfKind(entry.kind) === target)
      .map(({ entry }) => ({ kind: entry.kind, name: entry.name, body: null }));
    const { objects } = await driver.list(wanted);
    for (const o of objects) current.set(`${o.kind} ${o.name}`, o);
  }
  const steps: RollbackStep[] = [];
  for (const { entry } of entries) {
    const driver = drivers.get(targetOfKind(entry.kind));
    const live = current.get(`${entry.kind} ${entry.name}`);
    try {
      if (!driver) throw new Error(`no endpoint for ${targetOfKind(entry.kind)} in this run`);
      progress?.(`rollback ${entry.kind} ${entry.name}`);
      if (entry.action === 'create') {
        if (live) {
          await checkLock();
          await driver.remove(live);
        }
        steps.push({ kind: entry.kind, name: entry.name, did: live ? 'deleted' : 'already gone' });
      } else {
        const body = backup.object(entry);
        const saved = backup.saved(entry);
        // The object's own handles (Consul KV flags): an adopted key gets its flags back, not calvin's.
        const desired: DesiredObject = {
          kind: entry.kind,
          name: entry.name,
          body,
          ...(saved?.ref ? { restoreRef: saved.ref } : {}),
        };
        const sameMarker = saved?.ref?.flags === undefined || live?.ref?.flags === saved.ref.flags;
        if (live && sameMarker && comparableText(entry.kind, live.body) === comparableText(entry.kind, body)) {
          steps.push({ kind: entry.kind, name: entry.name, did: 'already as before' });
        } else if (live) {
          await checkLock();
          await driver.update(desired, live);
          steps.push({ kind: entry.kind, name: entry.name, did: 'restored' });
        } else {
          await checkLock();
          await driver.create(desired);
          steps.push({ kind: entry.kind, name: entry.name, did: 'recreated' });
        }
      }
      entry.state = 'rolled-back';
    } catch (error) {
      backup.save();
      return {
        steps,
        keptSideEffects: backup.manifest.sideEffects ?? [],
        failed: { kind: entry.kind, name: entry.name, error },
      };
    }
  }
  backup.manifest.status = 'rolled-back';
  backup.save();
  return { steps, keptSideEffects: backup.manifest.sideEffects ?? [] };
}
