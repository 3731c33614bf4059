import type { RegisterCommand } from '../context.js';
import { registerBuild } from './build.js';
import { registerList } from './list.js';
import { registerNew } from './new.js';
import { registerRunbook } from './runbook.js';
import { registerImport } from './import.js';
import { registerLint } from './lint.js';
import { registerTest } from './test.js';
import { registerDeploy } from './deploy.js';
import { registerRollback } from './rollback.js';
import { registerDiagnose } from './diagnose.js';
import { registerStatus } from './status.js';
import { registerBacktest } from './backtest.js';
import { registerServe } from './serve.js';

export const commands: RegisterCommand[] = [
  registerBuild,
  registerList,
  registerNew,
  registerRunbook,
  registerImport,
  registerLint,
  registerTest,
  registerBacktest,
  registerDeploy,
  registerRollback,
  registerDiagnose,
  registerStatus,
  registerServe,
];
