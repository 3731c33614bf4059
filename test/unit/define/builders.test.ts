import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ECS_BASE_FIELDS,
  alert,
  allOf,
  component,
  dashboard,
  deployAnnotation,
  deriveMappings,
  fieldEq,
  fieldMatches,
  grokStep,
  hasTag,
  hostSignals,
  hostVariable,
  indexTemplate,
  influx,
  intervalVariable,
  isCalvinError,
  logCount,
  logFilter,
  luceneAnyOf,
  luceneField,
  lucenePhrase,
  luceneTerm,
  mutateStep,
  parseTestSeriesKey,
  row,
  service,
  slack,
  stat,
  text,
  timeseries,
  withRunbooks,
} from '../../../src/index.js';
import type { AlertBuilder, LogFilterDef } from '../../../src/index.js';

const q = () => influx('system', 'cpu').select('usage_idle').mean();

function expectBad(fn: () => unknown, message: RegExp): void {
  try {
    fn();
  } catch (error) {
    expect(isCalvinError(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
    expect((error as { hint?: string }).hint).toBeTruthy();
    return;
  }
  throw new Error(`expected a CalvinError matching ${message}`);
}

describe('service builder', () => {
  it('builds plain data with defaults', () => {
    const s = service('artefacts', { title: 'Artefacts', owner: 'infra' })
      .aliases(['nexus'])
      .signals(hostSignals())
      .logs({ processNames: ['nexus'] })
      .build();
    expect(s).toMatchObject({
      kind: 'service',
      id: 'artefacts',
      consulName: 'artefacts',
      aliases: ['nexus'],
      logs: { indexPattern: 'logs-*', serviceNames: ['artefacts'], processNames: ['nexus'] },
    });
    expect(s.metrics.measurements).toEqual(['cpu', 'mem', 'disk', 'system']);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('declares dependencies once each, never on itself', () => {
    const s = service('logs', { title: 'Logstash', owner: 'infra' }).dependsOn('queue', 'documents', 'queue').build();
    expect(s.dependsOn).toEqual(['queue', 'documents']);
    expectBad(() => service('logs', { title: 't', owner: 'o' }).dependsOn('logs'), /depends on itself/);
  });

  it('rejects bad ids, self aliases, duplicate and inverted signals, bad URLs', () => {
    expectBad(() => service('Artefacts', { title: 't', owner: 'o' }), /kebab-case/);
    expectBad(() => service('a--b', { title: 't', owner: 'o' }), /kebab-case/);
    expectBad(() => service('a', { title: '', owner: 'o' }), /title is empty/);
    expectBad(() => service('a', { title: 't', owner: 'o' }).withAlias('a'), /own name/);
    const sig = hostSignals()[0]!;
    expectBad(() => service('a', { title: 't', owner: 'o' }).signals([sig, sig]), /two signals/);
    expectBad(
      () => service('a', { title: 't', owner: 'o' }).withSignal({ ...sig, warning: 99, critical: 90 }),
      /beyond critical/,
    );
    expectBad(() => service('a', { title: 't', owner: 'o' }).withRunbook('x', 'javascript:alert(1)'), /invalid URL/);
    expectBad(
      () => service('a', { title: 't', owner: 'o' }).logs({ serviceNames: [], processNames: [] }).build(),
      /no log selector/,
    );
  });
});

describe('dashboard builders', () => {
  const base = () =>
    dashboard('d-one', 'D')
      .withVariable(hostVariable())
      .withRow(row('R').withPanel(timeseries('cpu').withQuery(q())));

  it('nests builders, keeps sizes and leaves positions to the renderer', () => {
    const d = base().withPanel(stat('s').withQuery(q()).span(4)).build();
    expect(d.rows).toHaveLength(1);
    expect(d.rows[0]?.panels.map((p) => [p.type, p.width, p.height])).toEqual([
      ['timeseries', 12, 8],
      ['stat', 4, 4],
    ]);
    expect(JSON.stringify(d)).not.toMatch(/gridPos|"x"|"y"/);
  });

  it('rejects bad sizes, missing queries, wrong panel content and undefined variables', () => {
    expectBad(() => timeseries('t').width(25), /outside 1\.\.24/);
    expectBad(() => timeseries('t').height(0), /outside 1\.\.100/);
    expectBad(() => timeseries('t').build(), /has no query/);
    expectBad(() => text('t').build(), /no content/);
    expectBad(() => text('t').withQuery(q()), /takes no InfluxQL/);
    expectBad(() => timeseries('t').content('x'), /not a text panel/);
    expectBad(() => logCount('l').build(), /no log query/);
    expectBad(() => timeseries('t').logQuery({ query: 'x' }), /cannot hold a log query/);
    expectBad(() => timeseries('t').withThreshold(80, 'red').withThreshold(70, 'orange'), /does not ascend/);
    expectBad(() => dashboard('d', 'D').build(), /no panels/);
    expectBad(() => row('r').build(), /no panels/);
    expectBad(
      () =>
        dashboard('d', 'D')
          .withRow(row('r').withPanel(timeseries('t').withQuery(q().whereVariable('host'))))
          .build(),
      /uses \$host, which is not defined/,
    );
    expectBad(
      () =>
        dashboard('d', 'D')
          .withAnnotation(deployAnnotation({ environmentVariable: 'environment' }))
          .withPanel(timeseries('t').withQuery(q()))
          .build(),
      /annotation "Deploys" uses \$environment/,
    );
    expectBad(() => base().withVariable(hostVariable()), /two variables/);
    expectBad(() => intervalVariable('i', ['1m', 'often']), /not a duration/);
    expectBad(() => dashboard('d', 'D').refresh('soon'), /not a duration/);
  });

  it('deploy annotations read calvin_deploys', () => {
    const a = deployAnnotation({ environmentVariable: 'environment' });
    expect(a.query).toMatchObject({ database: 'services', measurement: 'calvin_deploys' });
    expect(a.query.select.map((s) => s.field)).toEqual(['what', 'who', 'commit']);
    expect(a.query.where).toEqual([
      { key: 'environment', op: '=~', value: { kind: 'variable', name: 'environment' }, join: 'AND' },
    ]);
  });
});

describe('alert builder', () => {
  const good = (): AlertBuilder =>
    alert('artefacts-disk-full', 'artefacts')
      .owner('infra')
      .from('system', 'disk')
      .field('used_percent')
      .aggregate('max')
      .threshold({ direction: 'above', warn: 80, crit: 90, warnReset: 75 })
      .message('m')
      .runbookFile('Disk full')
      .withHandler(slack('#ops'))
      .withTest({
        name: 't',
        series: { 'disk,host=n1,path=/ used_percent': '80+1x30' },
        expect: [{ at: '20m', level: 'CRITICAL', tags: { host: 'n1' } }],
      });

  it('builds with a derived name, runbook file and URL', () => {
    const a = good().build();
    expect(a.name).toBe('ArtefactsDiskFull');
    expect(a.runbook).toEqual({
      title: 'Disk full',
      markdown: '',
      url: 'runbooks/artefacts-disk-full.md',
      file: 'runbooks/artefacts-disk-full.md',
    });
    expect(a.query.groupBy).toEqual(['host']);
  });

  it('validates levels, hysteresis, durations, handlers and tests', () => {
    expectBad(() => good().threshold({ direction: 'above', warn: 95, crit: 90 }), /beyond crit/);
    expectBad(() => good().threshold({ direction: 'above', warn: 80, crit: 90, warnReset: 85 }), /healthy side/);
    expectBad(() => good().threshold({ direction: 'below', crit: 1, critReset: 0.5 }), /healthy side/);
    expectBad(() => good().for('5 minutes'), /not a duration/);
    expectBad(() => good().window('1m', '5m'), /longer than its/);
    expectBad(
      () => good().relative({ direction: 'above', shift: '1h', change: 'percent', warn: 300, crit: 200 }),
      /exceeds crit/,
    );
    expectBad(
      () => good().relative({ direction: 'below', shift: '1h', change: 'percent', warn: 50, crit: 80 }),
      /does not fit direction "below"/,
    );
    expectBad(
      () => good().relative({ direction: 'above', shift: '1h', change: 'absolute', crit: -5 }),
      /does not fit direction "above"/,
    );
    expectBad(() => good().withHandler({ type: 'email', to: ['not an address'] }), /invalid address/);
    expectBad(
      () => good().withTest({ name: 'x', series: { 'disk used percent': '1' }, expect: [{ at: '1m', level: 'OK' }] }),
      /malformed/,
    );
    expectBad(
      () =>
        good().withTest({
          name: 'x',
          series: { 'disk,host=a used_percent': '80+1y3' },
          expect: [{ at: '1m', level: 'OK' }],
        }),
      /bad item/,
    );
    expectBad(
      () =>
        good()
          .withTest({ name: 'x', series: { 'mem,host=a used_percent': '1' }, expect: [{ at: '1m', level: 'OK' }] })
          .build(),
      /feeds mem\.used_percent/,
    );
    expectBad(() => alert('a-b', 'svc').build(), /no owner/);
    expectBad(() => alert('a-b', 'svc').owner('o').from('s', 'm').field('f').message('m').build(), /no condition/);
    expectBad(() => alert('a-b', 'svc').name('not pascal'), /PascalCase/);
  });

  it('parses line-protocol series keys with escapes', () => {
    expect(parseTestSeriesKey('consul_health_checks,host=s1,check_name=Vault\\ Sealed\\ Status passing')).toEqual({
      measurement: 'consul_health_checks',
      tags: { host: 's1', check_name: 'Vault Sealed Status' },
      field: 'passing',
    });
    expect(parseTestSeriesKey('jvm_memory,host=n HeapMemoryUsage.used').field).toBe('HeapMemoryUsage.used');
  });

  it('withRunbooks sets every URL from one pattern', () => {
    const [a] = withRunbooks([good()], 'https://wiki.example/runbooks/{{id}}');
    expect(a?.runbook.url).toBe('https://wiki.example/runbooks/artefacts-disk-full');
    expectBad(() => withRunbooks([good()], 'https://wiki.example/'), /has no \{\{id\}\}/);
  });
});

describe('log filter builder', () => {
  const good = () =>
    logFilter('f-one', 'd')
      .match(allOf(hasTag('t'), fieldEq('process.name', 'x')))
      .withStep(mutateStep({ add: { a: 'b' } }))
      .withTest({ name: 't', input: { message: 'm' }, expect: { fields: { a: 'b' } } });

  it('builds plain data', () => {
    expect(good().build()).toMatchObject({ kind: 'log-filter', id: 'f-one', order: 50, match: { op: 'and' } });
  });

  it('rejects bad regexes, grok references, empty mutates, duplicate fields and tests, missing parts', () => {
    expectBad(() => fieldMatches('message', '('), /does not compile/);
    expectBad(() => grokStep('message', ['%{WORD:x'], {}), /malformed/);
    expectBad(() => grokStep('message', []), /no patterns/);
    expectBad(() => mutateStep({}), /does nothing/);
    expectBad(() => mutateStep({ convert: { a: 'date' as 'string' } }), /not supported/);
    expectBad(() => good().withField('a', 'keyword').withField('a', 'long'), /declares "a" twice \(keyword and long\)/);
    expectBad(() => good().withTest({ name: 't', input: {}, expect: { dropped: true } }), /two tests/);
    expectBad(() => good().withTest({ name: 'u', input: {}, expect: {} }), /expects nothing/);
    expectBad(
      () =>
        logFilter('f', 'd')
          .withStep(mutateStep({ add: { a: 'b' } }))
          .build(),
      /no match/,
    );
    expectBad(() => logFilter('f', 'd').order(1000), /outside 0\.\.999/);
  });
});

describe('index templates and deriveMappings', () => {
  const filter = (id: string, produces: LogFilterDef['produces']): LogFilterDef => ({
    kind: 'log-filter',
    id,
    description: '',
    order: 1,
    match: hasTag('x'),
    steps: [],
    produces,
    tests: [],
  });

  it('merges ECS base, filter fields and explicit mappings in sorted order', () => {
    const t = indexTemplate('logs-x', ['logs-*'])
      .ecsBase()
      .fromLogFilters(['*'])
      .withMapping('message', { type: 'match_only_text' })
      .build();
    const m = deriveMappings(t, [
      filter('b', [{ field: 'nexus.repo', type: 'keyword' }]),
      filter('a', [{ field: 'process.pid', type: 'long' }]),
    ]);
    expect(m['nexus.repo']).toEqual({ type: 'keyword', ignore_above: 1024 });
    expect(m.message).toEqual({ type: 'match_only_text' });
    expect(Object.keys(m)).toEqual([...Object.keys(m)].sort());
    for (const f of Object.keys(ECS_BASE_FIELDS)) expect(m[f]).toBeDefined();
  });

  it('throws on conflicting types, unknown filters and leaf/object clashes', () => {
    const t = indexTemplate('logs-x', ['logs-*']).ecsBase().fromLogFilters(['*']).build();
    expectBad(
      () => deriveMappings(t, [filter('a', [{ field: 'process.pid', type: 'keyword' }])]),
      /"process\.pid" is long in the ECS base but keyword in log filter "a"/,
    );
    expectBad(
      () =>
        deriveMappings(t, [
          filter('a', [{ field: 'x.y', type: 'long' }]),
          filter('b', [{ field: 'x.y', type: 'keyword' }]),
        ]),
      /log filter "a" but keyword in log filter "b"/,
    );
    expectBad(() => deriveMappings({ ...t, fromLogFilters: ['nope'] }, []), /does not exist/);
    expectBad(() => deriveMappings(t, [filter('a', [{ field: 'host', type: 'keyword' }])]), /parent of "host\.name"/);
  });

  it('validates priority, patterns and names', () => {
    expectBad(() => indexTemplate('t', ['logs-*']).priority(100).build(), /priority 100/);
    expectBad(() => indexTemplate('t', []), /no index patterns/);
    expectBad(() => indexTemplate('t', ['Logs-*']), /not valid/);
    expectBad(() => indexTemplate('t', ['logs-*']).name('Bad Name'), /not valid/);
    expectBad(() => indexTemplate('t', ['logs-*']).withComponent({ name: 'c' }).withComponent({ name: 'c' }), /twice/);
  });
});

describe('component bundles', () => {
  it('merges a service with its parts and fills in the service', () => {
    const defs = component({
      config: { crit: 90 },
      service: () => service('queue', { title: 'Q', owner: 'o' }),
      dashboards: () => [dashboard('queue-x', 'Q').withPanel(timeseries('t').withQuery(q()))],
    });
    expect(defs.map((d) => [d.kind, d.id])).toEqual([
      ['service', 'queue'],
      ['dashboard', 'queue-x'],
    ]);
    expect((defs[1] as { service?: string }).service).toBe('queue');
    expectBad(
      () =>
        component({
          config: {},
          service: () => service('queue', { title: 'Q', owner: 'o' }),
          dashboards: () => [dashboard('x', 'X').service('other').withPanel(timeseries('t').withQuery(q()))],
        }),
      /belongs to service "other"/,
    );
  });
});

describe('lucene escaping', () => {
  it('quotes values as phrases and escapes field names', () => {
    expect(luceneTerm('service.name', 'artefacts')).toBe('service.name:"artefacts"');
    expect(luceneAnyOf('log.level', ['error', 'warn'])).toBe('log.level:("error" OR "warn")');
    expect(luceneField('a:b c')).toBe('a\\:b\\ c');
    expectBad(() => luceneField('a<b'), /cannot be used/);
  });

  it('a phrase decodes back to its value and never ends early', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('"', '\\', 'a', ' ', ':', '*', '\n', 'é') }), (value) => {
        const phrase = lucenePhrase(value);
        let out = '';
        let i = 1;
        for (; i < phrase.length - 1; i++) {
          const ch = phrase[i] as string;
          if (ch === '\\') {
            out += phrase[i + 1];
            i++;
            continue;
          }
          expect(ch).not.toBe('"');
          out += ch;
        }
        expect(i).toBe(phrase.length - 1);
        expect(out).toBe(value);
      }),
    );
  });
});
