import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  expandGrok,
  GrokError,
  GrokLibrary,
  loadOniguruma,
  parsePatternFile,
  STANDARD_PATTERNS,
} from '../../../../src/logstash/index.js';
import { fastPathAllowed, OnigMatcher } from '../../../../src/logstash/grok/engine.js';
import { OnigRegex } from '../../../../src/logstash/grok/regex.js';

let lib: GrokLibrary;
beforeAll(async () => {
  await loadOniguruma();
  lib = new GrokLibrary();
});

describe('expandGrok (pure)', () => {
  const lookup = (n: string): string | undefined => STANDARD_PATTERNS[n];

  it('turns each field into a numbered named group and keeps the field spec', () => {
    const e = expandGrok('%{INT:[process][pid]:int} %{WORD} %{NUMBER:took:float} %{WORD:process.name}', lookup);
    expect(e.captures).toEqual([
      { field: '[process][pid]', path: ['process', 'pid'], type: 'int', name: 'INT:[process][pid]:int' },
      { field: 'took', path: ['took'], type: 'float', name: 'NUMBER:took:float' },
      { field: 'process.name', path: ['process.name'], name: 'WORD:process.name' },
    ]);
    expect(e.regex).toContain('(?<_g0>');
    expect(e.regex).toContain('(?<_g2>');
    expect(e.usedPatterns).toEqual(['BASE10NUM', 'INT', 'NUMBER', 'WORD']);
  });

  it('names an undefined pattern', () => {
    expect(() => expandGrok('%{MTS:pid} x', lookup)).toThrow(GrokError);
    try {
      expandGrok('%{SYSLOGBASE} %{RRDOMAIN:d}', lookup);
    } catch (err) {
      expect((err as GrokError).patternName).toBe('RRDOMAIN');
      expect((err as Error).message).toBe('grok pattern %{RRDOMAIN} is not defined');
    }
  });

  it('reports self-reference, and ignores a type other than int and float as Logstash does', () => {
    expect(() => expandGrok('%{A}', (n) => ({ A: 'x%{B}', B: '%{A}' })[n])).toThrow(/refers to itself: A → B → A/);
    expect(expandGrok('%{INT:x:long}', lookup).captures).toEqual([{ field: 'x', path: ['x'], name: 'INT:x:long' }]);
  });

  it('renames inline named groups but not look-behinds, escapes or classes', () => {
    const e = expandGrok('(?<queue_id>[A-F0-9]+)(?<=x)\\(?<no>[(?<no2>])', lookup);
    expect(e.captures.map((c) => c.field)).toEqual(['queue_id']);
    expect(e.regex).toBe('(?m)(?<_g0>[A-F0-9]+)(?<=x)\\(?<no>[(?<no2>])');
  });
});

describe('Grok on Oniguruma', () => {
  it('captures ECS fields and converts :int and :float', () => {
    const g = lib.compile(
      '%{SYSLOGBASE} took %{NUMBER:[event][duration]:float}ms pid=%{INT:pid:int} %{GREEDYDATA:rest}',
    );
    expect(g.match('Nov  3 09:15:02 build-01 sshd[1234]: took 12.5ms pid=77 done')).toEqual({
      timestamp: 'Nov  3 09:15:02',
      '[host][hostname]': 'build-01',
      '[process][name]': 'sshd',
      '[process][pid]': 1234,
      '[event][duration]': 12.5,
      pid: 77,
      rest: 'done',
    });
  });

  it('nests captures for [a][b] names, and for dotted ECS names on request', () => {
    const g = lib.compile('%{INT:[process][pid]:int} %{WORD:process.name}');
    expect(g.matchNested('12 sshd')).toEqual({ process: { pid: 12 }, 'process.name': 'sshd' });
    expect(g.matchNested('12 sshd', { dotted: true })).toEqual({ process: { pid: 12, name: 'sshd' } });
    expect(g.matchNested('x')).toBeNull();
  });

  it('returns null when nothing matches and leaves out empty optional captures', () => {
    const g = lib.compile('%{WORD:a}(?: %{INT:b})?');
    expect(g.match('!!!')).toBeNull();
    expect(g.match('hello')).toEqual({ a: 'hello' });
  });

  it('uses custom definitions over standard ones and caches compiled expressions', () => {
    const custom = lib.extend({ RRDOMAIN: '[a-z.]+', WORD: 'x+' });
    expect(custom.compile('%{RRDOMAIN:d}').match('example.com')).toEqual({ d: 'example.com' });
    expect(custom.compile('%{WORD:w}').match('aaxxb')).toEqual({ w: 'xx' });
    expect(custom.compile('%{WORD:w}')).toBe(custom.compile('%{WORD:w}'));
  });

  it('reports a regex that Oniguruma rejects', () => {
    expect(() => lib.compile('(?<broken')).toThrow(/does not compile/);
  });

  it('handles non-ASCII text with UTF-16 offsets', () => {
    const g = lib.compile('user=%{DATA:user} msg=%{GREEDYDATA:msg}');
    expect(g.match('ünïcode user=jörg msg=größe 😀 ok')).toEqual({ user: 'jörg', msg: 'größe 😀 ok' });
  });

  it('gives the same captures on the fast path and the public API path (property)', () => {
    const expr = '%{WORD:w}(?: %{INT:n:int})?(?: %{GREEDYDATA:rest})?';
    const { regex, captures } = lib.expand(expr);
    const fast = new OnigMatcher(regex, captures.length);
    const slow = new OnigMatcher(regex, captures.length, { fastPath: false });
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '1', '2', 'é', '-', '😀'), maxLength: 24 }),
        (text) => {
          const a = fast.exec(text);
          const as = [...fast.starts];
          const ae = [...fast.ends];
          const b = slow.exec(text);
          expect(a).toBe(b);
          if (a) {
            const norm = (s: number[], e: number[]): string[] =>
              s.map((x, i) => (x < 0 || (e[i] as number) <= x ? '' : text.slice(x, e[i])));
            expect(norm(as, ae)).toEqual(norm([...slow.starts], [...slow.ends]));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('takes the private fast path only on the vscode-oniguruma version it was checked against', () => {
    expect(fastPathAllowed('2.0.1')).toBe(true);
    expect(fastPathAllowed('2.0.2')).toBe(false);
    expect(fastPathAllowed('3.0.0')).toBe(false);
  });

  it('matches long lines and alternates between texts without mixing them up', () => {
    const g = lib.compile('id=%{INT:id:int}');
    const long = `${'x'.repeat(200_000)} id=42`;
    expect(g.match(long)).toEqual({ id: 42 });
    expect(g.match('id=7')).toEqual({ id: 7 });
    expect(g.match(long)).toEqual({ id: 42 });
    expect(lib.compile('%{WORD:w}').match('id=7')).toEqual({ w: 'id' });
  });

  it('parses pattern files', () => {
    expect(parsePatternFile('# comment\nMTS %{INT}\n\nRRDOMAIN [a-z.]+ \n')).toEqual({
      MTS: '%{INT}',
      RRDOMAIN: '[a-z.]+',
    });
  });
});

describe('OnigRegex', () => {
  it('replaces all matches with Ruby back-references', () => {
    expect(OnigRegex.of('(\\w+)@(\\w+)').replaceAll('a@b c@d', '\\2@\\1')).toBe('b@a d@c');
    expect(OnigRegex.of('\\s+').replaceAll(' a  b ', '_')).toBe('_a_b_');
    expect(OnigRegex.of('x*').replaceAll('abc', '-')).toBe('-a-b-c-');
    expect(OnigRegex.of('é').replaceAll('café é', 'e')).toBe('cafe e');
  });
});
