import type { LintRule } from '../types.js';

/** An alert definition on a measurement nothing produces: it can never fire (or fires deadman forever). */
export const rule: LintRule = {
  meta: {
    id: 'alert-unknown-measurement',
    type: 'problem',
    severity: 'error',
    docs: { description: 'Alerts watch measurements that a service or collector produces', hint: 'List the measurement in the service definition (metrics.measurements) or fix its name.' },
    messages: { unknown: 'Alert "{{name}}" watches "{{measurement}}", which no service definition or collector produces.' },
  },
  create(context) {
    return {
      'alert-def': (a) => {
        const m = a.definition.query.measurement;
        if (!context.knowledge.isKnownMeasurement(m)) context.report({ node: a, messageId: 'unknown', data: { name: a.definition.name, measurement: m } });
      },
    };
  },
};
