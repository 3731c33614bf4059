import { rule } from '../../../../src/lint/rules/alert-unknown-measurement.js';
import { ruleTester, text } from '../rule-tester.js';
import { alertDef, serviceDef } from '../definitions.js';

const on = (measurement: string) => alertDef({ query: { ...alertDef().query, measurement } });

const tick = (name: string, body: string) => text(`alerts/${name}.tick`, body);
const cpuAlert = (measurement: string) =>
  tick(
    'cpu',
    `var m = '${measurement}'\nstream\n    |from()\n        .measurement(m)\n    |alert()\n        .crit(lambda: "usage_idle" < 10)\n        .message('https://runbooks.example/cpu')\n`,
  );

ruleTester(rule, {
  valid: [
    { catalog: { alerts: [alertDef()] } },
    { catalog: { alerts: [on('nexus_requests')], services: [serviceDef()] } },
    { files: [cpuAlert('cpu')] },
    // A batch query's FROM names the measurement ("db"."rp"."m").
    {
      files: [
        tick(
          'b',
          'batch\n    |query(\'SELECT mean("usage_idle") FROM "system"."autogen"."cpu"\')\n        .every(1m)\n    |alert()\n        .message(\'https://r/x\')\n',
        ),
      ],
    },
  ],
  invalid: [
    {
      catalog: { alerts: [on('nexus_request')], services: [serviceDef()] },
      errors: [{ file: 'alerts/artefacts.ts', messageId: 'unknown' }],
    },
    // Raw TICKscript: the finding sits on the .measurement() line (through the string variable).
    { files: [cpuAlert('cpuu')], errors: [{ file: 'alerts/cpu.tick', messageId: 'unknown', line: 4 }] },
    {
      files: [
        tick(
          'b',
          'batch\n    |query(\'SELECT mean("x") FROM "system"."autogen"."cpuu"\')\n    |alert()\n        .message(\'https://r/x\')\n',
        ),
      ],
      errors: [{ file: 'alerts/b.tick', messageId: 'unknown', line: 2 }],
    },
  ],
});
