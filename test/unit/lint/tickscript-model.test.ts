import { describe, expect, it } from 'vitest';
import { tickscriptAlerts } from '../../../src/lint/model/tickscript.js';
import type { TickscriptNode } from '../../../src/lint/types.js';

const node = (text: string): TickscriptNode => ({
  kind: 'tickscript',
  file: 'alerts/x.tick',
  line: 1,
  column: 1,
  text,
});

describe('TICKscript alerts for the alert rules', () => {
  it('reads each |alert() with the measurement of its own chain, its id and its texts', () => {
    const alerts = tickscriptAlerts(
      node(
        [
          "var db = 'system'",
          "var mem = 'mem'",
          'stream',
          "    |from().database(db).measurement('cpu')",
          "    |alert().id('cpu-high').message('''CPU high | see https://r/cpu''')",
          'stream',
          '    |from()',
          '        .measurement(mem)',
          "    |alert().details('no link here, \\'quoted\\'')",
          '',
        ].join('\n'),
      ),
    );
    expect(alerts).toMatchObject([
      {
        name: 'cpu-high',
        measurement: 'cpu',
        measurementAt: { line: 4 },
        line: 5,
        texts: ['CPU high | see https://r/cpu'],
      },
      { name: 'x', measurement: 'mem', measurementAt: { line: 8 }, line: 9, texts: ["no link here, 'quoted'"] },
    ]);
  });

  it('ignores pipes and calls inside strings and // comments, and computed measurements', () => {
    const alerts = tickscriptAlerts(
      node(
        "// |alert() in a comment\nstream\n    |from()\n        .measurement(someLambdaResult())\n    |alert()\n        .message('a |alert() in text')\n",
      ),
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.measurement).toBeUndefined();
  });
});
