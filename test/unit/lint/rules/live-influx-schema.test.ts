import { rule } from '../../../../src/lint/rules/live-influx-schema.js';
import type { LiveFacts } from '../../../../src/lint/live/facts.js';
import { dashboard, json, panel, target, ruleTester } from '../rule-tester.js';

const live: LiveFacts = {
  days: 7,
  datasourceDatabases: new Map([['InfluxDb.System', 'system']]),
  influx: new Map([
    [
      'system',
      {
        measurements: new Set(['cpu']),
        fields: new Map([['cpu', new Set(['usage_idle'])]]),
        tags: new Map([['cpu', new Set(['host', 'cpu'])]]),
      },
    ],
  ]),
};
const q = (query: string) => json('d.json', dashboard({ panels: [panel({ targets: [target({ query })] })] }));

ruleTester(rule, {
  valid: [
    {
      files: [q('SELECT mean("usage_idle") FROM "cpu" WHERE "cpu" = \'cpu-total\' AND $timeFilter GROUP BY "host"')],
      live,
    },
    // Without --live facts the rule is silent.
    { files: [q('SELECT mean("x") FROM "nope" WHERE $timeFilter')] },
  ],
  invalid: [
    {
      files: [q('SELECT mean("usage_idle") FROM "cpu_missing" WHERE $timeFilter')],
      live,
      errors: [{ file: 'd.json', messageId: 'measurement' }],
    },
    {
      files: [q('SELECT mean("usage_idel") FROM "cpu" WHERE "datacenter" = \'x\' AND $timeFilter')],
      live,
      errors: [
        { file: 'd.json', messageId: 'field' },
        { file: 'd.json', messageId: 'tag' },
      ],
    },
  ],
});
