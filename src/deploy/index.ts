/** Deploy: plan (pure) → apply → prune managed-only; lock; backups; rollback. */
export * from './types.js';
export { computePlan, type PlanInput } from './plan.js';
export { formatPlanText, planToJson, type PlanJson, type FormatOptions } from './format.js';
export { desiredObjects, desiredFromArtifact } from './desired.js';
export { applyPlan, type ApplyResult } from './apply.js';
export { rollbackBackup, type RollbackResult, type RollbackStep } from './rollback.js';
export { BackupWriter, findBackup, listBackups, backupsDir, type BackupManifest, type BackupEntry } from './backup.js';
export { deployMarker, rollbackMarker, type DeployMarker } from './marker.js';
export {
  runDeploy,
  runRollback,
  isProduction,
  lockKey,
  type DeployIo,
  type DeployRunOptions,
  type DeployRunResult,
  type RollbackRunOptions,
  type DeployScope,
} from './run.js';
