import { rule } from '../../../../src/lint/rules/grafana-unknown-field.js';
import { dashboard, json, panel, target, ruleTester } from '../rule-tester.js';

const q = (t: Parameters<typeof target>[0]) => json('d.json', dashboard({ panels: [panel({ targets: [target(t)] })] }));

ruleTester(rule, {
  valid: [
    { files: [q({ measurement: 'cpu', field: 'usage_idle' })] },
    {
      files: [
        q({
          query:
            'SELECT count(tot) FROM (SELECT max("uptime") AS "tot" FROM "system" WHERE $timeFilter GROUP BY "host")',
        }),
      ],
    },
    { files: [q({ measurement: 'jvm_memory', field: 'anything' })] },
  ],
  invalid: [
    { files: [q({ measurement: 'mem', field: 'used_percnt' })], errors: [{ file: 'd.json', messageId: 'unknown' }] },
    {
      files: [q({ query: 'SELECT mean("load") FROM "system" WHERE $timeFilter' })],
      errors: [{ file: 'd.json', messageId: 'unknown' }],
    },
  ],
});
