import { rule } from '../../../../src/lint/rules/grafana-unknown-datasource.js';
import { dashboard, DATASOURCES, json, panel, queryVariable, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { files: [DATASOURCES, json('d.json', dashboard())] },
    { files: [DATASOURCES, json('d.json', dashboard({ panels: [panel({ datasource: '-- Mixed --' })] }))] },
    { files: [DATASOURCES, json('d.json', dashboard({ panels: [panel({ datasource: '$datasource' })] }))] },
    // No provisioning in the linted set: nothing to compare with.
    { files: [json('d.json', dashboard({ panels: [panel({ datasource: 'Whatever' })] }))] },
  ],
  invalid: [
    {
      files: [DATASOURCES, json('d.json', dashboard({ panels: [panel({ datasource: 'InfluxDb.Sytem' })] }))],
      errors: [{ file: 'd.json', messageId: 'unknown' }],
    },
    {
      files: [
        DATASOURCES,
        json('d.json', dashboard({ variables: [{ ...queryVariable('host'), datasource: 'Influx' }] })),
      ],
      errors: [{ file: 'd.json', messageId: 'unknown' }],
    },
  ],
});
