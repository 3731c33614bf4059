import { beforeAll, describe, expect, it } from 'vitest';
import type { LogFilterDef } from '../../../src/define/types.js';
import {
  checkLogCase,
  compileLogFilterDef,
  compileLogstashFilters,
  FilterConfigError,
  loadOniguruma,
} from '../../../src/logstash/index.js';
import type { LogEvent, RunResult } from '../../../src/logstash/index.js';
import { parseLogstash } from '../../../src/lang/logstash/index.js';

const NOW = new Date('2026-11-23T12:00:00Z');

beforeAll(async () => {
  await loadOniguruma();
});

function run(
  filter: string,
  input: LogEvent,
  options: { patternsDirs?: Record<string, Record<string, string>> } = {},
): RunResult {
  const { config, errors } = parseLogstash(`filter {\n${filter}\n}`);
  expect(errors).toEqual([]);
  const dirs = options.patternsDirs;
  const program = compileLogstashFilters(config, 'test.conf', dirs ? { loadPatternsDir: (d) => dirs[d] } : {});
  return program.run(input, { now: NOW });
}

function ok(filter: string, input: LogEvent): LogEvent {
  const r = run(filter, input);
  if (r.status !== 'ok') throw new Error(`not ok: ${JSON.stringify(r)}`);
  expect(r.dropped).toBe(false);
  return r.event;
}

describe('conditionals', () => {
  const tagIf = (cond: string, input: LogEvent): boolean =>
    (ok(`if ${cond} { mutate { add_tag => "hit" } }`, input).tags as string[] | undefined)?.includes('hit') ?? false;

  it.each([
    ['[a] == "x"', { a: 'x' }, true],
    ['[a] == "x"', { a: 'y' }, false],
    ['[n] == 5', { n: 5 }, true],
    ['[n] == 5', { n: '5' }, false],
    ['[a] != "x"', { a: 'y' }, true],
    ['[a] != "x"', {}, true],
    ['[n] > 3', { n: 4 }, true],
    ['[n] < 3', { n: 4 }, false],
    ['[n] >= 4', { n: 4 }, true],
    ['[n] <= 3', { n: 4 }, false],
    ['[s] > "a"', { s: 'b' }, true],
    ['[m] =~ /^err/', { m: 'error here' }, true],
    ['[m] =~ /^err/', { m: 'no error' }, false],
    ['[m] !~ /^err/', { m: 'no error' }, true],
    ['[m] =~ /\\d+/', { m: 12 }, true],
    ['"t" in [tags]', { tags: ['t'] }, true],
    ['"t" in [tags]', {}, false],
    ['"t" not in [tags]', {}, true],
    ['"t" not in [tags]', { tags: ['t'] }, false],
    ['[a] in ["x", "y"]', { a: 'y' }, true],
    ['[a] not in ["x", "y"]', { a: 'z' }, true],
    ['"ell" in [m]', { m: 'hello' }, true],
    ['[a][b]', { a: { b: 1 } }, true],
    ['[a][b]', { a: { c: 1 } }, false],
    ['[f]', { f: false }, false],
    ['![env]', {}, true],
    ['![env]', { env: 'dc1' }, false],
    ['!([a] and [b])', { a: 1 }, true],
    ['[a] and [b]', { a: 1, b: 1 }, true],
    ['[a] and [b]', { a: 1 }, false],
    ['[a] or [b]', { b: 1 }, true],
    ['[a] xor [b]', { a: 1, b: 1 }, false],
    ['[a] xor [b]', { a: 1 }, true],
    ['[a] nand [b]', { a: 1, b: 1 }, false],
    ['[a] nand [b]', { a: 1 }, true],
    ['[a] or [b] and [c]', { a: 1 }, true],
    ['([a] or [b]) and [c]', { a: 1 }, false],
    // String literals are interpolated with sprintf before the comparison, as Logstash does.
    ['"%{[a]}" == [b]', { a: 'x', b: 'x' }, true],
    ['"%{[a]}" == [b]', { a: 'x', b: 'y' }, false],
    ['[b] == "pre-%{a}"', { a: 'x', b: 'pre-x' }, true],
    ['[b] == "%{a}"', { b: '%{a}' }, true],
    ['"%{[a]}" in [tags]', { a: 't', tags: ['t'] }, true],
  ] as [string, LogEvent, boolean][])('%s on %j → %s', (cond, input, expected) => {
    expect(tagIf(cond, input)).toBe(expected);
  });

  it('takes the first matching branch of if / else if / else', () => {
    const f =
      'if [a] == 1 { mutate { add_field => { "b" => "one" } } } else if [a] == 2 { mutate { add_field => { "b" => "two" } } } else { mutate { add_field => { "b" => "other" } } }';
    expect(ok(f, { a: 1 }).b).toBe('one');
    expect(ok(f, { a: 2 }).b).toBe('two');
    expect(ok(f, { a: 3 }).b).toBe('other');
  });
});

describe('grok', () => {
  it('writes captures, adds tags on success and tags _grokparsefailure otherwise', () => {
    const f = 'grok { match => { "message" => "%{SYSLOGBASE} %{GREEDYDATA:msg}" } add_tag => ["parsed"] }';
    const e = ok(f, { message: 'Nov  3 09:15:02 build-01 sshd[12]: hello' });
    expect(e).toMatchObject({
      host: { hostname: 'build-01' },
      process: { name: 'sshd', pid: 12 },
      msg: 'hello',
      tags: ['parsed'],
    });
    expect(ok(f, { message: 'nope' }).tags).toEqual(['_grokparsefailure']);
    expect(ok(f, {}).tags).toEqual(['_grokparsefailure']);
  });

  it('appends to an existing field unless overwrite names it', () => {
    expect(
      ok('grok { match => { "message" => "%{WORD:message} %{GREEDYDATA}" } }', { message: 'hi there' }).message,
    ).toEqual(['hi there', 'hi']);
    expect(
      ok('grok { match => { "message" => "%{WORD:message} %{GREEDYDATA}" } overwrite => ["message"] }', {
        message: 'hi there',
      }).message,
    ).toBe('hi');
  });

  it('tries patterns in order and stops at the first match (break_on_match)', () => {
    const f = 'grok { match => { "message" => ["%{INT:n:int}", "%{WORD:w}"] } }';
    expect(ok(f, { message: 'abc' })).toMatchObject({ w: 'abc' });
    expect(ok(f, { message: '42 abc' })).toMatchObject({ n: 42 });
    expect(ok(f, { message: '42 abc' }).w).toBeUndefined();
    const all = 'grok { match => { "message" => ["%{INT:n:int}", "%{WORD:w}"] } break_on_match => false }';
    expect(ok(all, { message: '42 abc' })).toMatchObject({ n: 42, w: '42' });
  });

  it('accepts the legacy array form, custom tag_on_failure, pattern_definitions and target', () => {
    expect(ok('grok { match => ["message", "%{WORD:w}"] }', { message: 'x' }).w).toBe('x');
    expect(
      ok('grok { match => { "message" => "^%{INT}$" } tag_on_failure => ["bad"] }', { message: 'x' }).tags,
    ).toEqual(['bad']);
    expect(
      ok('grok { pattern_definitions => { "ID" => "[A-Z]{3}-\\d+" } match => { "message" => "%{ID:id}" } }', {
        message: 'ticket OPS-42',
      }).id,
    ).toBe('OPS-42');
    expect(ok('grok { match => { "message" => "%{WORD:w}" } target => "parsed" }', { message: 'x' }).parsed).toEqual({
      w: 'x',
    });
  });

  it('uses an existing patterns_dir, and fails as UNSUPPORTED for a missing one', () => {
    const f = 'grok { patterns_dir => ["./patterns"] match => { "message" => "%{MTS:pid}" } }';
    const found = run(f, { message: 'pid 77' }, { patternsDirs: { './patterns': { MTS: '\\d+' } } });
    expect(found).toMatchObject({ status: 'ok', event: { pid: '77' } });
    const missing = run(f, { message: 'pid 77' }, { patternsDirs: {} });
    expect(missing).toMatchObject({ status: 'unsupported' });
    if (missing.status === 'unsupported') expect(missing.reason).toMatch(/patterns_dir '.\/patterns' does not exist/);
  });

  it('evaluates ecs_compatibility: disabled uses the legacy capture names, v1/v8 the ECS ones', () => {
    const line = { message: 'Nov  3 09:15:02 build-01 sshd[12]: hello' };
    const legacy = ok('grok { ecs_compatibility => "disabled" match => { "message" => "%{SYSLOGLINE}" } }', line);
    expect(legacy).toMatchObject({
      logsource: 'build-01',
      program: 'sshd',
      pid: '12',
      message: ['Nov  3 09:15:02 build-01 sshd[12]: hello', 'hello'],
    });
    expect(legacy.process).toBeUndefined();
    expect(ok('grok { ecs_compatibility => "v8" match => { "message" => "%{SYSLOGBASE}" } }', line)).toMatchObject({
      process: { name: 'sshd', pid: 12 },
    });
    const access = ok('grok { ecs_compatibility => disabled match => { "message" => "%{COMMONAPACHELOG}" } }', {
      message: '10.0.0.1 - bob [03/Nov/2026:09:15:02 +0000] "GET /x HTTP/1.1" 200 12',
    });
    expect(access).toMatchObject({
      clientip: '10.0.0.1',
      auth: 'bob',
      verb: 'GET',
      request: '/x',
      response: '200',
      bytes: '12',
    });
    const { config } = parseLogstash(
      'filter { grok { ecs_compatibility => "v2" match => { "message" => "%{WORD:w}" } } }',
    );
    expect(() => compileLogstashFilters(config, 'f.conf')).toThrow(/ecs_compatibility must be one of disabled, v1, v8/);
  });

  it('checks the timeout settings and evaluates matches in time; an unevaluated setting names itself', () => {
    expect(
      ok(
        'grok { timeout_millis => 500 timeout_scope => "event" tag_on_timeout => "_slow" match => { "message" => "%{WORD:w}" } }',
        { message: 'x' },
      ).w,
    ).toBe('x');
    const { config } = parseLogstash(
      'filter { grok { timeout_millis => "soon" match => { "message" => "%{WORD:w}" } } }',
    );
    expect(() => compileLogstashFilters(config, 'f.conf')).toThrow(/timeout_millis must be a non-negative integer/);
    expect(ok('grok { named_captures_only => false match => { "message" => "%{WORD}" } }', { message: 'x' }).WORD).toBe(
      'x',
    );
    expect(ok('grok { named_captures_only => true match => { "message" => "%{WORD:w}" } }', { message: 'x' }).w).toBe(
      'x',
    );
    const glob = run(
      'grok { patterns_dir => ["./p"] patterns_files_glob => "*.grok" match => { "message" => "%{WORD:w}" } }',
      { message: 'x' },
      { patternsDirs: { './p': {} } },
    );
    expect(glob).toMatchObject({
      status: 'unsupported',
      reason: expect.stringMatching(/patterns_files_glob => "\*\.grok"/),
    });
    expect(ok('grok { patterns_files_glob => "*" match => { "message" => "%{WORD:w}" } }', { message: 'x' }).w).toBe(
      'x',
    );
  });

  it('merges repeated settings as Logstash does: lists concatenate, equal scalars stay one value', () => {
    // The corpus dhclient filter writes add_tag twice: both tags apply.
    expect(
      ok('grok { match => { "message" => "DHCPINFORM" } add_tag => "dhcp" add_tag => "dhcp-inform" }', {
        message: 'DHCPINFORM x',
      }).tags,
    ).toEqual(['dhcp', 'dhcp-inform']);
    expect(ok('json { source => "message" source => "message" }', { message: '{"a":1}' }).a).toBe(1);
  });

  it('checks ecs_compatibility of json and kv (it does not change what they write)', () => {
    expect(ok('json { source => "message" ecs_compatibility => "disabled" }', { message: '{"a":1}' }).a).toBe(1);
    expect(ok('kv { ecs_compatibility => "v8" tag_on_failure => "_kv" }', { message: 'a=1' }).a).toBe('1');
    const { config } = parseLogstash('filter { kv { ecs_compatibility => "v9" } }');
    expect(() => compileLogstashFilters(config, 'f.conf')).toThrow(/ecs_compatibility must be one of/);
  });

  it('stops compiling at an undefined pattern, naming it', () => {
    const { config } = parseLogstash('filter { grok { match => { "message" => "%{NOPE:x}" } } }');
    expect(() => compileLogstashFilters(config, 'f.conf')).toThrow(FilterConfigError);
    expect(() => compileLogstashFilters(config, 'f.conf')).toThrow(/%\{NOPE\} is not defined/);
  });

  it('never adds add_tag for a grok without match (what Logstash does with the corpus filters)', () => {
    expect(
      ok('grok { add_tag => ["logs.application.consul"] remove_tag => ["logs.linux.syslog"] }', {
        tags: ['logs.linux.syslog'],
      }).tags,
    ).toEqual(['logs.linux.syslog', '_grokparsefailure']);
  });
});

describe('mutate', () => {
  it('renames, updates, replaces, copies and adds fields with sprintf', () => {
    const e = ok(
      'mutate { rename => { "host" => "[host][name]" } update => { "missing" => "x" "level" => "%{level}!" } replace => { "r" => "%{[host][name]}-r" } copy => { "level" => "[log][level]" } add_field => { "f" => "%{[data][id]}" } }',
      { host: 'build-01', level: 'warn', data: { id: 7 } },
    );
    expect(e).toEqual({
      host: { name: 'build-01' },
      level: 'warn!',
      r: 'build-01-r',
      log: { level: 'warn!' },
      f: '7',
      data: { id: 7 },
    });
  });

  it('converts, changes case, strips, splits, joins, merges and coerces', () => {
    const e = ok(
      'mutate { convert => { "i" => "integer" "f" => "float" "b" => "boolean" "s" => "string" "arr" => "integer" } lowercase => ["lo"] uppercase => ["up"] capitalize => ["cap"] strip => ["st"] split => { "csv" => "," } join => { "list" => "|" } merge => { "dest" => "src" } coerce => { "nil" => "default" } }',
      {
        i: '42',
        f: '2.5',
        b: 'yes',
        s: 3,
        arr: ['1', '2'],
        lo: 'ABC',
        up: 'abc',
        cap: 'hELLO',
        st: '  x  ',
        csv: 'a,b',
        list: ['a', 'b'],
        dest: ['x'],
        src: 'y',
        nil: null,
      },
    );
    expect(e).toEqual({
      i: 42,
      f: 2.5,
      b: true,
      s: '3',
      arr: [1, 2],
      lo: 'abc',
      up: 'ABC',
      cap: 'Hello',
      st: 'x',
      csv: ['a', 'b'],
      list: 'a|b',
      dest: ['x', 'y'],
      src: 'y',
      nil: 'default',
    });
  });

  it('gsubs with Ruby regexes and back-references', () => {
    expect(
      ok('mutate { gsub => ["path", "/+", "/", "path", "^/(\\w+)", "[\\1]"] }', { path: '//srv///nexus' }).path,
    ).toBe('[srv]/nexus');
  });

  it('adds and removes tags and fields (common options)', () => {
    const e = ok(
      'mutate { add_tag => ["a", "b-%{x}"] remove_tag => ["old"] remove_field => ["[data][secret]", "gone"] add_field => { "multi" => "two" } }',
      {
        x: 1,
        tags: ['old', 'keep'],
        data: { secret: 's', kept: 1 },
        gone: 1,
        multi: 'one',
      },
    );
    expect(e).toEqual({ x: 1, tags: ['keep', 'a', 'b-1'], data: { kept: 1 }, multi: ['one', 'two'] });
  });

  it('merges repeated settings as Logstash does', () => {
    expect(ok('mutate { add_tag => "a" add_tag => "b" }', {}).tags).toEqual(['a', 'b']);
  });
});

describe('date', () => {
  it.each([
    ['ISO8601', '2026-11-23T10:15:02+01:00', '2026-11-23T09:15:02.000Z'],
    ['ISO8601', '2026-11-23 10:15:02,123', '2026-11-23T10:15:02.123Z'],
    ['UNIX', '1700000000', '2023-11-14T22:13:20.000Z'],
    ['UNIX', '1700000000.5', '2023-11-14T22:13:20.500Z'],
    ['UNIX_MS', '1700000000123', '2023-11-14T22:13:20.123Z'],
    ['dd/MMM/yyyy:HH:mm:ss Z', '23/Nov/2026:09:15:02 +0100', '2026-11-23T08:15:02.000Z'],
    ['yyyy-MM-dd HH:mm:ss.SSS', '2026-11-23 09:15:02.042', '2026-11-23T09:15:02.042Z'],
    ["yyyy-MM-dd'T'HH:mm:ssZZ", '2026-11-23T09:15:02-05:00', '2026-11-23T14:15:02.000Z'],
    ['MMM  d HH:mm:ss', 'Nov  3 09:15:02', '2026-11-03T09:15:02.000Z'],
    ['MMM dd HH:mm:ss', 'Dec 31 23:59:59', '2025-12-31T23:59:59.000Z'],
    ['EEE MMM dd HH:mm:ss yyyy', 'Mon Nov 23 09:15:02 2026', '2026-11-23T09:15:02.000Z'],
    ['MM/dd/yy hh:mm:ss a', '11/23/26 09:15:02 PM', '2026-11-23T21:15:02.000Z'],
  ])('%s parses %s', (format, text, iso) => {
    expect(ok(`date { match => ["t", "${format}"] }`, { t: text })['@timestamp']).toBe(iso);
  });

  it('applies timezone and target, tries formats in order, tags _dateparsefailure', () => {
    expect(
      ok('date { match => ["t", "yyyy-MM-dd HH:mm:ss"] timezone => "Europe/Amsterdam" }', { t: '2026-07-01 12:00:00' })[
        '@timestamp'
      ],
    ).toBe('2026-07-01T10:00:00.000Z');
    expect(
      ok('date { match => ["t", "yyyy-MM-dd HH:mm:ss"] timezone => "Europe/Amsterdam" }', { t: '2026-01-01 12:00:00' })[
        '@timestamp'
      ],
    ).toBe('2026-01-01T11:00:00.000Z');
    expect(
      ok('date { match => ["t", "UNIX", "ISO8601"] target => "[event][created]" }', { t: '2026-11-23T09:15:02Z' }),
    ).toMatchObject({ event: { created: '2026-11-23T09:15:02.000Z' } });
    const failed = ok('date { match => ["t", "ISO8601"] add_tag => ["dated"] }', { t: 'yesterday' });
    expect(failed.tags).toEqual(['_dateparsefailure']);
    expect(failed['@timestamp']).toBeUndefined();
  });

  it('formats %{+YYYY.MM.dd} from @timestamp', () => {
    expect(
      ok('mutate { add_field => { "index" => "logs-%{+YYYY.MM.dd}" } }', { '@timestamp': '2026-11-03T09:15:02.000Z' })
        .index,
    ).toBe('logs-2026.11.03');
  });

  it('rejects an unknown timezone when compiling', () => {
    const { config } = parseLogstash('filter { date { match => ["t", "ISO8601"] timezone => "Mars/Base" } }');
    expect(() => compileLogstashFilters(config, 'f.conf')).toThrow(/unknown timezone/);
  });
});

describe('json, kv and drop', () => {
  it('parses JSON into the event or a target, tags _jsonparsefailure', () => {
    expect(ok('json { source => "message" }', { message: '{"a":1,"b":{"c":"d"}}' })).toMatchObject({
      a: 1,
      b: { c: 'd' },
    });
    expect(ok('json { source => "message" target => "doc" }', { message: '[1,2]' }).doc).toEqual([1, 2]);
    expect(ok('json { source => "message" }', { message: '{bad' }).tags).toEqual(['_jsonparsefailure']);
    expect(ok('json { source => "message" }', { message: '"scalar"' }).tags).toEqual(['_jsonparsefailure']);
  });

  it('splits key=value pairs with options', () => {
    expect(ok('kv { }', { message: 'a=1 b="two words" c=[x y]' })).toMatchObject({ a: '1', b: 'two words', c: 'x y' });
    expect(
      ok(
        'kv { source => "q" field_split => "&" value_split => ":" target => "kv" include_keys => ["a", "c"] prefix => "p_" }',
        { q: 'a:1&b:2&c:3&a:4' },
      ).kv,
    ).toEqual({ p_a: ['1', '4'], p_c: '3' });
    expect(
      ok('kv { default_keys => { "a" => "0" "z" => "none" } allow_duplicate_values => false trim_value => "," }', {
        message: 'a=1, a=1, b=2',
      }),
    ).toMatchObject({ a: '1', b: '2', z: 'none' });
  });

  it('drops events, also inside a conditional', () => {
    expect(run('drop { }', { a: 1 })).toMatchObject({ status: 'ok', dropped: true });
    const f = 'if [level] == "debug" { drop { } } mutate { add_tag => ["kept"] }';
    expect(run(f, { level: 'debug' })).toMatchObject({ dropped: true });
    expect(run(f, { level: 'info' })).toMatchObject({ dropped: false, event: { tags: ['kept'] } });
  });
});

describe('unsupported plugins and settings', () => {
  it('fails as UNSUPPORTED when reached, and not when the branch is not taken', () => {
    const f = 'if [x] { geoip { source => "ip" } }';
    expect(run(f, { x: 1 })).toMatchObject({
      status: 'unsupported',
      reason: expect.stringMatching(/filter plugin 'geoip' is not evaluated/),
    });
    expect(run(f, {})).toMatchObject({ status: 'ok' });
    expect(run('mutate { nonsense => 1 }', {})).toMatchObject({
      status: 'unsupported',
      reason: expect.stringMatching(/mutate setting nonsense/),
    });
    expect(run('drop { percentage => 40 }', {})).toMatchObject({ status: 'unsupported' });
  });

  it('fails as UNSUPPORTED for consul-template directives between settings', () => {
    expect(run('mutate {\n {{ if .x }} add_tag => "a" {{ end }}\n}', {})).toMatchObject({ status: 'unsupported' });
  });

  it('evaluates the filter part of a stray top-level conditional', () => {
    const { config } = parseLogstash(
      'if "x" in [tags] { filter { mutate { add_tag => ["y"] } } output { stdout {} } }',
    );
    const p = compileLogstashFilters(config, 'out.conf');
    expect(p.run({ tags: ['x'] }, { now: NOW })).toMatchObject({ event: { tags: ['x', 'y'] } });
    expect(p.run({ tags: [] }, { now: NOW })).toMatchObject({ event: { tags: [] } });
  });
});

describe('typed log filters', () => {
  const def: LogFilterDef = {
    kind: 'log-filter',
    id: 'test-nexus',
    description: 'd',
    order: 20,
    match: {
      op: 'and',
      conditions: [
        { op: 'tag', tag: 'syslog' },
        { op: '==', field: 'process.name', value: 'nexus' },
      ],
    },
    steps: [
      {
        step: 'grok',
        field: 'message',
        patterns: ['%{TIMESTAMP_ISO8601:nexus.time} %{LOGLEVEL:log.level} +\\[%{DATA:thread}\\] %{GREEDYDATA:message}'],
        overwrite: ['message'],
      },
      { step: 'mutate', lowercase: ['log.level'], rename: { thread: 'process.thread.name' } },
      { step: 'date', field: 'nexus.time', formats: ['yyyy-MM-dd HH:mm:ss,SSSZ'] },
      { step: 'drop', when: { op: '==', field: 'log.level', value: 'debug' } },
      {
        step: 'when',
        condition: { op: 'in', field: 'log.level', values: ['warn', 'error'] },
        then: [{ step: 'mutate', addTags: ['attention'] }],
        else: [{ step: 'mutate', addTags: ['routine'] }],
      },
      { step: 'kv', field: 'message', fieldSplit: ' ', valueSplit: '=', target: 'kv', includeKeys: ['repo'] },
      { step: 'json', field: 'payload', target: 'body' },
    ],
    produces: [],
    tests: [],
  };
  let program: ReturnType<typeof compileLogFilterDef>;
  beforeAll(() => {
    program = compileLogFilterDef(def);
  });
  const line = (level: string, msg: string): LogEvent => ({
    tags: ['syslog'],
    process: { name: 'nexus' },
    message: `2026-11-23 09:15:02,123+0000 ${level}  [qtp-12] ${msg}`,
  });

  it('runs every step kind with dotted ECS names', () => {
    const r = program.run({ ...line('WARN', 'blob store full repo=maven-public'), payload: '{"a":1}' }, { now: NOW });
    expect(r).toMatchObject({
      status: 'ok',
      dropped: false,
      event: {
        '@timestamp': '2026-11-23T09:15:02.123Z',
        log: { level: 'warn' },
        process: { name: 'nexus', thread: { name: 'qtp-12' } },
        message: 'blob store full repo=maven-public',
        tags: ['syslog', 'attention'],
        kv: { repo: 'maven-public' },
        body: { a: 1 },
      },
    });
  });

  it('drops by condition, skips unmatched events, and checks expectations', () => {
    expect(program.run(line('DEBUG', 'x'), { now: NOW })).toMatchObject({ dropped: true });
    expect(program.run({ tags: ['other'], message: 'x' }, { now: NOW })).toMatchObject({
      event: { tags: ['other'], message: 'x' },
    });
    const pass = checkLogCase(
      program,
      {
        name: 'n',
        input: line('INFO', 'ok'),
        expect: {
          fields: { 'log.level': 'info', 'process.thread.name': 'qtp-12' },
          tags: ['routine', 'syslog'],
          absent: ['thread'],
        },
      },
      { now: NOW },
    );
    expect(pass).toEqual({ status: 'passed', problems: [] });
    const fail = checkLogCase(
      program,
      {
        name: 'n',
        input: line('INFO', 'ok'),
        expect: { fields: { 'log.level': 'warn', nope: 1 }, tags: ['syslog'], absent: ['message'], dropped: false },
      },
      { now: NOW },
    );
    expect(fail.status).toBe('failed');
    expect(fail.problems).toEqual([
      'field log.level is "info" (expected "warn")',
      'field nope is absent (expected 1)',
      'tags are ["routine","syslog"] (expected ["syslog"])',
      'field message should be absent but is "ok"',
    ]);
    expect(checkLogCase(program, { name: 'd', input: line('DEBUG', 'x'), expect: {} }, { now: NOW }).problems).toEqual([
      'the event was dropped',
    ]);
  });
});
