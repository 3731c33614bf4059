import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLogstash, plainValue, pluginsOf } from '../../../../src/lang/logstash/index.js';
import type { PlainValue } from '../../../../src/lang/logstash/index.js';

// Generated configs: print them, parse them, and get the same settings back.
const bareword = fc
  .stringMatching(/^[a-z_][a-z0-9_]{1,8}$/)
  .filter((w) => !['if', 'else', 'and', 'or', 'xor', 'nand', 'not', 'in'].includes(w));
const str = fc
  .string({
    unit: fc.constantFrom('a', 'b', ' ', '%', '{', '}', '[', ']', '/', '\\', 'é', '#', '=', '>', "'"),
    maxLength: 12,
  })
  .filter((s) => !s.endsWith('\\') && !s.includes('{{'));
const num = fc.integer({ min: -1000, max: 100000 });

const value: fc.Arbitrary<PlainValue> = fc.letrec<{ v: PlainValue }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    str,
    num,
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(bareword, tie('v'), { maxKeys: 3 }),
  ),
})).v;

function print(v: PlainValue): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return `"${v.replace(/"/g, '\\"')}"`;
  if (Array.isArray(v)) return `[${v.map(print).join(', ')}]`;
  return `{ ${Object.entries(v)
    .map(([k, x]) => `"${k}" => ${print(x)}`)
    .join(' ')} }`;
}

// The parser keeps strings raw (Logstash's default, no config.support_escapes): \" stays.
function raw(v: PlainValue): PlainValue {
  if (typeof v === 'string') return v.replace(/"/g, '\\"');
  if (Array.isArray(v)) return v.map(raw);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, raw(x)]));
  return v;
}

const plugin = fc.record({ name: bareword, settings: fc.array(fc.tuple(bareword, value), { maxLength: 4 }) });
const section = fc.record({
  kind: fc.constantFrom('input', 'filter', 'output'),
  plugins: fc.array(plugin, { maxLength: 3 }),
  guarded: fc.boolean(),
});

describe('parseLogstash (property)', () => {
  it('reads back every generated setting, in order, with no errors', () => {
    fc.assert(
      fc.property(fc.array(section, { minLength: 1, maxLength: 3 }), (sections) => {
        const text = sections
          .map((s) => {
            const plugins = s.plugins
              .map((p) => `  ${p.name} {\n${p.settings.map(([k, v]) => `    ${k} => ${print(v)}`).join('\n')}\n  }`)
              .join('\n');
            const body = s.guarded ? `  if [a][b] == "x" and !("t" in [tags]) {\n${plugins}\n  } else {\n  }` : plugins;
            return `# ${s.kind}\n${s.kind} {\n${body}\n}`;
          })
          .join('\n');
        const { config, errors } = parseLogstash(text);
        expect(errors).toEqual([]);
        const got = pluginsOf(config).map((u) => ({
          name: u.plugin.name,
          settings: u.plugin.attributes.map((a) => [a.name, plainValue(a.value)]),
        }));
        const want = sections.flatMap((s) =>
          s.plugins.map((p) => ({ name: p.name, settings: p.settings.map(([k, v]) => [k, raw(v)]) })),
        );
        expect(got).toEqual(want);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary text, and reports positions inside the text', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            'filter',
            'if',
            '{',
            '}',
            '[',
            ']',
            '"',
            "'",
            '=>',
            ' ',
            '\n',
            'a',
            '1',
            '#',
            '/',
            '!',
            '(',
            ')',
            '{{',
            '}}',
            'else',
          ),
          maxLength: 40,
        }),
        (text) => {
          const { errors } = parseLogstash(text);
          const lines = text.split('\n').length;
          for (const e of errors) {
            expect(e.line).toBeGreaterThanOrEqual(1);
            expect(e.line).toBeLessThanOrEqual(lines);
            expect(e.column).toBeGreaterThanOrEqual(1);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
