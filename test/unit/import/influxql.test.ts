import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseInfluxQL, tokenize } from '../../../src/lang/influxql/index.js';
import { parseSimpleInfluxQL } from '../../../src/import/influxql-lower.js';
import { renderInfluxQL } from '../../../src/define/influxql.js';
import type { InfluxQuery } from '../../../src/define/types.js';

describe('normaliseInfluxQL', () => {
  it("ignores layout, keyword case, identifier quotes, number spelling, AND order and Grafana's parentheses", () => {
    const a = `SELECT mean("x")  / 100 FROM "cpu" WHERE ("host" =~ /^$h$/ AND "os" = 'linux') AND $timeFilter GROUP BY time($__interval), "host" fill(null)`;
    const b = `select MEAN(x) / 100.0 from cpu where $timeFilter and os='linux' AND "host"=~/^$h$/ group by host, time($__interval) FILL(null)`;
    expect(normaliseInfluxQL(a)).toBe(normaliseInfluxQL(b));
  });
  it('tells different queries apart', () => {
    const base = `SELECT mean("x") FROM "cpu" WHERE "a" = '1' AND $timeFilter`;
    for (const other of [
      `SELECT max("x") FROM "cpu" WHERE "a" = '1' AND $timeFilter`,
      `SELECT mean("x") FROM "cpu" WHERE "a" = '2' AND $timeFilter`,
      `SELECT mean("x") FROM "cpu" WHERE "a" = '1' OR $timeFilter`,
      `SELECT mean("X") FROM "cpu" WHERE "a" = '1' AND $timeFilter`,
      `SELECT mean("x") FROM "cpu" WHERE "a" =~ /1/ AND $timeFilter`,
      `SELECT mean("x") * 2 FROM "cpu" WHERE "a" = '1' AND $timeFilter`,
    ]) {
      expect(normaliseInfluxQL(other)).not.toBe(normaliseInfluxQL(base));
    }
    expect(normaliseInfluxQL(`SELECT "x" FROM "m" WHERE ("a" = '1' OR "b" = '2') AND "c" = '3'`)).not.toBe(
      normaliseInfluxQL(`SELECT "x" FROM "m" WHERE "a" = '1' OR ("b" = '2' AND "c" = '3')`),
    );
  });
  it('tokenises regexes, escaped quotes and durations with the one InfluxQL lexer', () => {
    expect(tokenize(`"a\\"b" =~ /x\\/y/ 'it\\'s' 10s 1.5`).map((t) => [t.type, t.value])).toEqual([
      ['ident', 'a"b'],
      ['op', '=~'],
      ['regex', 'x/y'],
      ['string', "it's"],
      ['duration', '10s'],
      ['number', '1.5'],
      ['eof', ''],
    ]);
    expect(() => tokenize(`"unterminated`)).toThrow(/unterminated/);
  });
});

describe('parseSimpleInfluxQL', () => {
  it('parses the typical raw dashboard query', () => {
    expect(
      parseSimpleInfluxQL(
        `SELECT 100 - mean("used_percent") AS "free" FROM "disk" WHERE ("host" =~ /^$_host$/ AND "os" = 'linux') AND $timeFilter GROUP BY time($_bucket), "path" fill(null)`,
        'system',
      ),
    ).toEqual({
      kind: 'influxql',
      database: 'system',
      measurement: 'disk',
      select: [
        {
          field: 'used_percent',
          functions: [{ fn: 'mean' }],
          math: [{ op: '-', value: 100, valueFirst: true }],
          alias: 'free',
        },
      ],
      where: [
        { key: 'host', op: '=~', value: { kind: 'variable', name: '_host' } },
        { key: 'os', op: '=', value: { kind: 'literal', value: 'linux' }, join: 'AND' },
      ],
      timeFilter: true,
      groupByTime: '$_bucket',
      groupByTags: ['path'],
      fill: 'null',
    });
  });
  it('refuses what it cannot express', () => {
    for (const text of [
      'SELECT count(tot) FROM (SELECT max("uptime") AS "tot" FROM "system")',
      'SELECT non_negative_difference(max("a")) + non_negative_difference(max("b")) FROM "net"',
      'SHOW TAG VALUES WITH KEY = "host"',
      'SELECT mean("a") / mean("b") FROM "x"',
      `SELECT "x" FROM "m" WHERE "a" = '1' OR "b" = '2' AND $timeFilter`,
      'SELECT holt_winters("x", 10, 2) FROM "m"',
    ]) {
      expect(parseSimpleInfluxQL(text, 'system'), text).toBeUndefined();
    }
  });

  const name = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/);
  const query: fc.Arbitrary<InfluxQuery> = fc.record({
    kind: fc.constant('influxql' as const),
    database: fc.constant('system'),
    measurement: name,
    select: fc.array(
      fc.record({
        field: name,
        functions: fc.subarray([{ fn: 'mean' as const }, { fn: 'non_negative_derivative' as const, args: ['1s'] }], {
          minLength: 0,
        }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    where: fc.array(
      fc.record({
        key: name,
        op: fc.constantFrom('=' as const, '!=' as const),
        value: fc.record({ kind: fc.constant('literal' as const), value: fc.string({ maxLength: 8 }) }),
        join: fc.constant('AND' as const),
      }),
      { maxLength: 3 },
    ),
    timeFilter: fc.boolean(),
    groupByTags: fc.array(name, { maxLength: 2 }),
  });

  it('parses whatever the typed renderer writes back into an equivalent query (property)', () => {
    fc.assert(
      fc.property(query, (q) => {
        const text = renderInfluxQL(q);
        const parsed = parseSimpleInfluxQL(text, 'system');
        expect(parsed).toBeDefined();
        expect(normaliseInfluxQL(renderInfluxQL(parsed as InfluxQuery))).toBe(normaliseInfluxQL(text));
      }),
      { numRuns: 200 },
    );
  });
});
