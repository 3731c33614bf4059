/**
 * The grok cases of issues 12 and 19 ("Why"), one test each, named after the case: each failed on
 * the engine and pattern set calvin had before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLogstash } from '../../../../src/lang/logstash/index.js';
import { compileLogstashFilters, GrokLibrary, loadOniguruma, stopGrokGuard } from '../../../../src/logstash/index.js';
import type { LogEvent } from '../../../../src/logstash/index.js';

let ecs: GrokLibrary;
let legacy: GrokLibrary;
beforeAll(async () => {
  await loadOniguruma();
  ecs = new GrokLibrary();
  legacy = new GrokLibrary({ set: 'legacy' });
});
afterAll(() => stopGrokGuard());

function filter(config: string, message: string): LogEvent {
  const { config: ast, errors } = parseLogstash(`filter {\n${config}\n}`);
  expect(errors).toEqual([]);
  const result = compileLogstashFilters(ast, 'semantics.conf').run({ message }, { now: new Date('2026-12-06Z') });
  if (result.status !== 'ok') throw new Error(result.reason);
  return result.event;
}

describe('issue 19: calvin test equals Logstash on its own pattern suite', () => {
  it('HTTPDATE accepts 04/Mai/2015: Logstash MONTH includes German month names', () => {
    expect(ecs.compile('%{HTTPDATE}').test('04/Mai/2015:13:17:15 +0200')).toBe(true);
    expect(ecs.compile('%{HTTPDATE}').test('04/Map/2015:13:17:15 +0200')).toBe(false);
  });

  it('SYSLOGLINE makes the program optional (SYSLOGBASE2), and the host too in ECS mode', () => {
    const line = 'Mar 16 00:01:25 evita connect from camomile.cloud9.net[168.100.1.3]';
    expect(legacy.compile('^%{SYSLOGLINE}$').match(line)).toMatchObject({ logsource: 'evita' });
    expect(ecs.compile('^%{SYSLOGLINE}$').test('Mar 16 00:01:25 message without a host or program')).toBe(true);
  });

  it('UNIXPATH takes non-ASCII letters: Logstash uses [[:alnum:]]', () => {
    expect(ecs.compile('^%{UNIXPATH:p}$').match('/home/jörg/größe')).toEqual({ p: '/home/jörg/größe' });
  });

  it('the ECS EMAILADDRESS rejects a local part over 64 characters', () => {
    expect(ecs.compile('^%{EMAILADDRESS}$').test(`${'a'.repeat(64)}@example.com`)).toBe(true);
    expect(ecs.compile('^%{EMAILADDRESS}$').test(`${'a'.repeat(65)}@example.com`)).toBe(false);
  });

  it('dot-matches-newline: HTTPD_ERRORLOG and Tomcat traces are not cut at the first newline', () => {
    const g = ecs.compile('%{GREEDYDATA:all}');
    expect(g.match('line one\nline two')).toEqual({ all: 'line one\nline two' });
  });

  it('inline named groups with field references compile: (?<[dns][question][class]>IN)', () => {
    const g = ecs.compile('(?<[dns][question][class]>IN) %{WORD:[dns][question][type]}');
    expect(g.matchNested('IN AAAA')).toEqual({ dns: { question: { class: 'IN', type: 'AAAA' } } });
  });

  it('%{POSINT:[apache][error][proxy][error][code]?}: the text after the field reference is ignored', () => {
    const g = ecs.compile('\\(%{POSINT:[apache][error][proxy][error][code]?}\\)');
    expect(g.matchNested('(70008)')).toEqual({ apache: { error: { proxy: { error: { code: '70008' } } } } });
  });

  it('%{NAGIOSLOGLINE - CURRENT HOST STATE} reads as %{NAGIOSLOGLINE}', () => {
    const g = ecs.compile('%{NAGIOSLOGLINE - CURRENT HOST STATE}');
    expect(
      g.test('[1427925600] CURRENT HOST STATE: nagioshost;UP;HARD;1;PING OK - Packet loss = 0%, RTA = 2.24 ms'),
    ).toBe(true);
  });

  it('@metadata captures are hidden from the event output', () => {
    const event = filter('grok { match => { "message" => "%{WORD:[@metadata][verb]} %{WORD:path}" } }', 'GET index');
    expect(event).toEqual({ message: 'GET index', path: 'index' });
    const routed = filter(
      'grok { match => { "message" => "%{WORD:[@metadata][verb]}" } } if [@metadata][verb] == "GET" { mutate { add_tag => "read" } }',
      'GET',
    );
    expect(routed).toEqual({ message: 'GET', tags: ['read'] });
  });

  it('type coercion as Ruby: :int takes the leading integer, :float the leading number', () => {
    const g = ecs.compile('%{NOTSPACE:a:int} %{NOTSPACE:b:float} %{NOTSPACE:c:int}');
    expect(g.match('1_000x 2.5e1s abc')).toEqual({ a: 1000, b: 25, c: 0 });
  });
});

describe('issue 12: grok timeout', () => {
  const catastrophic = `${'a'.repeat(100_000)}!`;
  const config = (millis: string): string =>
    `grok { timeout_millis => ${millis} match => { "message" => ["(?<x>(a+)+)$", "%{WORD:word}"] } }`;

  it('Grok has no timeout: (?<x>(a+)+)$ against 100,000 a took 65 s; Logstash tags _groktimeout', () => {
    const event = filter(config('100'), catastrophic);
    expect(event.tags).toEqual(['_groktimeout']);
    expect(event.x).toBeUndefined();
    // The next event gets a fresh worker and matches as usual.
    expect(filter(config('100'), 'hello')).toEqual({ message: 'hello', word: 'hello' });
  });

  it('tag_on_timeout names the tag; timeout_scope => event bounds all patterns of the event together', () => {
    const tagged = filter(
      `grok { timeout_millis => 100 timeout_scope => "event" tag_on_timeout => "_slow" match => { "message" => "(?<x>(a+)+)$" } }`,
      catastrophic,
    );
    expect(tagged.tags).toEqual(['_slow']);
  });
});

describe('issue 12: calvin test differs from Logstash (grok)', () => {
  it('Only 81 standard grok patterns exist, so HTTPD_COMMONLOG, JAVASTACKTRACEPART, SYSLOG5424LINE, CATALINALOG, HAPROXYHTTP make a valid config fail', () => {
    for (const lib of [ecs, legacy])
      for (const name of ['HTTPD_COMMONLOG', 'JAVASTACKTRACEPART', 'SYSLOG5424LINE', 'CATALINALOG', 'HAPROXYHTTP'])
        expect(() => lib.compile(`%{${name}}`)).not.toThrow();
  });

  it('\\k<name> after %{…} fails to compile', () => {
    const g = ecs.compile(`(?<q>["'])%{DATA:value}\\k<q> end`);
    expect(g.match(`'it" is' end`)).toEqual({ q: "'", value: 'it" is' });
  });

  it("The library's Grok.match keeps only the first of two same-name captures", () => {
    const g = ecs.compile('%{WORD:name} %{INT:n} %{WORD:name}');
    expect(g.match('alpha 1 beta')).toEqual({ name: ['alpha', 'beta'], n: '1' });
    const event = filter('grok { match => { "message" => "%{WORD:name} %{INT:n} %{WORD:name}" } }', 'alpha 1 beta');
    expect(event.name).toEqual(['alpha', 'beta']);
  });
});
