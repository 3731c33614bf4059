/**
 * `calvin deploy` and `calvin rollback` as library calls: endpoints, drivers, lock, plan, confirm,
 * apply, marker. The CLI only parses flags and hands over the output streams.
 */
import path from 'node:path';
import type { Config } from '../config.js';
import type { DeployLock } from '../backends/consul-kv.js';
import type { Artifact } from '../render/types.js';
import { CalvinError, isCalvinError } from '../errors.js';
import { redact, redactDeep } from '../redact.js';
import { applyPlan, type ApplyResult } from './apply.js';
import { BackupWriter, backupsDir, findBackup } from './backup.js';
import { desiredObjects } from './desired.js';
import { assertOneRoute, grafanaRoute, routeGrafana } from './grafana-route.js';
import { formatPlanText, planToJson, terminalSafe } from './format.js';
import { currentCommit, currentUser } from './git.js';
import { deployMarker, rollbackMarker, type DeployMarker } from './marker.js';
import { computePlan, hasChanges } from './plan.js';
import { makeDrivers } from './drivers.js';
import { rollbackBackup, type RollbackResult } from './rollback.js';
import {
  targetOfKind,
  type DeployTarget,
  type LiveObject,
  type Plan,
  type PlanItem,
  type PlanSummary,
  type DeployIo,
  type DeployScope,
} from './types.js';

export type { DeployIo, DeployScope } from './types.js';

/**
 * What a deploy prints on stdout, redacted here, at the source: text line by line, JSON value by
 * value before it is serialised (redacting serialised JSON could eat an escape and break it).
 */
function print(io: DeployIo, text: string): void {
  io.stdout(redact(text));
}

function printJson(io: DeployIo, value: unknown): void {
  io.stdout(`${JSON.stringify(redactDeep(value), null, 2)}\n`);
}

export interface DeployRunOptions extends DeployScope {
  config: Config;
  environment: string;
  artifacts: readonly Artifact[];
  targets: readonly DeployTarget[];
  /** --target named them: a missing endpoint is an error instead of a skipped target. */
  explicitTargets: boolean;
  planOnly: boolean;
  json: boolean;
  yes: boolean;
  prune: boolean;
  wait: boolean;
  io: DeployIo;
}

export interface DeployRunResult {
  exitCode: number;
  plan?: Plan;
  apply?: ApplyResult;
  writes: number;
}

export function isProduction(config: Config, environment: string): boolean {
  return config.productionEnvironments.includes(environment);
}

export function lockKey(scope: DeployScope, environment: string): string {
  return `${scope.kvRoot ?? ''}calvin/locks/deploy/${environment}`;
}

function envConfig(config: Config, environment: string): Config {
  return { ...config, consul: { ...config.consul, datacenter: environment } };
}

async function withLock<T>(
  config: Config,
  scope: DeployScope,
  environment: string,
  wait: boolean,
  io: DeployIo,
  who: string,
  run: (lock: DeployLock) => Promise<T>,
): Promise<T> {
  const { acquireDeployLock } = await import('../backends/consul-kv.js');
  const key = lockKey(scope, environment);
  const lock = await acquireDeployLock({
    config,
    key,
    wait,
    holder: `${who} since ${(scope.now?.() ?? new Date()).toISOString()}`,
    onWait: (holder) =>
      io.stderr(`calvin: waiting for the deploy lock ${terminalSafe(key)}, held by ${terminalSafe(holder)}\n`),
    ...(scope.lockTtlSeconds ? { ttlSeconds: scope.lockTtlSeconds } : {}),
    ...(scope.lockPollMs ? { pollMs: scope.lockPollMs } : {}),
  });
  try {
    return await run(lock);
  } finally {
    await lock.release();
  }
}

async function confirm(config: Config, environment: string, yes: boolean, io: DeployIo, what: string): Promise<void> {
  if (yes) return;
  if (!io.interactive || !io.ask) {
    throw new CalvinError(
      'NOT_CONFIRMED',
      `${what} "${environment}" needs confirmation and there is no terminal to ask`,
      'pass --yes (for CI), or run it on a terminal',
    );
  }
  const production = isProduction(config, environment);
  const expected = production ? environment : 'yes';
  const answer = await io.ask(
    production
      ? `"${environment}" is a production environment. Type its name to ${what.toLowerCase()} it: `
      : `${what} "${environment}"? Only "yes" is accepted: `,
  );
  if ((answer ?? '').trim() !== expected)
    throw new CalvinError(
      'NOT_CONFIRMED',
      `${what} "${environment}" cancelled; nothing was changed`,
      `answer "${expected}" to go ahead`,
    );
}

function itemLine(item: PlanItem): string {
  const symbol = item.action === 'create' ? '+' : item.action === 'update' ? '~' : '-';
  return `  ${symbol} ${item.kind} ${terminalSafe(item.name)}`;
}

function errorLine(error: unknown): string {
  // Backend answers end up in messages: no control characters on the terminal.
  if (isCalvinError(error)) return terminalSafe(redact(error.oneLine()));
  return terminalSafe(redact(error instanceof Error ? error.message : String(error)));
}

function appliedSummary(applied: readonly PlanItem[]): PlanSummary {
  const summary = { create: 0, update: 0, delete: 0, unchanged: 0 };
  for (const item of applied) summary[item.action] += 1;
  return summary;
}

async function writeMarker(config: Config, marker: DeployMarker, io: DeployIo, scope: DeployScope): Promise<void> {
  try {
    const { writeDeployMarker } = await import('./marker-write.js');
    await writeDeployMarker(config, marker, scope.endpoints);
  } catch (error) {
    io.stderr(`calvin: warning: the deploy marker was not written (${errorLine(error)})\n`);
  }
}

/** The backup goes to the target datacenter's KV too, so a rollback works from any machine. */
async function storeBackup(config: Config, scope: DeployScope, environment: string, dir: string, io: DeployIo) {
  try {
    const { uploadBackup } = await import('../backends/consul-backups.js');
    await uploadBackup(config, scope.kvRoot ?? '', environment, dir);
  } catch (error) {
    io.stderr(`calvin: warning: backup ${terminalSafe(path.basename(dir))} is only local (${errorLine(error)})\n`);
  }
}

/** Backups made elsewhere (another machine, a CI run) come from KV into the local cache first. */
export async function fetchBackups(config: Config, scope: DeployScope, environment: string, io: DeployIo) {
  try {
    const { downloadBackups } = await import('../backends/consul-backups.js');
    await downloadBackups(
      config,
      scope.kvRoot ?? '',
      environment,
      backupsDir(scope.backupRoot ?? config.root, environment),
    );
  } catch (error) {
    io.stderr(`calvin: warning: backups in Consul KV could not be read (${errorLine(error)})\n`);
  }
}

export async function runDeploy(options: DeployRunOptions): Promise<DeployRunResult> {
  const { io, environment } = options;
  const config = envConfig(options.config, environment);
  const root = options.backupRoot ?? config.root;
  const commit = options.commit ?? currentCommit(config.root);
  const who = options.who ?? currentUser(config.root);
  const now = options.now ?? (() => new Date());
  // Nobody to ask and no --yes: plan (no lock, no writes), and refuse only if there is something to do.
  const unattended = !options.planOnly && !options.yes && (!io.interactive || !io.ask);
  const desired = routeGrafana(desiredObjects(options.artifacts, options.targets), grafanaRoute(config, environment));
  const drivers = await makeDrivers(config, options.targets, options.explicitTargets, options, io, commit);
  const progress =
    io.interactive && !options.json ? (line: string): void => io.stderr(`${terminalSafe(line)}\n`) : undefined;
  const writes = (): number => [...drivers.values()].reduce((n, d) => n + d.writes(), 0);

  const planNow = async (): Promise<Plan> => {
    const live: LiveObject[] = [];
    let foreign = 0;
    for (const driver of drivers.values()) {
      const found = await driver.list(desired.filter((d) => targetOfKind(d.kind) === driver.target));
      live.push(...found.objects);
      foreign += found.foreign;
    }
    const inScope = desired.filter((d) => drivers.has(targetOfKind(d.kind)));
    // What is already provisioned counts too: Grafana would refuse the API save of that uid.
    assertOneRoute([...inScope, ...live.map((o) => ({ kind: o.kind, name: o.name, body: null }))]);
    return computePlan({ environment, desired: inScope, live, prune: options.prune, foreignSkipped: foreign });
  };

  if (options.planOnly || unattended) {
    const plan = await planNow();
    if (options.json) printJson(io, planToJson(plan));
    else print(io, formatPlanText(plan, { color: io.color ?? false }));
    if (unattended && hasChanges(plan)) await confirm(config, environment, false, io, 'Deploying to');
    return { exitCode: 0, plan, writes: writes() };
  }

  return withLock(config, options, environment, options.wait, io, who, async (lock) => {
    const plan = await planNow();
    if (!options.json) print(io, formatPlanText(plan, { color: io.color ?? false }));
    if (!hasChanges(plan)) {
      if (options.json) printJson(io, { ...planToJson(plan), applied: [], notApplied: [] });
      return { exitCode: 0, plan, writes: writes() };
    }
    await confirm(config, environment, options.yes, io, 'Deploying to');
    const backup = new BackupWriter(root, environment, now(), commit);
    const result = await applyPlan(plan, drivers, backup, progress, () => lock.assertHeld());
    await storeBackup(config, options, environment, result.backupDir, io);
    if (result.applied.length > 0)
      await writeMarker(
        config,
        deployMarker(environment, appliedSummary(result.applied), who, commit, now()),
        io,
        options,
      );
    const stamp = path.basename(result.backupDir);
    if (options.json) {
      printJson(io, {
        ...planToJson(plan),
        applied: result.applied.map((i) => ({ action: i.action, kind: i.kind, name: i.name })),
        ...(result.failed
          ? {
              failed: {
                action: result.failed.item.action,
                kind: result.failed.item.kind,
                name: result.failed.item.name,
                error: errorLine(result.failed.error),
              },
            }
          : {}),
        notApplied: result.notApplied.map((i) => ({ action: i.action, kind: i.kind, name: i.name })),
        sideEffects: result.sideEffects,
        backup: stamp,
      });
    } else {
      const lines: string[] = [];
      lines.push(
        `Applied ${result.applied.length} of ${result.applied.length + result.notApplied.length + (result.failed ? 1 : 0)} change(s) to "${terminalSafe(environment)}":`,
      );
      for (const item of result.applied) lines.push(itemLine(item));
      if (result.failed) {
        lines.push('Failed:');
        lines.push(`${itemLine(result.failed.item)}: ${errorLine(result.failed.error)}`);
        lines.push('Not applied:');
        for (const item of result.notApplied) lines.push(itemLine(item));
        if (result.notApplied.length === 0) lines.push('  (nothing else)');
      }
      if (result.sideEffects.length > 0)
        lines.push(`Also created: ${result.sideEffects.map(terminalSafe).join(', ')} (rollback leaves them in place)`);
      lines.push(
        `Backup: ${terminalSafe(stamp)} (undo with: calvin rollback --env ${terminalSafe(environment)} --to ${terminalSafe(stamp)})`,
      );
      print(io, `${lines.join('\n')}\n`);
    }
    if (result.failed)
      io.stderr(
        `calvin: deploy to "${terminalSafe(environment)}" stopped half-way: ${errorLine(result.failed.error)}\n`,
      );
    return { exitCode: result.failed ? 1 : 0, plan, apply: result, writes: writes() };
  });
}

export interface RollbackRunOptions extends DeployScope {
  config: Config;
  environment: string;
  to?: string;
  yes: boolean;
  wait: boolean;
  json: boolean;
  io: DeployIo;
}

export async function runRollback(options: RollbackRunOptions): Promise<{ exitCode: number; result: RollbackResult }> {
  const { io, environment } = options;
  const config = envConfig(options.config, environment);
  const root = options.backupRoot ?? config.root;
  await fetchBackups(config, options, environment, io);
  const backup = findBackup(root, environment, options.to);
  const todo = backup.manifest.entries.filter((e) => e.state === 'applied' || e.state === 'failed');
  const targets = [...new Set(todo.map((e) => targetOfKind(e.kind)))];
  const who = options.who ?? currentUser(config.root);
  if (!options.yes && (!io.interactive || !io.ask)) await confirm(config, environment, false, io, 'Rolling back');
  const drivers = await makeDrivers(config, targets, true, options, io, `rollback ${backup.manifest.timestamp}`);
  return withLock(config, options, environment, options.wait, io, who, async () => {
    if (!options.json) {
      print(
        io,
        `Rolling back "${terminalSafe(environment)}" to before ${terminalSafe(backup.manifest.timestamp)} (commit ${terminalSafe(backup.manifest.commit)}): ${todo.length} object(s).\n`,
      );
    }
    await confirm(config, environment, options.yes, io, 'Rolling back');
    const result = await rollbackBackup(
      backup,
      drivers,
      io.interactive && !options.json ? (l) => io.stderr(`${terminalSafe(l)}\n`) : undefined,
    );
    await storeBackup(config, options, environment, backup.dir, io);
    const counts = { restored: 0, recreated: 0, deleted: 0 };
    for (const step of result.steps)
      if (step.did === 'restored' || step.did === 'recreated' || step.did === 'deleted') counts[step.did] += 1;
    if (counts.restored + counts.recreated + counts.deleted > 0) {
      const commit = options.commit ?? currentCommit(config.root);
      await writeMarker(
        config,
        rollbackMarker(
          environment,
          backup.manifest.timestamp,
          counts,
          who,
          commit,
          (options.now ?? (() => new Date()))(),
        ),
        io,
        options,
      );
    }
    if (options.json) {
      printJson(io, {
        environment,
        backup: backup.manifest.timestamp,
        steps: result.steps,
        leftInPlace: result.keptSideEffects,
        ...(result.failed
          ? { failed: { kind: result.failed.kind, name: result.failed.name, error: errorLine(result.failed.error) } }
          : {}),
      });
    } else {
      for (const step of result.steps) print(io, `  ${step.kind} ${terminalSafe(step.name)}: ${step.did}\n`);
      if (result.keptSideEffects.length > 0)
        print(
          io,
          `Left in place: ${result.keptSideEffects.map(terminalSafe).join(', ')} (created by that deploy; may hold other dashboards now)\n`,
        );
      print(
        io,
        result.failed
          ? `Rollback stopped at ${result.failed.kind} ${terminalSafe(result.failed.name)}.\n`
          : `Rolled back ${result.steps.length} object(s).\n`,
      );
    }
    if (result.failed)
      io.stderr(
        `calvin: rollback of "${terminalSafe(environment)}" failed at ${result.failed.kind} ${terminalSafe(result.failed.name)}: ${errorLine(result.failed.error)}\n`,
      );
    return { exitCode: result.failed ? 1 : 0, result };
  });
}
