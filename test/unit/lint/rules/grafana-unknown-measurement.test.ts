import { rule } from '../../../../src/lint/rules/grafana-unknown-measurement.js';
import { dashboard, json, panel, target, text, ruleTester } from '../rule-tester.js';

const vaultRules = text('secrets_statsd_rules.txt', '"vault.runtime.* .measurement.measurement* service=vault",\n');
const q = (query: string) => json('d.json', dashboard({ panels: [panel({ targets: [target({ query })] })] }));

ruleTester(rule, {
  valid: [
    { files: [json('d.json', dashboard())] },
    { files: [vaultRules, q('SELECT mean("value") FROM "runtime_alloc_bytes" WHERE $timeFilter')] },
    { files: [text('telegraf.conf', '[[inputs.jolokia2_agent]]\n  [[inputs.jolokia2_agent.metric]]\n    name  = "jvm_memory"\n'), q('SELECT max("HeapMemoryUsage.used") FROM "jvm_memory" WHERE $timeFilter')] },
    { files: [q('SELECT mean("x") FROM /^cpu.*/ WHERE $timeFilter')] },
  ],
  invalid: [
    // statsd templates join path segments with "_": a dotted name never reaches InfluxDB.
    { files: [vaultRules, q('SELECT mean("value") FROM "vault.runtime.alloc_bytes" WHERE $timeFilter')], errors: [{ messageId: 'unknown' }] },
    { files: [json('d.json', dashboard({ panels: [panel({ targets: [target({ measurement: 'cpuu' })] })] }))], errors: [{ messageId: 'unknown' }] },
  ],
});
