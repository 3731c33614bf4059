import { describe, expect, it } from 'vitest';
import { rule } from '../../../../src/lint/rules/grafana-measurement-wrong-database.js';
import { dashboard, json, lintWith, panel, target, text, ruleTester } from '../rule-tester.js';

// The Calvinverse shape: statsd input tagged with a route, outputs routed by tagpass, the statsd
// database named by a Consul-KV key, and Grafana datasources per database.
const telegraf = text(
  'telegraf.ctmpl',
  [
    '[[inputs.cpu]]',
    '  [inputs.cpu.tags]',
    '    influxdb_database = "system"',
    '[[inputs.statsd]]',
    '  metric_separator = "_"',
    '  templates = [',
    '    "vault.runtime.* .measurement.measurement* service=vault",',
    '  ]',
    '  [inputs.statsd.tags]',
    '    influxdb_database = "statsd"',
    '[[outputs.influxdb]]',
    '  database = "{{ keyOrDefault "config/services/metrics/databases/system" "system" }}" # required',
    '  [outputs.influxdb.tagpass]',
    '    influxdb_database = ["system"]',
    '[[outputs.influxdb]]',
    '  database = "{{ keyOrDefault "config/services/metrics/databases/statsd" "statsd" }}" # required',
    '  [outputs.influxdb.tagpass]',
    '    influxdb_database = ["statsd"]',
    '',
  ].join('\n'),
);
const kv = text('metrics.yaml', 'config:\n  - key: config/services/metrics/databases/statsd\n    value: services\n');
const datasources = text(
  'datasources/influx.yaml',
  'datasources:\n- name: InfluxDb.System\n  type: influxdb\n  database: system\n- name: InfluxDb.Services\n  type: influxdb\n  database: services\n',
);
const q = (query: string, datasource: string) =>
  json('d.json', dashboard({ panels: [panel({ datasource, targets: [target({ query })] })] }));
const alloc = 'SELECT max("value") FROM "runtime_alloc_bytes" WHERE $timeFilter';

ruleTester(rule, {
  valid: [
    { files: [telegraf, kv, datasources, q(alloc, 'InfluxDb.Services')] },
    {
      files: [
        telegraf,
        kv,
        datasources,
        q('SELECT mean("usage_idle") FROM "cpu" WHERE $timeFilter', 'InfluxDb.System'),
      ],
    },
    // A datasource variable picks the database at view time.
    { files: [telegraf, kv, datasources, q(alloc, '$datasource')] },
    // An explicit "db"."rp"."measurement" names its database.
    {
      files: [
        telegraf,
        kv,
        datasources,
        q('SELECT max("value") FROM "services"."autogen"."runtime_alloc_bytes" WHERE $timeFilter', 'InfluxDb.System'),
      ],
    },
    // Without the outputs in the set, the route's database is unknown: nothing to say.
    {
      files: [
        text(
          't.conf',
          '[[inputs.statsd]]\n  templates = ["vault.runtime.* .measurement.measurement*"]\n  [inputs.statsd.tags]\n    influxdb_database = "statsd"\n',
        ),
        datasources,
        q(alloc, 'InfluxDb.System'),
      ],
    },
    // Standard measurements may come from unrouted inputs outside the set (consul_health_checks).
    {
      files: [
        telegraf,
        kv,
        datasources,
        q('SELECT count("passing") FROM "consul_health_checks" WHERE $timeFilter', 'InfluxDb.Services'),
      ],
    },
  ],
  invalid: [
    {
      files: [telegraf, kv, datasources, q(alloc, 'InfluxDb.System')],
      errors: [{ file: 'd.json', messageId: 'wrong', line: 15 }],
    },
    {
      files: [
        telegraf,
        kv,
        datasources,
        q('SELECT mean("usage_idle") FROM "cpu" WHERE $timeFilter', 'InfluxDb.Services'),
      ],
      errors: [{ file: 'd.json', messageId: 'wrong' }],
    },
  ],
});

describe('grafana-measurement-wrong-database', () => {
  it('names the database the measurement is written to, resolved through the KV value', () => {
    const [m] = lintWith(rule, { files: [telegraf, kv, datasources, q(alloc, 'InfluxDb.System')] }).map(
      (f) => f.message.message,
    );
    expect(m).toBe(
      'Measurement "runtime_alloc_bytes" is written to database "services", but the query reads it from "system" (datasource "InfluxDb.System").',
    );
    const [fallback] = lintWith(rule, { files: [telegraf, datasources, q(alloc, 'InfluxDb.System')] }).map(
      (f) => f.message.message,
    );
    expect(fallback).toMatch(/written to database "statsd"/);
  });
});
