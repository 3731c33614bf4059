import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AlertDef } from '../../../../src/define/types.js';
import {
  checkTickscript,
  defaultRenderOptions,
  renderCatalog,
  renderTickscript,
  tickString,
  untickString,
} from '../../../../src/render/index.js';
import { tokenizeTickscript } from '../../../../src/lang/tickscript/index.js';
import { fixtureCatalog } from '../../../fixtures/render/catalog.js';

const VALID = `// CPU alert from the Kapacitor docs, extended
var warn = 70
var crit = 80.5
var period = 10s
var groupBy = ['host', 'cpu']
var whereFilter = lambda: ("cpu" == 'cpu-total') AND ("host" =~ /^web-\\/[0-9]+$/)
var name = 'cpu'
var idVar = name + ':{{.Group}}'

var data = stream
    |from()
        .measurement('cpu')
        .groupBy(groupBy)
        .where(whereFilter)
    |window()
        .period(period)
        .every(1m)
    |mean('usage_idle')
        .as('value')
    |eval(lambda: 100.0 - "value", lambda: abs(float("value")) * -1.0 / 2.0 % 3)
        .as('busy', 'neg')

var trigger = data
    |alert()
        .id(idVar)
        .message('It\\'s {{ .Level }}')
        .details('''<b>{{ .ID }}</b> isn't 'quoted' \\ here''')
        .warn(lambda: "busy" > warn AND !("host" !~ /test/))
        .crit(lambda: "busy" > crit OR "value" < -5.0)
        .stateChangesOnly()
        .groupBy(*)
        @myUDF()
            .opt(TRUE, FALSE, 1h, 500ms)
        .log('/tmp/alerts.log')

trigger
    |httpOut('output')
`;

describe('checkTickscript', () => {
  it('accepts a script using every construct', () => {
    expect(checkTickscript(VALID)).toEqual([]);
  });

  it('accepts a Chronograf-generated threshold rule', () => {
    const chronograf = `var db = 'telegraf'

var rp = 'autogen'

var measurement = 'cpu'

var groupBy = ['host']

var whereFilter = lambda: ("cpu" == 'cpu-total')

var name = 'cpu high'

var idVar = name + ':{{.Group}}'

var message = ''

var idTag = 'alertID'

var levelTag = 'level'

var messageField = 'message'

var durationField = 'duration'

var outputDB = 'chronograf'

var outputRP = 'autogen'

var outputMeasurement = 'alerts'

var triggerType = 'threshold'

var crit = 80

var data = stream
    |from()
        .database(db)
        .retentionPolicy(rp)
        .measurement(measurement)
        .groupBy(groupBy)
        .where(whereFilter)
    |eval(lambda: "usage_user")
        .as('value')

var trigger = data
    |alert()
        .crit(lambda: "value" > crit)
        .message(message)
        .id(idVar)
        .idTag(idTag)
        .levelTag(levelTag)
        .messageField(messageField)
        .durationField(durationField)

trigger
    |eval(lambda: float("value"))
        .as('value')
        .keep()
    |influxDBOut()
        .create()
        .database(outputDB)
        .retentionPolicy(outputRP)
        .measurement(outputMeasurement)
        .tag('alertName', name)
        .tag('triggerType', triggerType)

trigger
    |httpOut('output')
`;
    expect(checkTickscript(chronograf)).toEqual([]);
    expect(
      checkTickscript(
        'stream|where(lambda: isPresent("x") AND hour("time") >= 8 AND "s" == \'a\' + \'b\') // trailing comment\n',
      ),
    ).toEqual([]);
  });

  it('accepts dbrp statements and template type declarations', () => {
    expect(
      checkTickscript('dbrp "telegraf"."autogen"\nvar x string\nvar y = 5m\nstream|from().measurement(\'cpu\')\n'),
    ).toEqual([]);
  });

  const broken: [string, string, { line: number; column: number; message: RegExp }][] = [
    ['unbalanced quote', "var x = 'abc\nstream|from()\n", { line: 1, column: 9, message: /unterminated string/ }],
    ['missing paren', 'stream\n    |from(\n    |window()\n', { line: 3, column: 5, message: /unexpected "\|"/ }],
    [
      'missing closing paren at end',
      "stream|from().measurement('cpu'",
      { line: 1, column: 32, message: /expected "\)"/ },
    ],
    ['bad duration', 'stream|window().period(10mins)\n', { line: 1, column: 24, message: /bad duration "10mins"/ }],
    ['fractional duration', 'stream|window().period(1.5m)\n', { line: 1, column: 24, message: /bad duration "1.5m"/ }],
    [
      'unknown character',
      'stream|from()\n  .measurement(#cpu)\n',
      { line: 2, column: 16, message: /unexpected character "#"/ },
    ],
    [
      'unterminated reference',
      'stream|where(lambda: "host == 1)\n',
      { line: 1, column: 22, message: /unterminated field reference/ },
    ],
    [
      'reference outside a lambda',
      'stream|from().measurement("cpu")\n',
      { line: 1, column: 27, message: /field reference "cpu" outside a lambda/ },
    ],
    [
      'unterminated regex',
      'stream|where(lambda: "host" =~ /abc)\n',
      { line: 1, column: 32, message: /unterminated regex/ },
    ],
    ['dangling operator', 'stream|where(lambda: "a" > )\n', { line: 1, column: 28, message: /unexpected "\)"/ }],
    ['var without value', 'var = 5\n', { line: 1, column: 5, message: /variable name/ }],
    ['pipe without node', 'stream|\n', { line: 1, column: 8, message: /node name/ }],
    [
      'regex operator without regex',
      'stream|where(lambda: "a" =~ \'x\')\n',
      { line: 1, column: 29, message: /a regex after =~/ },
    ],
  ];
  for (const [name, script, expected] of broken) {
    it(`rejects ${name} with its position`, () => {
      const problems = checkTickscript(script);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ line: expected.line, column: expected.column });
      expect(problems[0]?.message).toMatch(expected.message);
    });
  }

  it('parses every generated script of the fixture catalog', () => {
    const scripts = renderCatalog(fixtureCatalog(), defaultRenderOptions({ targets: ['kapacitor'] })).filter(
      (a) => a.type === 'kapacitor-tickscript',
    );
    expect(scripts.length).toBe(4);
    for (const script of scripts) expect(checkTickscript(script.content), script.path).toEqual([]);
  });

  it('parses generated scripts for arbitrary names, messages, thresholds and handlers', () => {
    const catalog = fixtureCatalog();
    const base = catalog.alerts[0] as AlertDef;
    const text = fc.string({ unit: 'grapheme', maxLength: 30 });
    fc.assert(
      fc.property(
        text,
        text.filter((s) => s.length > 0 && !s.endsWith('\\')),
        text,
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
        fc.constantFrom('threshold', 'relative', 'deadman'),
        fc.constantFrom<AlertDef['query']['fn']>(
          'mean',
          'max',
          'percentile',
          'derivative',
          'non_negative_difference',
          'count',
        ),
        (message, tagValue, channel, threshold, conditionType, fn) => {
          const condition: AlertDef['condition'] =
            conditionType === 'threshold'
              ? {
                  type: 'threshold',
                  direction: 'below',
                  crit: threshold,
                  warn: threshold / 2,
                  critReset: threshold + 1,
                }
              : conditionType === 'relative'
                ? { type: 'relative', direction: 'above', shift: '1d', change: 'absolute', crit: threshold }
                : { type: 'deadman', threshold: Math.abs(threshold), interval: '10m' };
          const alert: AlertDef = {
            ...base,
            message: message.endsWith('\\') ? `${message} ` : message,
            query: {
              ...base.query,
              fn,
              where: [{ key: tagValue, op: '!=', value: { kind: 'literal', value: tagValue } }],
            },
            condition,
            handlers: [
              { type: 'slack', channel },
              { type: 'email', to: [channel || 'x'] },
            ],
          };
          const script = renderTickscript(alert, catalog.services, defaultRenderOptions());
          expect(checkTickscript(script)).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** Kapacitor's StringNode: strip the quotes, then turn each `\'` into `'` (nothing else is an escape). */
function kapacitorUnquote(literal: string): string {
  if (literal.startsWith("'''")) return literal.slice(3, -3);
  return literal.slice(1, -1).replace(/\\'/g, "'");
}

describe('tickString', () => {
  it('round-trips any string through the lexer and Kapacitor unquoting', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: fc.constantFrom("'", '\\', '"', '/', 'a', ' ', '\n', 'é', '{'), maxLength: 30 }),
          fc.string({ unit: 'binary', maxLength: 20 }),
        ),
        (value) => {
          let literal: string;
          try {
            literal = tickString(value);
          } catch {
            // Only a trailing backslash together with ''' is unrepresentable.
            expect(value.endsWith('\\') && (value.includes("'''") || value.endsWith("'"))).toBe(true);
            return;
          }
          const tokens = tokenizeTickscript(`var x = ${literal}`);
          expect(tokens.map((t) => t.kind)).toEqual(['var', 'ident', '=', 'string', 'eof']);
          expect(tokens[3]?.text).toBe(literal);
          expect(kapacitorUnquote(literal)).toBe(value);
          expect(untickString(literal)).toBe(value);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('escapes single quotes only', () => {
    expect(tickString("it's a \\d")).toBe("'it\\'s a \\d'");
    expect(tickString('ends with \\')).toBe("'''ends with \\'''");
  });
});
