import type { LintRule } from '../types.js';
import { didYouMean } from '../util/suggest.js';

/** A query of a measurement that no definition, no collector config and no standard Telegraf input produces. */
export const rule: LintRule = {
  meta: {
    id: 'grafana-unknown-measurement',
    type: 'problem',
    severity: 'warning',
    docs: {
      description: 'Dashboards query measurements that something produces',
      hint:
        'Check the measurement name against the Telegraf inputs (name, name_override, statsd templates) or ' +
        'the service definition; statsd metrics are renamed by their templates.',
    },
    messages: {
      unknown:
        'Measurement "{{name}}" is produced by no definition, collector or standard Telegraf ' +
        'input.{{suggestion}}{{scope}}',
    },
  },
  create(context) {
    const k = context.knowledge;
    const seen = [...k.collectors.measurements];
    // Without collector configs calvin only knows the standard inputs: say so, since custom names
    // (statsd templates, name_override, snmp tables) are then unknowable rather than wrong.
    const scope = k.collectorsScanned
      ? ''
      : ' (No Telegraf config or statsd rules were linted: lint them together with the dashboards to check ' +
        'custom names.)';
    return {
      influxql(q) {
        if (q.origin === 'alert') return;
        for (const f of q.facts) {
          for (const m of f.measurements) {
            if (!m.name || m.name.includes('$') || k.isKnownMeasurement(m.name)) continue;
            const at = q.text !== undefined && m.pos ? q.locate(m.pos) : {};
            context.report({
              node: q,
              ...at,
              messageId: 'unknown',
              data: { name: m.name, suggestion: didYouMean(m.name, seen), scope },
            });
          }
        }
      },
    };
  },
};
