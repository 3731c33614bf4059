import { rule } from '../../../../src/lint/rules/grafana-alert-without-runbook.js';
import { dashboard, json, panel, ruleTester } from '../rule-tester.js';

const alert = (message: string) => ({
  name: 'GC Time warning',
  message,
  conditions: [{ query: { params: ['A', '5m', 'now'] }, type: 'query' }],
});

ruleTester(rule, {
  valid: [
    {
      files: [
        json(
          'a.json',
          dashboard({
            panels: [panel({ alert: alert('Consul GC is slow. Runbook: https://runbooks.example/consul-gc') })],
          }),
        ),
      ],
    },
    {
      files: [
        json(
          'a.json',
          dashboard({
            panels: [
              panel({
                alert: alert('Consul GC is slow.'),
                links: [{ title: 'Runbook', url: 'https://runbooks.example/consul-gc' }],
              }),
            ],
          }),
        ),
      ],
    },
  ],
  invalid: [
    {
      files: [json('a.json', dashboard({ panels: [panel({ alert: alert('Yo, check the Consul servers!') })] }))],
      errors: [{ file: 'a.json', messageId: 'missing' }],
    },
  ],
});
