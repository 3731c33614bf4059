import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeRegexText,
  influx,
  quoteIdent,
  quoteRegex,
  quoteString,
  renderInfluxQL,
} from '../../../src/define/index.js';
import type { InfluxQuery } from '../../../src/define/index.js';
import { tokenize } from './influxql-scanner.js';

const base: InfluxQuery = {
  kind: 'influxql',
  database: 'system',
  measurement: 'cpu',
  select: [{ field: 'usage_idle', functions: [{ fn: 'mean' }] }],
  where: [],
  timeFilter: true,
  groupByTags: [],
};

describe('renderInfluxQL golden strings', () => {
  it('renders the fluent disk query the way Grafana writes it', () => {
    const q = influx('system', 'disk')
      .select('used_percent')
      .max()
      .whereVariable('host')
      .where('path')
      .eq('/')
      .groupByTime('$__interval')
      .groupBy('host')
      .fill('null')
      .build();
    expect(renderInfluxQL(q)).toBe(
      `SELECT max("used_percent") FROM "disk" WHERE "host" =~ /^$host$/ AND "path" = '/' AND $timeFilter GROUP BY time($__interval), "host" fill(null)`,
    );
  });

  it('nests functions with arguments and applies math', () => {
    const q = influx('system', 'net')
      .retentionPolicy('autogen')
      .select('bytes_recv')
      .mean()
      .nonNegativeDerivative('1s')
      .math('*', 8)
      .as('bits')
      .groupByTime('1m')
      .fill(0)
      .build();
    expect(renderInfluxQL(q)).toBe(
      `SELECT non_negative_derivative(mean("bytes_recv"), 1s) * 8 AS "bits" FROM "autogen"."net" WHERE $timeFilter GROUP BY time(1m) fill(0)`,
    );
  });

  it('renders 100 - usage_idle with an invert and percentiles', () => {
    const q = influx('system', 'cpu')
      .select('usage_idle')
      .mean()
      .invert(100)
      .select('usage_user')
      .percentile(95)
      .where('cpu')
      .eq('cpu-total')
      .build();
    expect(renderInfluxQL(q)).toBe(
      `SELECT 100 - mean("usage_idle"), percentile("usage_user", 95) FROM "cpu" WHERE "cpu" = 'cpu-total' AND $timeFilter`,
    );
  });

  it('parenthesises math by precedence', () => {
    const q = influx('s', 'm')
      .select('x')
      .sum()
      .math('+', 1)
      .math('*', 100)
      .select('y')
      .last()
      .math('*', 2)
      .invert(10)
      .build();
    expect(renderInfluxQL(q)).toBe('SELECT (sum("x") + 1) * 100, 10 - last("y") * 2 FROM "m" WHERE $timeFilter');
    const r = influx('s', 'm').select('y').last().math('-', 2).invert(10).build();
    expect(renderInfluxQL(r)).toBe('SELECT 10 - (last("y") - 2) FROM "m" WHERE $timeFilter');
  });

  it('renders an absolute time range, ORDER BY and LIMIT (diagnose)', () => {
    const q = influx('system', 'mem')
      .select('used_percent')
      .timeRange(new Date('2026-11-23T10:00:00Z'), '2026-11-23T11:00:00Z')
      .where('host')
      .eq('nexus-01')
      .orderByTimeDesc()
      .limit(10)
      .build();
    expect(renderInfluxQL(q)).toBe(
      `SELECT "used_percent" FROM "mem" WHERE "host" = 'nexus-01' AND time >= '2026-11-23T10:00:00.000Z' AND time < '2026-11-23T11:00:00Z' ORDER BY time DESC LIMIT 10`,
    );
  });

  it('absolute time range wins over $timeFilter; no WHERE without conditions', () => {
    expect(
      renderInfluxQL({ ...base, timeRange: { from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00+01:00' } }),
    ).toBe(
      `SELECT mean("usage_idle") FROM "cpu" WHERE time >= '2026-01-01T00:00:00Z' AND time < '2026-01-02T00:00:00+01:00'`,
    );
    expect(renderInfluxQL({ ...base, timeFilter: false })).toBe('SELECT mean("usage_idle") FROM "cpu"');
  });

  it('groups OR conditions in parentheses and renders regexes, lists and negations', () => {
    const q = influx('services', 'rabbitmq_queue')
      .select('messages')
      .last()
      .where('queue')
      .matches('^logs/')
      .or('vhost')
      .oneOf(['a.b', 'c|d'])
      .and('node')
      .notVariable('node')
      .build();
    expect(renderInfluxQL(q)).toBe(
      `SELECT last("messages") FROM "rabbitmq_queue" WHERE ("queue" =~ /^logs\\// OR "vhost" =~ /^(?:a\\.b|c\\|d)$/ AND "node" !~ /^$node$/) AND $timeFilter`,
    );
  });

  it('qualifies the database when asked and renders numbers and booleans', () => {
    const q: InfluxQuery = {
      ...base,
      where: [
        { key: 'n', op: '>', value: { kind: 'literal', value: 1e21 } },
        { key: 'b', op: '=', value: { kind: 'literal', value: true } },
      ],
    };
    expect(renderInfluxQL(q, { qualifyDatabase: true })).toBe(
      `SELECT mean("usage_idle") FROM "system".."cpu" WHERE "n" > 1000000000000000000000 AND "b" = true AND $timeFilter`,
    );
  });

  it('rejects what cannot be rendered safely', () => {
    expect(() => renderInfluxQL({ ...base, select: [] })).toThrow(/selects nothing/);
    expect(() => renderInfluxQL({ ...base, groupByTime: '1 minute; DROP' })).toThrow(/not a duration/);
    expect(() =>
      renderInfluxQL({ ...base, where: [{ key: 'h', op: '=', value: { kind: 'variable', name: 'x/ OR 1' } }] }),
    ).toThrow(/variable name/);
    expect(() =>
      renderInfluxQL({ ...base, where: [{ key: 'h', op: '=~', value: { kind: 'literal', value: 'x' } }] }),
    ).toThrow(/literal/);
    expect(() => renderInfluxQL({ ...base, timeRange: { from: "2026' OR 1=1", to: '2026-01-01T00:00:00Z' } })).toThrow(
      /RFC 3339/,
    );
    expect(() => renderInfluxQL({ ...base, limit: 0 })).toThrow(/LIMIT/);
    expect(() =>
      renderInfluxQL({ ...base, select: [{ field: 'x', functions: [{ fn: 'derivative', args: ['1s) FROM x'] }] }] }),
    ).toThrow(/duration/);
    expect(() => quoteRegex('abc\\')).toThrow(/lone backslash/);
    expect(() => influx('system', 'cpu').mean()).toThrow(/before any select/);
    expect(() => influx('system', 'cpu').build()).toThrow(/selects nothing/);
    expect(() => influx('system', 'cpu').select('x').percentile(0)).toThrow(/out of range/);
    expect(() => influx('system', 'cpu').select('x').groupByTime('soon')).toThrow(/not a duration/);
    expect(() => influx('system', 'cpu').select('x').limit(-1)).toThrow(/positive/);
    expect(() => influx('system', 'cpu').or('x')).toThrow(/needs a condition/);
  });

  it('build() returns a copy that later builder calls do not change', () => {
    const b = influx('system', 'cpu').select('usage_idle');
    const first = b.build();
    b.mean();
    expect(first.select[0]?.functions).toEqual([]);
  });
});

/**
 * Canonical form of a regex source for the escapes quoteRegex may rewrite: `\n` and an escaped raw
 * newline both mean newline, `\/` means `/`, `\x5c` means `\\`. Other escapes are kept as they are.
 */
function regexMeaning(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    // A raw newline and the escape \n mean the same to RE2.
    if (ch === '\n') {
      out += '<NL>';
      continue;
    }
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = source[i + 1] ?? '';
    if (next === 'n' || next === '\n') out += '<NL>';
    else if (next === '/') out += '/';
    else if (source.startsWith('x5c', i + 1)) {
      out += '\\\\';
      i += 2;
    } else out += ch + next;
    i += 1;
  }
  return out;
}

// Strings that stress escaping: quotes, backslashes, newlines, regex metacharacters, unicode.
const hostile = fc.string({
  unit: fc.constantFrom(
    '"',
    "'",
    '\\',
    '\n',
    '/',
    '$',
    '^',
    '.',
    '*',
    '(',
    ')',
    '|',
    'a',
    'Z',
    '0',
    ' ',
    'é',
    '😀',
    '\r',
    '\t',
  ),
});
const anyText = fc.oneof(hostile, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));

describe('escaping properties', () => {
  it('quoteIdent: one identifier token that decodes to the input', () => {
    fc.assert(
      fc.property(anyText, (name) => {
        expect(tokenize(quoteIdent(name))).toEqual([{ type: 'ident', value: name, quoted: true }]);
      }),
      { numRuns: 500 },
    );
  });

  it('quoteString: one string token that decodes to the input', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        expect(tokenize(`= ${quoteString(value)}`).slice(1)).toEqual([{ type: 'string', value }]);
      }),
      { numRuns: 500 },
    );
  });

  it('quoteRegex: one regex token, no raw newline, same regex as the pattern', () => {
    fc.assert(
      fc.property(anyText, (pattern) => {
        const trailing = /\\+$/.exec(pattern)?.[0].length ?? 0;
        if (trailing % 2 === 1) {
          expect(() => quoteRegex(pattern)).toThrow();
          return;
        }
        const tokens = tokenize(`=~ ${quoteRegex(pattern)}`).slice(1);
        expect(tokens).toHaveLength(1);
        expect(tokens[0]?.type).toBe('regex');
        expect(tokens[0]?.value).not.toContain('\n');
        expect(regexMeaning(tokens[0]?.value ?? '')).toBe(regexMeaning(pattern));
      }),
      { numRuns: 500 },
    );
  });

  it('quoteRegex keeps regexes of literal text matching exactly that text', () => {
    fc.assert(
      fc.property(anyText, fc.string(), (text, other) => {
        const decoded = tokenize(`=~ ${quoteRegex(escapeRegexText(text))}`)[1]?.value ?? '';
        const re = new RegExp(`^(?:${decoded})$`, 'u');
        expect(re.test(text)).toBe(true);
        if (other !== text) expect(re.test(other)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('escapeRegexText: the regex matches exactly the literal text', () => {
    fc.assert(
      fc.property(anyText, fc.string(), (text, other) => {
        const re = new RegExp(`^${escapeRegexText(text)}$`, 'u');
        expect(re.test(text)).toBe(true);
        if (other !== text) expect(re.test(other)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('a whole query keeps hostile names and values in their own tokens', () => {
    // `*` is the wildcard for fields and GROUP BY tags, so it is not a name there.
    const name = (text: string, fallback: string): string => (text === '' || text === '*' ? fallback : text);
    fc.assert(
      fc.property(anyText, anyText, anyText, anyText, anyText, (measurementText, fieldText, tagText, value, alias) => {
        const [measurement, field, tag] = [name(measurementText, 'm'), name(fieldText, 'f'), name(tagText, 't')];
        const q = influx('db', measurement).select(field).mean().as(alias).where(tag).eq(value).groupBy(tag).build();
        const tokens = tokenize(renderInfluxQL(q));
        const quoted = tokens
          .filter((t) => (t.type === 'ident' && t.quoted) || t.type === 'string')
          .map((t) => t.value);
        expect(quoted).toEqual([field, alias, measurement, tag, value, tag]);
        expect(tokens.filter((t) => t.type === 'ident' && !t.quoted).map((t) => t.value)).toEqual([
          'SELECT',
          'mean',
          'AS',
          'FROM',
          'WHERE',
          'AND',
          'GROUP',
          'BY',
        ]);
      }),
      { numRuns: 300 },
    );
  });
});
