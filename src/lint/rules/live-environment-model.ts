import { DATABASES_KV_PREFIX, environmentDifferences } from '../../define/environment-kv.js';
import type { LintRule } from '../types.js';

/**
 * `--live`: the environment's Consul KV says something else than the model calvin renders with
 * (database routes, provisioned datasources), so built dashboards and alerts would read the wrong
 * database or reference a datasource that is not there.
 */
export const rule: LintRule = {
  meta: {
    id: 'live-environment-model',
    type: 'problem',
    severity: 'error',
    docs: {
      description: 'The environment model matches the Consul KV of the environment',
      hint:
        'Align the KV (config/services/metrics/databases/*, the Grafana datasource keys) with the model, or ' +
        'build for this environment with its own model.',
    },
    messages: { differs: 'Environment KV differs from the model: {{difference}}.' },
  },
  create(context) {
    return {
      project(p) {
        const live = p.project.live?.environment;
        if (!live) return;
        const node = { file: `consul-kv:${DATABASES_KV_PREFIX}`, line: 1, column: 1 };
        for (const difference of environmentDifferences(context.knowledge.environment, live))
          context.report({ node, messageId: 'differs', data: { difference } });
      },
    };
  },
};
