import { rule } from '../../../../src/lint/rules/alert-without-runbook.js';
import { describe, expect, it } from 'vitest';
import { lintWith, ruleTester, text } from '../rule-tester.js';
import { alertDef } from '../definitions.js';

const tick = (name: string, body: string) => text(`alerts/${name}.tick`, body);
const cpuAlert = (measurement: string, message: string) =>
  tick(
    'cpu',
    `// CPU of the build agents\nvar m = '${measurement}'\nstream\n    |from()\n        .measurement(m)\n    |alert()\n        .id('BuildsCpuHigh')\n        .crit(lambda: "usage_idle" < 10)\n        .message('${message}')\n`,
  );

ruleTester(rule, {
  valid: [
    { catalog: { alerts: [alertDef()] } },
    {
      catalog: {
        alerts: [alertDef({ runbook: { title: 't', markdown: '', file: 'runbooks/x.md', url: 'https://r/x' } })],
      },
    },
    // A raw TICKscript alert whose message links the runbook.
    { files: [cpuAlert('cpu', '{{ .ID }} is {{ .Level }}: https://runbooks.example/builds-cpu')] },
    // A script without |alert() is no alert.
    {
      files: [
        tick('copy', "stream\n    |from()\n        .measurement('cpu')\n    |influxDBOut()\n        .database('x')\n"),
      ],
    },
  ],
  invalid: [
    {
      catalog: { alerts: [alertDef({ runbook: { title: 't', markdown: '# x', url: '' } })] },
      errors: [{ file: 'alerts/artefacts.ts', messageId: 'missing' }],
    },
    {
      catalog: { alerts: [alertDef({ runbook: { title: 't', markdown: '  ', url: 'https://r/x' } })] },
      errors: [{ file: 'alerts/artefacts.ts', messageId: 'missing' }],
    },
    // Raw TICKscript: the message names no link (a URL in a // comment does not count).
    {
      files: [
        tick(
          'cpu',
          "// runbook: https://runbooks.example/x\nstream\n    |from()\n        .measurement('cpu')\n    |alert()\n        .crit(lambda: \"usage_idle\" < 10)\n        .message('CPU high')\n",
        ),
      ],
      errors: [{ file: 'alerts/cpu.tick', messageId: 'missing', line: 5 }],
    },
  ],
});

describe('alert-without-runbook on TICKscript', () => {
  it('names the alert by its .id() and points at |alert()', () => {
    const found = lintWith(rule, { files: [cpuAlert('cpu', 'CPU high')] });
    expect(found.map((f) => [f.message.line, f.message.message])).toEqual([
      [6, 'Alert "BuildsCpuHigh" has no runbook link in .message() or .details().'],
    ]);
  });
});
