import { rule } from '../../../../src/lint/rules/grafana-undefined-variable.js';
import { dashboard, json, panel, queryVariable, target, ruleTester } from '../rule-tester.js';

const q = (query: string, vars = [queryVariable('host')]) =>
  json('d.json', dashboard({ variables: vars, panels: [panel({ targets: [target({ query })] })] }));

ruleTester(rule, {
  valid: [
    {
      files: [
        q('SELECT mean("usage_idle") FROM "cpu" WHERE "host" =~ /^$host$/ AND $timeFilter GROUP BY time($__interval)'),
      ],
    },
    {
      files: [
        q(
          'SELECT mean("usage_idle") FROM "cpu" WHERE host = \'${host:raw}\' AND $timeFilter GROUP BY time($interval), "host"',
        ),
      ],
    },
    // A raw-mode target renders only its query: Grafana ignores the builder tags/select left in it.
    {
      files: [
        json(
          'd.json',
          dashboard({
            variables: [queryVariable('_host')],
            panels: [
              panel({
                targets: [
                  {
                    ...target({ query: 'SELECT last("x") FROM "m" WHERE "host" =~ /^$_host$/ AND $timeFilter' }),
                    tags: [{ key: 'host', operator: '=~', value: '/^$host$/' }],
                    select: [[{ type: 'field', params: ['$field'] }]],
                  },
                ],
              }),
            ],
          }),
        ),
      ],
    },
  ],
  invalid: [
    // The same builder tags in a builder-mode target are used.
    {
      files: [
        json(
          'd.json',
          dashboard({
            variables: [],
            panels: [
              panel({ targets: [{ ...target({}), tags: [{ key: 'host', operator: '=~', value: '/^$host$/' }] }] }),
            ],
          }),
        ),
      ],
      errors: [{ file: 'd.json', messageId: 'undefined' }],
    },
    {
      files: [q('SELECT mean("usage_idle") FROM "cpu" WHERE "host" =~ /^$hostname$/ AND $timeFilter')],
      errors: [{ file: 'd.json', messageId: 'undefined' }],
    },
    {
      files: [q('SELECT mean("usage_idle") FROM "cpu" WHERE "host" =~ /^[[cluster]]$/ AND $timeFilter', [])],
      errors: [{ file: 'd.json', messageId: 'undefined' }],
    },
  ],
});
