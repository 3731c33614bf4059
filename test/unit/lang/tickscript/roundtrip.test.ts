/** parse → print → parse gives the same tree: on every script calvin renders from the shipped
 * definitions, on Kapacitor-documentation style scripts, and on generated trees. */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { astShape } from '../../../helpers/ast-shape.js';
import { type Expr, parseTickscript, printTickscript, type Statement } from '../../../../src/lang/tickscript/index.js';
import { loadCatalog } from '../../../../src/load/index.js';
import { defaultRenderOptions, renderCatalog } from '../../../../src/render/index.js';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');

function shape(value: unknown): unknown {
  return astShape(value, ['offset'], 'paren');
}

function expectRoundTrip(text: string, label: string): void {
  const first = parseTickscript(text);
  expect(first.errors, label).toEqual([]);
  const printed = printTickscript(first.program);
  const second = parseTickscript(printed);
  expect(second.errors, printed).toEqual([]);
  expect(shape(second.program), label).toEqual(shape(first.program));
  expect(printTickscript(second.program)).toBe(printed);
}

const DOCS_STYLE = `// from the Kapacitor docs, with a batch query and a join
dbrp "telegraf"."autogen"
var period = 5m
var every = 1m
var warn = 80.0
var errors = batch
    |query('''SELECT count("value") FROM "telegraf"."autogen"."errors"''')
        .period(period)
        .every(every)
        .groupBy(time(1m), 'host')
var total = batch
    |query('SELECT count("value") FROM "telegraf"."autogen"."requests"')
        .period(period)
        .every(every)
errors
    |join(total)
        .as('errors', 'total')
    |eval(lambda: float("errors.count") / float("total.count") * 100.0, lambda: -1 * "x")
        .as('rate', 'neg')
    |alert()
        .warn(lambda: "rate" > warn AND !("host" =~ /^test-\\d+$/))
        .crit(lambda: ("rate" > 95.0 OR "rate" < 0) AND sigma("rate") > 3)
        .message('{{ .Level }}: it\\'s {{ index .Fields "rate" }}')
        .stateChangesOnly()
        @myudf(TRUE, [1, 2])
        .post('http://127.0.0.1:8080/api/v1/alerts/kapacitor')
`;

describe('TICKscript round trip', () => {
  it('keeps a documentation-style script with batch queries, joins, lambdas and a UDF', () => {
    expectRoundTrip(DOCS_STYLE, 'docs');
  });

  it('keeps every script rendered from the shipped alert definitions', async () => {
    const catalog = await loadCatalog(repoRoot);
    const scripts = renderCatalog(catalog, defaultRenderOptions({ targets: ['kapacitor'] })).filter(
      (a) => a.type === 'kapacitor-tickscript',
    );
    expect(scripts.length).toBeGreaterThan(10);
    for (const s of scripts) expectRoundTrip(s.content, s.path);
  });

  const name = fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,7}$/).filter((n) => !['var', 'lambda', 'dbrp'].includes(n));
  const str = fc
    .string({ unit: fc.constantFrom('a', ' ', "'", '"', '{', '.', 'é'), maxLength: 8 })
    .map((s) => ({ type: 'string' as const, raw: `'${s.replaceAll("'", "\\'")}'`, value: s, offset: 0 }));
  const literal: fc.Arbitrary<Expr> = fc.oneof(
    fc.nat(1000).map((n) => ({ type: 'number' as const, raw: String(n), offset: 0 })),
    fc.nat(1000).map((n) => ({ type: 'number' as const, raw: `${n}.5`, offset: 0 })),
    fc.constantFrom('10s', '5m', '1h').map((raw) => ({ type: 'duration' as const, raw, offset: 0 })),
    str,
    fc.boolean().map((value) => ({ type: 'bool' as const, value, offset: 0 })),
  );
  const lambdaBody: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small' },
      literal,
      name.map((n) => ({ type: 'reference' as const, raw: `"${n}"`, name: n, offset: 0 })),
      fc
        .record({
          op: fc.constantFrom('AND', 'OR', '==', '<', '>=', '+', '-', '*', '/'),
          left: tie('e'),
          right: tie('e'),
        })
        .map((b) => ({ type: 'binary' as const, ...b, offset: 0 })),
      tie('e').map((operand) => ({ type: 'unary' as const, op: '!' as const, operand, offset: 0 })),
      fc
        .record({ name: fc.constantFrom('sigma', 'float', 'abs'), args: fc.array(tie('e'), { maxLength: 2 }) })
        .map((c) => ({ type: 'call' as const, ...c, offset: 0 })),
    ),
  })).e;
  const arg: fc.Arbitrary<Expr> = fc.oneof(
    literal,
    name.map((n) => ({ type: 'identifier' as const, name: n, offset: 0 })),
    lambdaBody.map((body) => ({ type: 'lambda' as const, body, offset: 0 })),
    fc.array(str, { maxLength: 3 }).map((items) => ({ type: 'list' as const, items, offset: 0 })),
  );
  const chain: fc.Arbitrary<Expr> = fc
    .record({
      head: fc.constantFrom('stream', 'batch').map((n) => ({ type: 'identifier' as const, name: n, offset: 0 })),
      links: fc.array(
        fc
          .record({
            op: fc.constantFrom('|' as const, '.' as const, '@' as const),
            name,
            args: fc.array(arg, { maxLength: 3 }),
          })
          .map((l) => ({ ...l, offset: 0 })),
        { minLength: 1, maxLength: 6 },
      ),
    })
    .map((c) => ({ type: 'chain' as const, ...c, offset: 0 }));
  const statement: fc.Arbitrary<Statement> = fc.oneof(
    fc.record({ name, value: fc.oneof(literal, chain) }).map((v) => ({ type: 'var' as const, ...v, offset: 0 })),
    fc
      .record({ name, typeName: fc.constantFrom('string', 'float', 'duration') })
      .map((v) => ({ type: 'var-type' as const, ...v, offset: 0 })),
    chain.map((expr) => ({ type: 'expr' as const, expr, offset: 0 })),
  );

  it('parse(print(tree)) is the tree, for generated scripts (property)', () => {
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 5 }), (statements) => {
        const printed = printTickscript({ type: 'program', statements });
        const parsed = parseTickscript(printed);
        expect(parsed.errors, printed).toEqual([]);
        expect(shape(parsed.program), printed).toEqual(shape({ type: 'program', statements }));
      }),
      { numRuns: 300 },
    );
  });
});
