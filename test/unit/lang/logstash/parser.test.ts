import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filterStatements, parseLogstash, plainValue, pluginsOf, walk } from '../../../../src/lang/logstash/index.js';
import type { AnyNode, Branch, Comparison, Condition, Plugin, Section } from '../../../../src/lang/logstash/index.js';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const corpusFilters = path.resolve(
  repoRoot,
  '../shared/calvinverse-corpus/calvinverse.logs.filters/config/kv/config/services/logs/filters',
);

function firstSection(text: string): Section {
  const { config, errors } = parseLogstash(text);
  expect(errors).toEqual([]);
  const s = config.body[0];
  if (s?.type !== 'Section') throw new Error('no section');
  return s;
}

function condOf(text: string): Condition {
  const s = firstSection(`filter { if ${text} { drop {} } }`);
  const b = s.body[0] as Branch;
  const c = b.clauses[0]?.condition;
  if (!c) throw new Error('no condition');
  return c;
}

function shape(c: Condition): unknown {
  switch (c.type) {
    case 'Boolean':
      return [c.op, shape(c.left), shape(c.right)];
    case 'Not':
      return ['not', shape(c.operand)];
    case 'Truthy':
      return plainValue(c.value);
    case 'In':
      return [c.negated ? 'not in' : 'in', plainValue(c.left), plainValue(c.right)];
    default:
      return [c.op, plainValue(c.left), plainValue(c.right)];
  }
}

describe('parseLogstash: the corpus', () => {
  const files = readdirSync(corpusFilters).filter((f) => f.endsWith('.ctmpl'));

  it('finds the corpus pipeline files', () => {
    expect(files.length).toBe(29);
  });

  it.each(files)('parses %s without syntax errors', (file) => {
    const { config, errors } = parseLogstash(readFileSync(path.join(corpusFilters, file), 'utf8'));
    expect(errors.filter((e) => e.kind === 'syntax')).toEqual([]);
    expect(config.body.length).toBeGreaterThan(0);
    expect(pluginsOf(config).length).toBeGreaterThan(0);
  });

  it('reports the output files whose conditional stands outside any section', () => {
    const text = readFileSync(path.join(corpusFilters, 'output.elasticsearch.logs.syslog.ctmpl'), 'utf8');
    const { config, errors } = parseLogstash(text);
    expect(errors).toEqual([expect.objectContaining({ line: 1, column: 1, kind: 'outside-section' })]);
    // The sections inside the stray conditional are still parsed.
    expect(pluginsOf(config, 'output').map((u) => u.plugin.name)).toEqual(['elasticsearch']);
    expect(pluginsOf(config, 'filter').map((u) => u.plugin.name)).toEqual(['mutate']);
  });

  it("reports the '//' line in the ufw filter at its position", () => {
    const text = readFileSync(path.join(corpusFilters, 'filter.logs.linux.syslog.kernel.ufw.ctmpl'), 'utf8');
    const { errors } = parseLogstash(text);
    expect(errors).toEqual([expect.objectContaining({ line: 4, column: 13, kind: 'bad-comment' })]);
  });

  it('reads a lone {{ inside a string as text', () => {
    const { config, errors } = parseLogstash('filter { mutate { a => "x {{ y" } }');
    expect(errors).toEqual([]);
    expect(plainValue(pluginsOf(config)[0]!.plugin.attributes[0]!.value)).toBe('x {{ y');
  });

  it('keeps consul-template directives as Template nodes', () => {
    const text = readFileSync(path.join(corpusFilters, 'input.rabbitmq.logs.syslog.ctmpl'), 'utf8');
    const { config, errors } = parseLogstash(text);
    expect(errors).toEqual([]);
    const rabbit = pluginsOf(config, 'input')[0]?.plugin as Plugin;
    expect(rabbit.name).toBe('rabbitmq');
    expect(rabbit.templates.map((t) => t.inner)).toEqual([
      'with secret "rabbitmq/creds/readwrite.vhost.logs.syslog"',
      'if .Data.password',
      'end',
      'end',
    ]);
    const port = rabbit.attributes.find((a) => a.name === 'port')?.value;
    expect(port?.type).toBe('Template');
    const host = rabbit.attributes.find((a) => a.name === 'host')?.value;
    expect(host?.type).toBe('Array');
    if (host?.type === 'Array' && host.items[0]?.type === 'String') expect(host.items[0].templates).toHaveLength(2);
    expect(rabbit.attributes.map((a) => a.name)).toContain('password');
  });
});

describe('parseLogstash: values', () => {
  it('parses every value kind with positions', () => {
    const s = firstSection(
      [
        'filter {',
        '  mutate {',
        '    a => "dq \\" x"',
        "    b => 'sq'",
        '    c => -12.5',
        '    d => bare_word',
        '    e => [ "x", 1, [ "y" ] ]',
        '    f => { "k" => "v" n => 2 }',
        '    codec => json { charset => "UTF-8" }',
        '  }',
        '}',
      ].join('\n'),
    );
    const p = s.body[0] as Plugin;
    const values = Object.fromEntries(p.attributes.map((a) => [a.name, plainValue(a.value)]));
    expect(values).toEqual({
      a: 'dq \\" x',
      b: 'sq',
      c: -12.5,
      d: 'bare_word',
      e: ['x', 1, ['y']],
      f: { k: 'v', n: 2 },
      codec: { json: { charset: 'UTF-8' } },
    });
    expect(p.loc.start).toEqual({ line: 2, column: 3, offset: 11 });
    expect(p.attributes[2]?.value.loc.start).toMatchObject({ line: 5, column: 10 });
    expect(p.attributes[0]?.nameLoc.start).toMatchObject({ line: 3, column: 5 });
  });

  it('unescapes strings only with supportEscapes', () => {
    const text = 'filter { mutate { a => "x\\ty\\"z\\s" } }';
    const raw = parseLogstash(text).config.body[0] as Section;
    const esc = parseLogstash(text, { supportEscapes: true }).config.body[0] as Section;
    expect(plainValue((raw.body[0] as Plugin).attributes[0]!.value)).toBe('x\\ty\\"z\\s');
    expect(plainValue((esc.body[0] as Plugin).attributes[0]!.value)).toBe('x\ty"z\\s');
  });

  it('records comments and keeps repeated settings in order', () => {
    const { config, errors } = parseLogstash('# head\nfilter { # one\n grok { add_tag => "a" add_tag => "b" } }\n');
    expect(errors).toEqual([]);
    expect(config.comments.map((c) => c.text)).toEqual([' head', ' one']);
    const grok = pluginsOf(config)[0]!.plugin;
    expect(grok.attributes.map((a) => plainValue(a.value))).toEqual(['a', 'b']);
  });

  it('tolerates fabio [[ ]] directives but keeps nested arrays', () => {
    const { config, errors } = parseLogstash('filter { mutate { a => [[ .Name ]] b => [["x"]] } }');
    expect(errors).toEqual([]);
    const m = pluginsOf(config)[0]!.plugin;
    expect(m.attributes[0]?.value.type).toBe('Template');
    expect(plainValue(m.attributes[1]!.value)).toEqual([['x']]);
  });

  it('reads [[- ]] as a trimming directive but [[-1]] as a nested array of a negative number', () => {
    const { config, errors } = parseLogstash('filter { mutate { a => [[- .Name -]] b => [[-1]] } }');
    expect(errors).toEqual([]);
    const m = pluginsOf(config)[0]!.plugin;
    expect(m.attributes[0]?.value.type).toBe('Template');
    expect(plainValue(m.attributes[1]!.value)).toEqual([[-1]]);
  });
});

describe('parseLogstash: conditions', () => {
  it('parses comparison, regex, in and not in', () => {
    expect(shape(condOf('[a][b] == "x"'))).toEqual(['==', '[a][b]', 'x']);
    expect(shape(condOf('[n] >= 5'))).toEqual(['>=', '[n]', 5]);
    expect(shape(condOf('[n] < 5'))).toEqual(['<', '[n]', 5]);
    expect(shape(condOf('[m] =~ /^a\\/b/'))).toEqual(['=~', '[m]', '^a/b']);
    expect(shape(condOf('[m] !~ "x"'))).toEqual(['!~', '[m]', 'x']);
    expect(shape(condOf('"t" in [tags]'))).toEqual(['in', 't', '[tags]']);
    expect(shape(condOf('"t" not in [tags]'))).toEqual(['not in', 't', '[tags]']);
    expect(shape(condOf('[x] in ["a", "b"]'))).toEqual(['in', '[x]', ['a', 'b']]);
  });

  it('parses negation, parentheses and boolean precedence', () => {
    expect(shape(condOf('![env]'))).toEqual(['not', '[env]']);
    expect(shape(condOf('!([a] and [b])'))).toEqual(['not', ['and', '[a]', '[b]']]);
    expect(shape(condOf('not [a]'))).toEqual(['not', '[a]']);
    expect(shape(condOf('[a] or [b] and [c]'))).toEqual(['or', '[a]', ['and', '[b]', '[c]']]);
    expect(shape(condOf('([a] or [b]) and [c]'))).toEqual(['and', ['or', '[a]', '[b]'], '[c]']);
    expect(shape(condOf('[a] xor [b] nand [c]'))).toEqual(['xor', '[a]', ['nand', '[b]', '[c]']]);
    expect(shape(condOf('("dhcp" in [tags])'))).toEqual(['in', 'dhcp', '[tags]']);
  });

  it('parses if / else if / else chains', () => {
    const s = firstSection('filter { if [a] { drop {} } else if [b] == 1 { mutate {} } else { grok {} } }');
    const b = s.body[0] as Branch;
    expect(b.clauses.map((c) => c.keyword)).toEqual(['if', 'else if', 'else']);
    expect((b.clauses[1]?.condition as Comparison).op).toBe('==');
    expect(b.clauses[2]?.condition).toBeUndefined();
    expect(b.clauses.map((c) => (c.body[0] as Plugin).name)).toEqual(['drop', 'mutate', 'grok']);
  });
});

describe('parseLogstash: errors', () => {
  it.each([
    ['filter {\n  mutate {\n    a => \n  }\n}', 4, 3, /expected a value/],
    ['filter {\n  mutate {\n    a "x"\n  }\n}', 3, 7, /expected '=>'/],
    ['filter {\n  mutate { a => "x" }\n', 3, 1, /expected '}'/],
    ['filter {\n  if [a] == { drop {} }\n}', 2, 13, /expected a field reference/],
    ['filter {\n  mutate { a => "open }\n}', 2, 17, /unterminated string/],
    ['filter {\n  mutate { a => {{ x }\n}', 2, 17, /unterminated template/],
    ['bogus', 1, 1, /expected 'input', 'filter' or 'output'/],
    ['filter { else { drop {} } }', 1, 10, /'else' without/],
    ['filter { if [a] =~ 5 { drop {} } }', 1, 20, /regex/],
  ])('%j → line %i column %i', (text, line, column, message) => {
    const { errors } = parseLogstash(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line, column, kind: 'syntax' });
    expect(errors[0]?.message).toMatch(message);
  });

  it('reports a plugin outside any section and still parses it', () => {
    const { config, errors } = parseLogstash('\n  mutate { add_tag => "x" }\nfilter { drop {} }');
    expect(errors).toEqual([expect.objectContaining({ line: 2, column: 3, kind: 'outside-section' })]);
    expect(config.body.map((s) => s.type)).toEqual(['Plugin', 'Section']);
  });

  it('lifts filter sections out of a stray top-level conditional', () => {
    const { config } = parseLogstash('if [a] { filter { mutate {} } output { stdout {} } }');
    const stmts = filterStatements(config);
    expect(stmts).toHaveLength(1);
    const b = stmts[0] as Branch;
    expect((b.clauses[0]?.body[0] as Plugin).name).toBe('mutate');
  });

  it('gives every node a location inside the source', () => {
    const text = readFileSync(path.join(corpusFilters, 'filter.logs.linux.syslog.dhclient.ctmpl'), 'utf8');
    const { config } = parseLogstash(text);
    let count = 0;
    walk(config, (node: AnyNode) => {
      count++;
      expect(node.loc.start.offset).toBeLessThanOrEqual(node.loc.end.offset);
      expect(node.loc.end.offset).toBeLessThanOrEqual(text.length);
      expect(node.loc.start.line).toBeGreaterThanOrEqual(1);
    });
    expect(count).toBeGreaterThan(50);
  });
});
