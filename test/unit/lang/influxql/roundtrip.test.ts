/** parse → print → parse gives the same tree: on every query of the Calvinverse corpus, on the query
 * builder's output, and on generated trees. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { astShape } from '../../../helpers/ast-shape.js';
import { renderInfluxQL } from '../../../../src/define/influxql.js';
import type { InfluxQuery } from '../../../../src/define/types.js';
import { renderGrafanaEditorQuery } from '../../../../src/import/grafana-editor-query.js';
import type { GrafanaInfluxTarget } from '../../../../src/import/grafana-types.js';
import {
  type Expr,
  normaliseInfluxQL,
  parseInfluxQL,
  printInfluxQL,
  type SelectStatement,
  type Statement,
} from '../../../../src/lang/influxql/index.js';

const corpus = path.resolve(import.meta.dirname, '../../../../../shared/calvinverse-corpus');

function shape(value: unknown): unknown {
  return astShape(value, ['pos'], 'paren');
}

function expectRoundTrip(text: string): void {
  const first = parseInfluxQL(text);
  expect(first.errors, text).toEqual([]);
  const printed = printInfluxQL(first.statements);
  const second = parseInfluxQL(printed);
  expect(second.errors, printed).toEqual([]);
  expect(shape(second.statements), printed).toEqual(shape(first.statements));
  expect(printInfluxQL(second.statements)).toBe(printed);
}

function corpusQueries(): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const target = value as GrafanaInfluxTarget & { measurement?: unknown };
      // Grafana's query editor keeps the parts; the text it sends is what InfluxDB sees.
      if (!target.rawQuery && typeof target.measurement === 'string' && Array.isArray(target.select)) {
        found.push(renderGrafanaEditorQuery(target));
      }
      for (const [k, v] of Object.entries(value)) {
        if (k === 'query' && typeof v === 'string' && /^\s*(select|show)\b/i.test(v)) found.push(v);
        else visit(v);
      }
    }
  };
  for (const file of globSync('**/*.json', { cwd: corpus, absolute: true })) {
    try {
      visit(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      // Not JSON (consul-template), not a dashboard.
    }
  }
  return found;
}

describe('InfluxQL round trip on the Calvinverse corpus', () => {
  const queries = corpusQueries();
  const parsed = queries.filter((q) => parseInfluxQL(q).errors.length === 0);

  it('finds the corpus dashboards and their queries', () => {
    expect(queries.length).toBeGreaterThan(100);
    // The corpus has a few genuinely broken queries (lint reports them); everything else parses.
    expect(parsed.length / queries.length).toBeGreaterThan(0.95);
  });

  it('parse → print → parse keeps every parsed query', () => {
    for (const q of parsed) expectRoundTrip(q);
  });

  it('the canonical print is stable and equal for equivalent spellings', () => {
    for (const q of parsed) expect(normaliseInfluxQL(normaliseInfluxQL(q))).toBe(normaliseInfluxQL(q));
  });
});

const ident = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_ .-]{0,8}$/);
const safeText = fc.string({ maxLength: 8 });
const regexText = fc.stringMatching(/^[A-Za-z0-9.^$*+?|()[\]-]{1,8}$/);

const leaf: fc.Arbitrary<Expr> = fc.oneof(
  ident.map((name) => ({ type: 'ref' as const, name, pos: 0 })),
  safeText.map((value) => ({ type: 'string' as const, value, pos: 0 })),
  fc.integer({ min: -1000, max: 1000 }).map((value) => ({ type: 'number' as const, value, pos: 0 })),
  fc.double({ min: 0.001, max: 1e6, noNaN: true }).map((value) => ({ type: 'number' as const, value, pos: 0 })),
  fc.constantFrom('1m', '10s', '5ms').map((value) => ({ type: 'duration' as const, value, pos: 0 })),
  fc.boolean().map((value) => ({ type: 'boolean' as const, value, pos: 0 })),
  fc.constant({ type: 'time-filter' as const, pos: 0 }),
  fc.constantFrom('host', 'interval').map((name) => ({ type: 'variable' as const, name, pos: 0 })),
);

const expr: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc
      .record({
        op: fc.constantFrom('AND', 'OR', '=', '!=', '<', '>=', '+', '-', '*', '/'),
        left: tie('e'),
        right: tie('e'),
      })
      .map(({ op, left, right }) => ({ type: 'binary' as const, op, left, right, pos: 0 })),
    fc.record({ ref: ident, pattern: regexText, op: fc.constantFrom('=~', '!~') }).map(({ ref, pattern, op }) => ({
      type: 'binary' as const,
      op,
      left: { type: 'ref' as const, name: ref, pos: 0 },
      right: { type: 'regex' as const, pattern, pos: 0 },
      pos: 0,
    })),
    fc
      .record({
        name: fc.constantFrom('mean', 'max', 'percentile', 'derivative'),
        args: fc.array(tie('e'), { maxLength: 2 }),
      })
      .map(({ name, args }) => ({ type: 'call' as const, name, args, pos: 0 })),
  ),
})).e;

const select: fc.Arbitrary<SelectStatement> = fc
  .record({
    fields: fc.array(fc.record({ expr, alias: fc.option(ident, { nil: undefined }) }), { minLength: 1, maxLength: 3 }),
    measurement: ident,
    rp: fc.option(ident, { nil: undefined }),
    where: fc.option(expr, { nil: undefined }),
    tags: fc.array(ident, { maxLength: 3 }),
    time: fc.option(fc.constantFrom('1m', '10s'), { nil: undefined }),
    fill: fc.option(fc.oneof(fc.constantFrom('null', 'none', 'previous'), fc.integer({ min: -5, max: 5 })), {
      nil: undefined,
    }),
    desc: fc.boolean(),
    limit: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
  })
  .map((r) => {
    const s: SelectStatement = {
      kind: 'select',
      fields: r.fields.map((f) => (f.alias === undefined ? { expr: f.expr } : { expr: f.expr, alias: f.alias })),
      from: [
        r.rp === undefined
          ? { measurement: { type: 'name', name: r.measurement }, pos: 0 }
          : { retentionPolicy: r.rp, measurement: { type: 'name', name: r.measurement }, pos: 0 },
      ],
      groupBy: {
        tags: r.tags.map((name) => ({ name, pos: 0 })),
        all: false,
        ...(r.time ? { time: { interval: { type: 'duration', value: r.time, pos: 0 }, pos: 0 } } : {}),
      },
      pos: 0,
    };
    if (r.where) s.where = r.where;
    if (r.fill !== undefined) s.fill = { value: r.fill, pos: 0 };
    if (r.desc) s.orderByTimeDesc = true;
    if (r.limit !== undefined) s.limit = r.limit;
    return s;
  });

describe('InfluxQL round trip on generated inputs', () => {
  it('parse(print(tree)) is the tree, for generated SELECT statements (property)', () => {
    fc.assert(
      fc.property(select, (statement: Statement) => {
        const printed = printInfluxQL(statement);
        const parsed = parseInfluxQL(printed);
        expect(parsed.errors, printed).toEqual([]);
        expect(shape(parsed.statements), printed).toEqual(shape([statement]));
      }),
      { numRuns: 500 },
    );
  });

  it("parses the query builder's output back: every rendered typed query round-trips", () => {
    const queries: InfluxQuery[] = [
      {
        kind: 'influxql',
        database: 'system',
        measurement: 'disk',
        select: [{ field: 'used_percent', functions: [{ fn: 'max' }], alias: 'used' }],
        where: [
          { key: 'host', op: '=~', value: { kind: 'variable', name: 'host' } },
          { key: 'path', op: '=', value: { kind: 'literal', value: "/srv/it's" }, join: 'AND' },
        ],
        timeFilter: true,
        groupByTime: '$__interval',
        groupByTags: ['host', 'path'],
        fill: 'null',
      },
      {
        kind: 'influxql',
        database: 'services',
        measurement: 'weird "name"/x',
        select: [
          { field: 'a b', functions: [{ fn: 'non_negative_derivative', args: ['1s'] }], math: [{ op: '*', value: 8 }] },
        ],
        where: [{ key: 'tag', op: '!~', value: { kind: 'regex', pattern: 'a/b' } }],
        timeFilter: false,
        groupByTags: [],
        limit: 10,
      },
    ];
    for (const q of queries) expectRoundTrip(renderInfluxQL(q));
  });
});
