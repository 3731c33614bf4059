import { rule } from '../../../../src/lint/rules/grafana-unused-variable.js';
import { dashboard, json, panel, queryVariable, target, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      files: [
        json(
          'd.json',
          dashboard({
            variables: [queryVariable('host')],
            panels: [
              panel({
                targets: [
                  target({ query: 'SELECT mean("usage_idle") FROM "cpu" WHERE "host" =~ /^$host$/ AND $timeFilter' }),
                ],
              }),
            ],
          }),
        ),
      ],
    },
    {
      files: [
        json('d.json', dashboard({ variables: [queryVariable('host')], panels: [{ ...panel(), repeat: 'host' }] })),
      ],
    },
  ],
  invalid: [
    {
      files: [json('d.json', dashboard({ variables: [queryVariable('environment')] }))],
      errors: [{ file: 'd.json', messageId: 'unused' }],
    },
  ],
});
