import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FilterStep, LogCondition, LogFilterDef } from '../../../src/define/types.js';
import {
  canWriteLogstashString,
  logstashFieldRef,
  logstashRegex,
  logstashString,
  readLogstashString,
  renderLogCondition,
  renderLogstash,
  renderLogstashFilter,
} from '../../../src/render/index.js';
import { fixtureCatalog } from '../../fixtures/render/catalog.js';

/** Every quoted string literal in a config, read the way Logstash's grammar reads them. */
function stringLiterals(config: string): string[] {
  const values: string[] = [];
  let i = 0;
  while (i < config.length) {
    const ch = config[i];
    if (ch === '#') {
      const end = config.indexOf('\n', i);
      i = end === -1 ? config.length : end;
    } else if (ch === '/' && /=~\s*$|!~\s*$/.test(config.slice(Math.max(0, i - 4), i))) {
      let j = i + 1;
      while (j < config.length && config[j] !== '/') j += config[j] === '\\' ? 2 : 1;
      i = j + 1;
    } else if (ch === '"' || ch === "'") {
      const literal = readLogstashString(config, i);
      if (literal === undefined) throw new Error(`unterminated string at ${i}`);
      values.push(literal.value);
      i = literal.end;
    } else i += 1;
  }
  return values;
}

/** Every string value a filter definition carries into its config (field names as references). */
function modelStrings(filter: LogFilterDef): string[] {
  const out: string[] = [];
  const fieldName = (f: string): string => (f.includes('.') ? logstashFieldRef(f) : f);
  const condition = (c: LogCondition): void => {
    if (c.op === 'tag') out.push(c.tag);
    else if (c.op === '==' || c.op === '!=') {
      if (typeof c.value === 'string') out.push(c.value);
    } else if (c.op === 'in' || c.op === 'not in') out.push(...c.values);
    else if (c.op === 'and' || c.op === 'or') c.conditions.forEach(condition);
    else if (c.op === 'not') condition(c.condition);
  };
  const step = (s: FilterStep): void => {
    switch (s.step) {
      case 'grok':
        out.push(
          fieldName(s.field),
          ...s.patterns,
          ...Object.entries(s.patternDefinitions ?? {}).flat(),
          ...(s.tagOnFailure ?? []),
        );
        break;
      case 'kv':
        out.push(fieldName(s.field), s.fieldSplit, s.valueSplit, ...(s.includeKeys ?? []));
        if (s.prefix !== undefined) out.push(s.prefix);
        break;
      case 'date':
        out.push(fieldName(s.field), ...s.formats);
        if (s.timezone !== undefined) out.push(s.timezone);
        break;
      case 'mutate':
        out.push(
          ...Object.values(s.add ?? {}),
          ...(s.addTags ?? []),
          ...(s.removeTags ?? []),
          ...(s.gsub ?? []).flatMap((g) => [g.pattern, g.replacement]),
        );
        break;
      case 'drop':
        if (s.when !== undefined) condition(s.when);
        break;
      case 'when':
        condition(s.condition);
        s.then.forEach(step);
        (s.else ?? []).forEach(step);
        break;
      case 'json':
        break;
    }
  };
  condition(filter.match);
  filter.steps.forEach(step);
  return out;
}

describe('logstash string literals', () => {
  it('read back to the value for every writable string, and only unwritable strings throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 40 }), (value) => {
        if (!canWriteLogstashString(value)) {
          expect(() => logstashString(value)).toThrow(/cannot write/);
          return;
        }
        const literal = logstashString(value);
        const read = readLogstashString(`${literal} }`, 0);
        expect(read).toEqual({ value, end: literal.length });
      }),
      { numRuns: 1000 },
    );
  });

  it('chooses the quote the value does not contain', () => {
    expect(logstashString('say "hi"')).toBe(`'say "hi"'`);
    expect(logstashString("it's")).toBe(`"it's"`);
    expect(logstashString('\\d+ \\[x\\]')).toBe('"\\d+ \\[x\\]"');
    expect(() => logstashString(`both " and '`)).toThrow();
    expect(() => logstashString('odd trailing \\')).toThrow();
    expect(logstashString('even trailing \\\\')).toBe('"even trailing \\\\"');
  });

  it('every string literal in the rendered filters unescapes to a model value, and every model value appears', () => {
    for (const filter of fixtureCatalog().logFilters) {
      const config = renderLogstashFilter(filter);
      const literals = stringLiterals(config);
      const expected = modelStrings(filter);
      for (const value of expected) expect(literals, `${filter.id}: ${value}`).toContain(value);
    }
  });

  it('renders arbitrary tag, field values and patterns as literals that read back exactly', () => {
    const writable = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 }).filter(canWriteLogstashString);
    fc.assert(
      fc.property(writable, writable, writable, (tag, value, pattern) => {
        const filter: LogFilterDef = {
          kind: 'log-filter',
          id: 'prop',
          description: 'property',
          order: 1,
          match: {
            op: 'and',
            conditions: [
              { op: 'tag', tag },
              { op: '==', field: 'a.b', value },
            ],
          },
          steps: [
            { step: 'grok', field: 'message', patterns: [pattern] },
            { step: 'mutate', add: { 'x.y': value }, addTags: [tag] },
          ],
          produces: [],
          tests: [],
        };
        const literals = stringLiterals(renderLogstashFilter(filter));
        for (const v of [tag, value, pattern]) expect(literals).toContain(v);
      }),
      { numRuns: 300 },
    );
  });
});

describe('logstash conditions and fields', () => {
  it('turns dotted ECS names into field references', () => {
    expect(logstashFieldRef('host.name')).toBe('[host][name]');
    expect(logstashFieldRef('@timestamp')).toBe('[@timestamp]');
    expect(logstashFieldRef('[log][level]')).toBe('[log][level]');
    expect(() => logstashFieldRef('a..b')).toThrow();
    expect(() => logstashFieldRef('a[0]')).toThrow();
  });

  it('renders the condition tree as a Logstash conditional', () => {
    const condition: LogCondition = {
      op: 'and',
      conditions: [
        { op: '==', field: 'program', value: 'nexus' },
        { op: 'tag', tag: 'logs.linux.syslog' },
        {
          op: 'or',
          conditions: [
            { op: '=~', field: 'log.level', pattern: 'err/or' },
            { op: 'not in', field: 'x', values: ['a', 'b'] },
          ],
        },
        { op: 'not', condition: { op: 'exists', field: 'event.original' } },
        { op: 'not', condition: { op: '!=', field: 'process.pid', value: 42 } },
      ],
    };
    expect(renderLogCondition(condition)).toBe(
      '[program] == "nexus" and "logs.linux.syslog" in [tags] and ([log][level] =~ /err\\/or/ or [x] not in ["a", "b"]) and ![event][original] and !([process][pid] != 42)',
    );
  });

  it('escapes bare slashes in regexes and keeps existing escapes', () => {
    expect(logstashRegex('a/b\\/c\\d')).toBe('/a\\/b\\/c\\d/');
    expect(() => logstashRegex('trailing\\')).toThrow();
  });
});

describe('logstash artifacts', () => {
  const artifacts = renderLogstash(fixtureCatalog().logFilters);

  it('writes filters in order, as files and as Calvinverse KV keys', () => {
    const kv = artifacts.filter((a) => a.type === 'logstash-kv').map((a) => a.name);
    expect(kv).toEqual([
      'config/services/logs/filters/filter.calvin.0010.syslog-base',
      'config/services/logs/filters/filter.calvin.0200.nexus-request-log',
      'config/services/logs/filters/input.calvin.rabbitmq.logs.syslog',
      'config/services/logs/filters/input.calvin.rabbitmq.logs.builds',
      'config/services/logs/filters/output.calvin.elasticsearch.logs',
    ]);
    expect(artifacts.filter((a) => a.type === 'logstash-pipeline').map((a) => a.path)).toContain(
      'logstash/filters/0200-nexus-request-log.conf',
    );
  });

  it('keeps the consul-template placeholders of the Calvinverse input and writes daily logs-<area>-<app> indices', () => {
    const input = artifacts.find((a) => a.name === 'input.calvin.rabbitmq.logs.syslog')?.content ?? '';
    expect(input).toContain('{{ keyOrDefault "config/services/queue/logs/syslog/queue" "not-a-queue" }}');
    expect(input).toContain('{{ with secret "rabbitmq/creds/readwrite.vhost.logs.syslog" }}');
    const output = artifacts.find((a) => a.name === 'output.calvin.elasticsearch.logs')?.content ?? '';
    expect(output).toContain('index => "%{[@metadata][calvin_index]}-%{+YYYY.MM.dd}"');
    expect(output).toContain('"logs-application-%{[service][name]}"');
    expect(output).not.toMatch(/^if /m);
  });

  it('gives every plugin a unique id', () => {
    const ids = artifacts
      .filter((a) => a.type === 'logstash-pipeline')
      .flatMap((a) => [...a.content.matchAll(/id => "([^"]+)"/g)].map((m) => m[1]));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
