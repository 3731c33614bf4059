/** parse → print → parse gives the same tree: on the Calvinverse corpus, on calvin's own rendered
 * filters, and on generated configs. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { astShape } from '../../../helpers/ast-shape.js';
import { parseLogstash, printLogstash } from '../../../../src/lang/logstash/index.js';
import { loadCatalog } from '../../../../src/load/index.js';
import { renderLogstash } from '../../../../src/render/index.js';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const corpusFilters = path.resolve(
  repoRoot,
  '../shared/calvinverse-corpus/calvinverse.logs.filters/config/kv/config/services/logs/filters',
);

function shape(value: unknown): unknown {
  return astShape(value, ['loc', 'nameLoc', 'comments']);
}

function expectRoundTrip(text: string, label: string): void {
  const first = parseLogstash(text);
  const printed = printLogstash(first.config);
  const second = parseLogstash(printed);
  expect(
    second.errors.filter((e) => e.kind === 'syntax'),
    `${label}\n${printed}`,
  ).toEqual([]);
  expect(shape(second.config), label).toEqual(shape(first.config));
  expect(printLogstash(second.config), label).toBe(printed);
}

describe('Logstash round trip', () => {
  const files = readdirSync(corpusFilters).filter((f) => f.endsWith('.ctmpl'));

  it('keeps every Calvinverse corpus pipeline file', () => {
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expectRoundTrip(readFileSync(path.join(corpusFilters, file), 'utf8'), file);
  });

  it("keeps calvin's own rendered filters", async () => {
    const catalog = await loadCatalog(repoRoot);
    const artifacts = renderLogstash(catalog.logFilters).filter((a) => a.path.endsWith('.conf'));
    expect(artifacts.length).toBeGreaterThan(5);
    for (const a of artifacts) expectRoundTrip(a.content, a.path);
  });

  const word = fc
    .stringMatching(/^[a-z_][a-z0-9_]{0,7}$/)
    .filter((w) => !['if', 'else', 'and', 'or', 'xor', 'nand', 'not', 'in'].includes(w));
  const str = fc
    .string({ unit: fc.constantFrom('a', ' ', '%', '{', '}', '[', ']', '/', 'é', '#', '=', '>'), maxLength: 10 })
    // `{{` and `[[` open consul-template and fabio directives, which this generator does not model.
    .filter((s) => !/\{\{|\}\}|\[\[|\]\]/.test(s))
    .map((s) => `"${s}"`);
  const field = fc.array(word, { minLength: 1, maxLength: 3 }).map((parts) => parts.map((p) => `[${p}]`).join(''));
  const rvalue = fc.oneof(field, str, fc.integer({ min: 0, max: 999 }).map(String));
  const condition = fc.letrec<{ c: string }>((tie) => ({
    c: fc.oneof(
      { depthSize: 'small' },
      fc.tuple(field, fc.constantFrom('==', '!=', '<', '>='), rvalue).map(([a, op, b]) => `${a} ${op} ${b}`),
      fc.tuple(str, fc.constantFrom('in', 'not in'), field).map(([a, op, b]) => `${a} ${op} ${b}`),
      fc.tuple(field, fc.constantFrom('=~', '!~')).map(([a, op]) => `${a} ${op} /^a\\/b$/`),
      field,
      tie('c').map((c) => `!(${c})`),
      fc
        .tuple(tie('c'), fc.constantFrom('and', 'or', 'xor', 'nand'), tie('c'))
        .map(([a, op, b]) => `(${a}) ${op} (${b})`),
    ),
  })).c;
  const setting = fc.tuple(
    word,
    fc.oneof(
      str,
      fc.array(str, { maxLength: 3 }).map((a) => `[${a.join(', ')}]`),
    ),
  );
  const plugin = fc
    .tuple(word, fc.array(setting, { maxLength: 3 }))
    .map(([name, settings]) => `${name} { ${settings.map(([k, v]) => `${k} => ${v}`).join(' ')} }`);
  const statement = fc.letrec<{ s: string }>((tie) => ({
    s: fc.oneof(
      { depthSize: 'small' },
      plugin,
      fc
        .tuple(condition, fc.array(tie('s'), { maxLength: 2 }), fc.option(fc.array(tie('s'), { maxLength: 2 })))
        .map(([c, body, other]) => `if ${c} { ${body.join(' ')} }${other ? ` else { ${other.join(' ')} }` : ''}`),
    ),
  })).s;

  it('keeps generated configs (property)', () => {
    fc.assert(
      fc.property(fc.array(statement, { maxLength: 4 }), (body) => {
        const text = `filter { ${body.join('\n')} }`;
        expect(parseLogstash(text).errors, text).toEqual([]);
        expectRoundTrip(text, text);
      }),
      { numRuns: 300 },
    );
  });
});
