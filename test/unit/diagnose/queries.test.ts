import { describe, expect, it } from 'vitest';
import { errorSampleBody, logSearchBody, planWindows, signalQueries } from '../../../src/diagnose/queries.js';
import { hostSignals } from '../../../src/diagnose/signals.js';
import { logFields } from './fixtures.js';

const windows = planWindows(new Date('2026-11-23T11:00:30Z'), 3_600_000);

describe('planWindows', () => {
  it('aligns the window to whole buckets and puts the baseline right before it', () => {
    expect(windows).toEqual({
      window: { from: '2026-11-23T10:00:00Z', to: '2026-11-23T11:00:30Z' },
      baseline: { from: '2026-11-23T05:55:00Z', to: '2026-11-23T10:00:00Z' },
      bucketMs: 60_000,
      baselineBucketMs: 300_000,
    });
  });
});

describe('signalQueries', () => {
  it('asks for every instance at once, per time bucket and host, window and baseline', () => {
    const [disk] = hostSignals('system').filter((s) => s.name === 'disk.used_percent');
    const queries = signalQueries(disk ? [disk] : [], ['nexus-01', 'nexus-02'], windows);
    expect(queries.map((q) => q.text)).toEqual([
      `SELECT max("used_percent") FROM "disk" WHERE "host" =~ /^(?:nexus-01|nexus-02)$/ AND time >= '2026-11-23T10:00:00Z' AND time < '2026-11-23T11:00:30Z' GROUP BY time(60s), "host", "path" fill(none)`,
      `SELECT max("used_percent") FROM "disk" WHERE "host" =~ /^(?:nexus-01|nexus-02)$/ AND time >= '2026-11-23T05:55:00Z' AND time < '2026-11-23T10:00:00Z' GROUP BY time(300s), "host", "path" fill(none)`,
    ]);
  });

  it('escapes hostile host names and tag values instead of breaking out of the query', () => {
    const signal = { ...hostSignals('sys"tem')[0]!, where: { cpu: "cpu-total' OR 1=1 --" } };
    const [q] = signalQueries([signal], ["evil'/ OR /.*/", 'a.b|c$'], windows);
    expect(q?.text).toContain(String.raw`"host" =~ /^(?:evil'\/ OR \/\.\*\/|a\.b\|c\$)$/`);
    expect(q?.text).toContain(String.raw`"cpu" = 'cpu-total\' OR 1=1 --'`);
  });
});

describe('logSearchBody', () => {
  it('is aggregations only, filtered by the instances and the log selector', () => {
    const fields = logFields({ pid: null });
    // Former hosts have a search of their own (changes-query.test.ts): the scope is the instances' hosts alone.
    const body = logSearchBody(['nexus-01'], windows, fields, {
      serviceNames: ['artefacts'],
      processNames: ['nexus'],
    });
    expect(body.size).toBe(0);
    expect(JSON.stringify(body)).not.toContain('"size":10000');
    const filter = (body.query as { bool: { filter: unknown[] } }).bool.filter;
    expect(filter[0]).toEqual({ terms: { 'host.name': ['nexus-01'] } });
    expect(filter[2]).toEqual({
      bool: {
        should: [{ terms: { 'service.name': ['artefacts'] } }, { terms: { 'process.name': ['nexus'] } }],
        minimum_should_match: 1,
      },
    });
    const aggs = body.aggs as Record<string, { aggs: Record<string, unknown> }>;
    expect(Object.keys(aggs)).toEqual(['window', 'baseline']);
    // The error messages are the error sample's: a search of the error lines alone, beside this one.
    expect(Object.keys(aggs.window?.aggs ?? {})).toEqual(['hosts']);
    const sample = errorSampleBody(['nexus-01'], windows, fields, undefined);
    const sampleFilter = (sample.query as { bool: { filter: unknown[] } }).bool.filter;
    expect(sampleFilter.at(-1)).toEqual({ terms: { 'log.level': expect.arrayContaining(['error', 'FATAL']) } });
    expect((sample.aggs as Record<string, unknown>).window).toMatchObject({
      aggs: { messages: { terms: { field: 'message.keyword', size: 100 } } },
    });
  });

  it('falls back to a bounded sample when messages cannot be aggregated', () => {
    const fields = {
      host: 'host.name',
      level: 'log.level',
      message: null,
      service: null,
      process: null,
      errorType: null,
      pid: null,
    };
    const body = errorSampleBody(['n'], windows, fields, undefined);
    const window = (body.aggs as Record<string, { aggs: Record<string, { top_hits: { size: number } }> }>).window;
    expect(window?.aggs.sample?.top_hits.size).toBe(100);
  });
});
