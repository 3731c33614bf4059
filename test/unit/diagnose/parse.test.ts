import { describe, expect, it } from 'vitest';
import {
  fieldGroupsFromCaps,
  fieldsFromCaps,
  logsFromSearch,
  mergeLogs,
  seriesFromInflux,
} from '../../../src/diagnose/parse.js';
import { logFields } from './fixtures.js';

describe('seriesFromInflux', () => {
  it('merges window and baseline answers per host and split, ignoring unknown hosts', () => {
    const window = [
      {
        name: 'disk',
        tags: { host: 'n1', path: '/srv' },
        columns: ['time', 'max'],
        values: [
          [1_700_000_060_000, 90],
          [1_700_000_120_000, null],
        ],
      },
    ];
    const baseline = [
      { name: 'disk', tags: { host: 'n1', path: '/srv' }, columns: ['time', 'max'], values: [[1_700_000_000_000, 60]] },
      {
        name: 'disk',
        tags: { host: 'intruder', path: '/' },
        columns: ['time', 'max'],
        values: [[1_700_000_000_000, 1]],
      },
    ];
    const series = seriesFromInflux('disk.used_percent', 'path', [window, baseline], new Set(['n1']));
    expect(series).toEqual([
      {
        signal: 'disk.used_percent',
        host: 'n1',
        split: '/srv',
        points: [
          { time: '2023-11-14T22:13:20.000Z', value: 60 },
          { time: '2023-11-14T22:14:20.000Z', value: 90 },
          { time: '2023-11-14T22:15:20.000Z', value: null },
        ],
      },
    ]);
  });
});

describe('logsFromSearch', () => {
  const fields = logFields({ service: null, process: null, pid: null });

  it('reads line and error counts, histograms and message groups', () => {
    const response = {
      aggregations: {
        window: {
          hosts: {
            buckets: [
              {
                key: 'n1',
                doc_count: 10,
                // The window's errors: the histogram's, summed.
                histogram: {
                  buckets: [
                    { key: 0, key_as_string: '2026-11-23T10:00:00.000Z', doc_count: 6, errors: { doc_count: 3 } },
                    { key: 1, key_as_string: '2026-11-23T10:01:00.000Z', doc_count: 4, errors: { doc_count: 1 } },
                  ],
                },
              },
            ],
          },
        },
        baseline: { hosts: { buckets: [{ key: 'n1', doc_count: 40, errors: { doc_count: 2 } }] } },
      },
    };
    // The error sample: a search of the error lines alone, its range buckets the window and the baseline.
    const errorSample = {
      aggregations: {
        window: {
          doc_count: 4,
          messages: {
            buckets: [
              {
                key: '<script>x</script>',
                doc_count: 4,
                hosts: { buckets: [{ key: 'n1', doc_count: 4 }] },
                first: { value: 0, value_as_string: '2026-11-23T10:00:00.000Z' },
                last: { value: 1 },
                types: { buckets: [{ key: 'IOException', doc_count: 4 }] },
              },
            ],
          },
        },
        baseline: { doc_count: 2, messages: { buckets: [], sum_other_doc_count: 2 } },
      },
    };
    const logs = logsFromSearch(response, errorSample, fields, new Set(['n1']));
    expect(logs.hosts).toEqual([
      {
        host: 'n1',
        window: { total: 10, errors: 4 },
        baseline: { total: 40, errors: 2 },
        buckets: [
          { time: '2026-11-23T10:00:00.000Z', total: 6, errors: 3 },
          { time: '2026-11-23T10:01:00.000Z', total: 4, errors: 1 },
        ],
      },
    ]);
    expect(logs.windowErrors[0]).toMatchObject({
      message: '<script>x</script>',
      count: 4,
      hosts: [{ name: 'n1', count: 4 }],
      errorTypes: ['IOException'],
      last: '1970-01-01T00:00:00.001Z',
    });
    expect(logs.complete).toEqual({ window: true, baseline: false });
    expect(logs.errorLines).toEqual({ window: 4, baseline: 2 });
  });

  it('survives an empty or malformed answer', () => {
    expect(logsFromSearch({ aggregations: { window: { hosts: 'nope' } } }, {}, fields, new Set(['n1']))).toMatchObject({
      hosts: [],
      windowErrors: [],
      baselineErrors: [],
    });
    expect(logsFromSearch(null, null, fields, new Set())).toMatchObject({
      hosts: [],
      windowErrors: [],
      baselineErrors: [],
    });
  });
});

describe('fieldsFromCaps', () => {
  it('picks the keyword field, or its .keyword sub-field', () => {
    const caps = {
      fields: {
        'host.name': { keyword: { aggregatable: true } },
        message: { text: { aggregatable: false } },
        'message.keyword': { keyword: { aggregatable: true } },
        'log.level': { keyword: { aggregatable: true } },
      },
    };
    expect(
      fieldsFromCaps(caps, {
        host: 'host.name',
        level: 'log.level',
        message: 'message',
        service: 'service.name',
        process: 'process.name',
        errorType: 'error.type',
        pid: 'process.pid',
      }),
    ).toEqual({
      host: 'host.name',
      level: 'log.level',
      message: 'message.keyword',
      service: null,
      process: null,
      errorType: null,
      pid: null,
    });
  });
});

describe('fieldGroupsFromCaps and mergeLogs', () => {
  const candidates = {
    host: 'host.name',
    level: 'log.level',
    message: 'message',
    service: 'service.name',
    process: 'process.name',
    errorType: 'error.type',
    pid: 'process.pid',
  };

  it('splits indices that map the ECS fields differently into groups', () => {
    const caps = {
      indices: ['logs-new-1', 'logs-old-1'],
      fields: {
        'host.name': {
          keyword: { aggregatable: true, indices: ['logs-new-1'] },
          text: { aggregatable: false, indices: ['logs-old-1'] },
        },
        'host.name.keyword': { keyword: { aggregatable: true } },
        'log.level': {
          keyword: { aggregatable: true, indices: ['logs-new-1'] },
          text: { aggregatable: false, indices: ['logs-old-1'] },
        },
        'log.level.keyword': { keyword: { aggregatable: true } },
        'message.keyword': { keyword: { aggregatable: true } },
      },
    };
    const groups = fieldGroupsFromCaps(caps, candidates);
    expect(groups).toEqual([
      {
        indices: ['logs-new-1'],
        fields: {
          host: 'host.name',
          level: 'log.level',
          message: 'message.keyword',
          service: null,
          process: null,
          errorType: null,
          pid: null,
        },
      },
      {
        indices: ['logs-old-1'],
        fields: {
          host: 'host.name.keyword',
          level: 'log.level.keyword',
          message: 'message.keyword',
          service: null,
          process: null,
          errorType: null,
          pid: null,
        },
      },
    ]);
  });

  it('keeps one group for a cluster mapped alike', () => {
    const caps = {
      indices: ['a', 'b'],
      fields: { 'host.name': { keyword: { aggregatable: true } }, 'log.level': { keyword: { aggregatable: true } } },
    };
    expect(fieldGroupsFromCaps(caps, candidates)).toHaveLength(1);
  });

  it('sums the logs of several groups per host, bucket and message', () => {
    const part = (errors: number) => ({
      hosts: [
        {
          host: 'n1',
          window: { total: 10, errors },
          baseline: { total: 5, errors: 1 },
          buckets: [{ time: 't1', total: 10, errors }],
        },
      ],
      windowErrors: [
        {
          message: 'boom',
          count: errors,
          hosts: [{ name: 'n1', count: errors }],
          first: '2026-01-01T00:00:00.000Z',
          last: '2026-01-01T00:00:00.000Z',
          errorTypes: ['E'],
          services: [],
          processes: [],
        },
      ],
      baselineErrors: [],
      knownIssueCounts: { 'disk-full': errors },
      complete: { window: true, baseline: errors === 3 },
      errorLines: { window: errors, baseline: 1 },
    });
    const merged = mergeLogs([part(3), part(4)]);
    expect(merged.knownIssueCounts).toEqual({ 'disk-full': 7 });
    expect(merged.complete).toEqual({ window: true, baseline: false });
    expect(merged.errorLines).toEqual({ window: 7, baseline: 2 });
    expect(merged.hosts[0]).toMatchObject({
      window: { total: 20, errors: 7 },
      baseline: { errors: 2 },
      buckets: [{ time: 't1', total: 20, errors: 7 }],
    });
    expect(merged.windowErrors).toEqual([
      {
        message: 'boom',
        count: 7,
        hosts: [{ name: 'n1', count: 7 }],
        first: '2026-01-01T00:00:00.000Z',
        last: '2026-01-01T00:00:00.000Z',
        errorTypes: ['E'],
        services: [],
        processes: [],
      },
    ]);
  });
});
