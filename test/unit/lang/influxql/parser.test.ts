import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseInfluxQL,
  queryFacts,
  type SelectStatement,
  type ShowStatement,
} from '../../../../src/lang/influxql/index.js';

const select = (q: string): SelectStatement => {
  const r = parseInfluxQL(q);
  expect(r.errors).toEqual([]);
  return r.statements[0] as SelectStatement;
};

describe('InfluxQL parser', () => {
  it('parses fields, functions, math and aliases', () => {
    const s = select(
      'SELECT non_negative_derivative(mean("bytes_recv"), 1s) * 8 AS "in", max(usage_idle) FROM net WHERE $timeFilter',
    );
    expect(s.fields).toHaveLength(2);
    expect(s.fields[0]?.alias).toBe('in');
    expect(s.fields[0]?.expr).toMatchObject({
      type: 'binary',
      op: '*',
      left: { type: 'call', name: 'non_negative_derivative' },
    });
    expect(queryFacts(s).fields.map((f) => f.name)).toEqual(['bytes_recv', 'usage_idle']);
  });

  it('parses FROM db.rp.measurement, db..measurement, regexes, dotted names and variables', () => {
    expect(select('SELECT x FROM "system"."autogen"."cpu"').from[0]).toMatchObject({
      database: 'system',
      retentionPolicy: 'autogen',
      measurement: { type: 'name', name: 'cpu' },
    });
    expect(select('SELECT x FROM "system".."cpu"').from[0]).toMatchObject({
      database: 'system',
      measurement: { name: 'cpu' },
    });
    expect(select('SELECT x FROM /^cpu.*/').from[0]?.measurement).toEqual({ type: 'regex', pattern: '^cpu.*' });
    expect(select('SELECT x FROM "snmp.uap.interfaces"').from[0]?.measurement).toEqual({
      type: 'name',
      name: 'snmp.uap.interfaces',
    });
    expect(select('SELECT x FROM $measurement').from[0]?.measurement).toEqual({
      type: 'variable',
      name: 'measurement',
    });
  });

  it('parses WHERE tag conditions, time conditions, Grafana variables', () => {
    const f = queryFacts(
      select(
        'SELECT mean("v") FROM "cpu" WHERE "host" =~ /^$host$/ AND "cpu" = \'cpu-total\' AND time > now() - 1h AND "env" = \'${environment}\'',
      ),
    );
    expect(f.hasTimeCondition).toBe(true);
    expect(f.tagConditions.map((c) => [c.key, c.op, c.value.kind])).toEqual([
      ['host', '=~', 'regex'],
      ['cpu', '=', 'string'],
      ['env', '=', 'string'],
    ]);
    expect(queryFacts(select('SELECT v FROM cpu WHERE host = $host')).variables.map((v) => v.name)).toEqual(['host']);
  });

  it('parses GROUP BY time()/tags/*, fill, ORDER BY, LIMIT, SLIMIT, TZ', () => {
    const s = select(
      'SELECT mean(v) FROM cpu WHERE $timeFilter GROUP BY time($__interval, 10s), "host", cpu fill(previous) ORDER BY time DESC LIMIT 10 OFFSET 2 SLIMIT 5 SOFFSET 1 tz(\'Europe/Paris\')',
    );
    expect(s.groupBy.time?.interval).toMatchObject({ type: 'variable', name: '__interval' });
    expect(s.groupBy.tags.map((t) => t.name)).toEqual(['host', 'cpu']);
    expect(s.fill?.value).toBe('previous');
    expect([s.orderByTimeDesc, s.limit, s.offset, s.slimit, s.soffset, s.tz]).toEqual([
      true,
      10,
      2,
      5,
      1,
      'Europe/Paris',
    ]);
    expect(select('SELECT v FROM cpu GROUP BY *').groupBy.all).toBe(true);
    expect(select('SELECT v FROM cpu GROUP BY time(1m) fill(-1)').fill?.value).toBe(-1);
  });

  it('parses SHOW statements', () => {
    const show = (q: string) => parseInfluxQL(q).statements[0] as ShowStatement;
    expect(show('SHOW TAG VALUES FROM "cpu" WITH KEY = "host" WHERE "env" = \'prod\'')).toMatchObject({
      what: 'tag-values',
      withKey: { op: '=', keys: ['host'] },
    });
    expect(show('SHOW TAG VALUES WITH KEY IN ("host", "cpu")').withKey?.keys).toEqual(['host', 'cpu']);
    expect(show('SHOW MEASUREMENTS WITH MEASUREMENT =~ /jvm_.*/ LIMIT 5')).toMatchObject({
      what: 'measurements',
      limit: 5,
    });
    expect(show('SHOW FIELD KEYS FROM "cpu"').what).toBe('field-keys');
    expect(show('SHOW TAG KEYS ON "system" FROM "cpu"')).toMatchObject({ what: 'tag-keys', on: 'system' });
    expect(show('SHOW TAG VALUES EXACT CARDINALITY FROM "rpc" WITH KEY = "host"').cardinality).toBe(true);
  });

  it('parses several statements separated by ;', () => {
    expect(parseInfluxQL('SELECT a FROM b; SELECT c FROM d;').statements).toHaveLength(2);
  });

  it('reports syntax errors with their offset', () => {
    expect(parseInfluxQL('SELECT mean(x) FORM cpu').errors).toEqual([
      { message: "expected FROM, found 'FORM'", offset: 15 },
    ]);
    expect(parseInfluxQL("SELECT x FROM cpu WHERE host = 'a").errors[0]).toMatchObject({
      message: 'unterminated string literal',
      offset: 31,
    });
    expect(parseInfluxQL('SELECT x FROM cpu GROUP BY time(1m) fill(zero)').errors[0]?.message).toMatch(
      /fill\(\) takes/,
    );
    expect(parseInfluxQL('SHOW TAG VALUES FROM cpu').errors[0]?.message).toMatch(/WITH KEY/);
    expect(parseInfluxQL('').errors[0]?.message).toBe('empty query');
    expect(parseInfluxQL('SELECT x FROM select').errors[0]?.message).toMatch(/keyword/);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const r = parseInfluxQL(s);
        expect(r.statements.length > 0 || r.errors.length > 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips generated identifiers through quoting', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), (name) => {
        const quoted = `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
        const s = select(`SELECT mean(${quoted}) FROM ${quoted} WHERE $timeFilter`);
        expect(s.from[0]?.measurement).toEqual({ type: 'name', name });
        expect(queryFacts(s).fields[0]?.name).toBe(name);
      }),
      { numRuns: 300 },
    );
  });
});
