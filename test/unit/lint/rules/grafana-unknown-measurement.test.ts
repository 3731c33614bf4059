import { rule } from '../../../../src/lint/rules/grafana-unknown-measurement.js';
import { describe, expect, it } from 'vitest';
import { dashboard, json, lintWith, panel, target, text, ruleTester } from '../rule-tester.js';

const vaultRules = text('secrets_statsd_rules.txt', '"vault.runtime.* .measurement.measurement* service=vault",\n');
const q = (query: string) => json('d.json', dashboard({ panels: [panel({ targets: [target({ query })] })] }));

ruleTester(rule, {
  valid: [
    { files: [json('d.json', dashboard())] },
    { files: [vaultRules, q('SELECT mean("value") FROM "runtime_alloc_bytes" WHERE $timeFilter')] },
    {
      files: [
        text(
          'telegraf.conf',
          '[[inputs.jolokia2_agent]]\n  [[inputs.jolokia2_agent.metric]]\n    name  = "jvm_memory"\n',
        ),
        q('SELECT max("HeapMemoryUsage.used") FROM "jvm_memory" WHERE $timeFilter'),
      ],
    },
    { files: [q('SELECT mean("x") FROM /^cpu.*/ WHERE $timeFilter')] },
    // No collector config linted: the measurements of every standard Telegraf input are known.
    {
      files: [
        q('SELECT mean("heap_used") FROM "elasticsearch_jvm" WHERE $timeFilter'),
        q('SELECT last("messages") FROM "rabbitmq_queue" WHERE $timeFilter'),
        q('SELECT last("busy_executors") FROM "jenkins" WHERE $timeFilter'),
      ],
    },
  ],
  invalid: [
    // statsd templates join path segments with "_": a dotted name never reaches InfluxDB.
    {
      files: [vaultRules, q('SELECT mean("value") FROM "vault.runtime.alloc_bytes" WHERE $timeFilter')],
      errors: [{ file: 'd.json', messageId: 'unknown' }],
    },
    {
      files: [json('d.json', dashboard({ panels: [panel({ targets: [target({ measurement: 'cpuu' })] })] }))],
      errors: [{ file: 'd.json', messageId: 'unknown' }],
    },
    // With a Telegraf config in the set, only the inputs it enables count: no rabbitmq input here.
    {
      files: [
        text('telegraf.conf', '[[inputs.cpu]]\n'),
        q('SELECT last("messages") FROM "rabbitmq_queue" WHERE $timeFilter'),
      ],
      errors: [{ file: 'd.json', messageId: 'unknown' }],
    },
  ],
});

describe('grafana-unknown-measurement without collector configs', () => {
  it('says that only standard inputs are known when no Telegraf config was linted', () => {
    const [alone] = lintWith(rule, {
      files: [q('SELECT mean("value") FROM "runtime_alloc_bytes" WHERE $timeFilter')],
    }).map((f) => f.message.message);
    expect(alone).toMatch(/No Telegraf config or statsd rules were linted/);
    const [scanned] = lintWith(rule, {
      files: [
        text('telegraf.conf', '[[inputs.cpu]]\n'),
        q('SELECT mean("value") FROM "runtime_alloc_bytes" WHERE $timeFilter'),
      ],
    }).map((f) => f.message.message);
    expect(scanned).toBe(
      'Measurement "runtime_alloc_bytes" is produced by no definition, collector or standard Telegraf input.',
    );
  });
});
