import type { EnvironmentModel } from '../../define/environment.js';
import type { RuleContext } from '../types.js';

/** The environment rules check against: the live KV's under `--live`, else the linted set's model. */
export function targetEnvironment(context: RuleContext): { environment: EnvironmentModel; live: boolean } {
  const live = context.project.live?.environment;
  return live ? { environment: live, live: true } : { environment: context.knowledge.environment, live: false };
}
