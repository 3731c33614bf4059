import { rule } from '../../../../src/lint/rules/grafana-missing-datasource.js';
import { dashboard, DATASOURCES, json, panel, target, text, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { files: [DATASOURCES, json('d.json', dashboard())] },
    {
      files: [
        DATASOURCES,
        json(
          'd.json',
          dashboard({ panels: [panel({ datasource: null, targets: [target({ datasource: 'InfluxDb.System' })] })] }),
        ),
      ],
    },
    {
      files: [
        DATASOURCES,
        json('d.json', dashboard({ panels: [panel({ datasource: null, type: 'text', targets: [] })] })),
      ],
    },
    // A default datasource is provisioned: relying on it is fine.
    {
      files: [
        text('ds.yaml', 'datasources:\n- name: Main\n  type: influxdb\n  isDefault: true\n'),
        json('d.json', dashboard({ panels: [panel({ datasource: null })] })),
      ],
    },
  ],
  invalid: [
    {
      files: [DATASOURCES, json('d.json', dashboard({ panels: [panel({ datasource: null })] }))],
      errors: [{ file: 'd.json', messageId: 'missing' }],
    },
  ],
});
