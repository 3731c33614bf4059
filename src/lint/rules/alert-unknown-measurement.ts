import type { LintRule } from '../types.js';

/** An alert definition on a measurement nothing produces: it can never fire (or fires deadman forever). */
export const rule: LintRule = {
  meta: {
    id: 'alert-unknown-measurement',
    type: 'problem',
    severity: 'error',
    docs: {
      description: 'Alerts watch measurements that a service or collector produces',
      hint: 'List the measurement in the service definition (metrics.measurements) or fix its name.',
    },
    messages: {
      unknown: 'Alert "{{name}}" watches "{{measurement}}", which no service definition or collector produces.',
    },
  },
  create(context) {
    return {
      'alert-def': (a) => {
        const m = a.definition.query.measurement;
        // At the measurement's literal in the definition source when it can be found.
        if (!context.knowledge.isKnownMeasurement(m))
          context.report({
            node: a,
            ...(a.locate?.(m) ?? {}),
            messageId: 'unknown',
            data: { name: a.definition.name, measurement: m },
          });
      },
      // Hand-written TICKscripts: the measurement of the alert's from()/query(), where it is named.
      'tickscript-alert': (a) => {
        const m = a.measurement;
        if (m !== undefined && !context.knowledge.isKnownMeasurement(m))
          context.report({
            node: a,
            ...(a.measurementAt ?? {}),
            messageId: 'unknown',
            data: { name: a.name, measurement: m },
          });
      },
    };
  },
};
