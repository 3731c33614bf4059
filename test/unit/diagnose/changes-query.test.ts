import { describe, expect, it } from 'vitest';
import {
  changesFromSearch,
  formerFromSearch,
  formerSearchBody,
  hostChangeAggs,
  matchesMarker,
} from '../../../src/diagnose/changes-query.js';
import { vanishedInstances } from '../../../src/diagnose/changes.js';
import { logSearchBody, planWindows } from '../../../src/diagnose/queries.js';
import { startMarkersOf } from '../../../src/diagnose/start-markers.js';
import { service } from '../../../src/define/service.js';
import { collected, logFields } from './fixtures.js';

const windows = planWindows(new Date('2026-11-23T11:00:00Z'), 3_600_000);
const fields = logFields();

describe('the changes aggregations of the log search', () => {
  it("reads the pids of the service's own processes when its definition names them, of every process else", () => {
    const processesOf = (processNames: string[]): unknown => {
      const selector = { serviceNames: ['artefacts'], processNames };
      const body = logSearchBody(['nexus-01'], windows, fields, selector);
      const window = (body.aggs as Record<string, { aggs: { hosts: { aggs: Record<string, unknown> } } }>).window;
      return (window?.aggs.hosts.aggs.processes as { terms: unknown }).terms;
    };
    expect(processesOf(['java'])).toEqual({ field: 'process.name', size: 5, include: ['java'] });
    expect(processesOf([])).toEqual({ field: 'process.name', size: 5 });
  });

  it('ride in the same search: pids and start-up lines per host of the window; former hosts in a search of their own', () => {
    const body = logSearchBody(['nexus-01', 'nexus-02'], windows, fields, undefined, {
      startMarkers: ['Started Sonatype Nexus'],
    });
    const aggs = body.aggs as Record<string, Record<string, unknown>>;
    // No OR branch for former hosts in the query: every document is tested against the instances' scope alone.
    expect(Object.keys(aggs)).toEqual(['window', 'baseline']);
    expect(body.query).toEqual({ bool: { filter: expect.any(Array) } });
    // The baseline's last ten minutes: a restart just before the window.
    expect(aggs.baseline).toMatchObject({
      aggs: {
        hosts: {
          aggs: {
            lead: {
              filter: { range: { '@timestamp': { gte: '2026-11-23T09:50:00.000Z', lt: windows.window.from } } },
              aggs: { processes: { terms: { field: 'process.name' } } },
            },
          },
        },
      },
    });
    expect(aggs.window).toMatchObject({
      aggs: {
        hosts: {
          terms: { field: 'host.name', size: 2 },
          aggs: {
            processes: {
              terms: { field: 'process.name', size: 5 },
              aggs: { pids: { terms: { field: 'process.pid', size: 4, order: { first: 'desc' } } } },
            },
            first: { min: { field: '@timestamp' } },
            starts: {
              filter: { bool: { should: [{ match_phrase: { message: 'Started Sonatype Nexus' } }] } },
              aggs: { latest: { top_hits: { size: 3 } } },
            },
          },
        },
      },
    });
    expect(formerSearchBody(['nexus-01', 'nexus-02'], fields, ['artefacts'], '2026-11-23T09:00:00.000Z')).toEqual({
      size: 0,
      track_total_hits: false,
      query: {
        bool: {
          // From the window's length before the window: a host quiet since before is no change of it.
          filter: [
            { terms: { 'service.name': ['artefacts'] } },
            { range: { '@timestamp': { gte: '2026-11-23T09:00:00.000Z', format: 'strict_date_optional_time' } } },
          ],
          must_not: [{ terms: { 'host.name': ['nexus-01', 'nexus-02'] } }],
        },
      },
      aggs: {
        former: {
          terms: { field: 'host.name', size: 100, order: { last: 'desc' } },
          aggs: { first: { min: { field: '@timestamp' } }, last: { max: { field: '@timestamp' } } },
        },
      },
    });
  });

  it('asks nothing the mapping cannot answer, and uses a wildcard on a keyword-only message', () => {
    expect(hostChangeAggs({ ...fields, pid: null }, [])).toEqual({});
    expect(formerSearchBody(['n'], { ...fields, service: null }, ['x'], windows.window.from)).toBeNull();
    expect(formerSearchBody(['n'], fields, [], windows.window.from)).toBeNull();
    const plain = logSearchBody(['n'], windows, { ...fields, pid: null, service: null }, undefined);
    expect(Object.keys(plain.aggs as object)).toEqual(['window', 'baseline']);
    expect(plain.query).toEqual({ bool: { filter: expect.any(Array) } });
    const keyword = hostChangeAggs({ ...fields, message: 'message' }, ['a*b']);
    expect(JSON.stringify(keyword)).toContain('{"wildcard":{"message":{"value":"*a\\\\*b*"}}}');
  });

  it('reads pids, start lines that really carry a marker, and former hosts', () => {
    const answer = {
      window: {
        hosts: {
          buckets: [
            {
              key: 'nexus-02',
              first: { value: Date.parse('2026-11-23T09:00:00Z') },
              processes: {
                buckets: [
                  {
                    key: 'nexus',
                    pids: {
                      sum_other_doc_count: 0,
                      buckets: [
                        {
                          key: 2243,
                          doc_count: 9,
                          first: { value: Date.parse('2026-11-23T10:31:00Z') },
                          last: { value: Date.parse('2026-11-23T10:59:00Z') },
                        },
                      ],
                    },
                  },
                ],
              },
              starts: {
                latest: {
                  hits: {
                    hits: [
                      {
                        _source: {
                          message: 'Started Sonatype Nexus OSS 3.19.1-01',
                          '@timestamp': '2026-11-23T10:32:00Z',
                        },
                      },
                      {
                        _source: { message: 'Nexus was Started; Sonatype said', '@timestamp': '2026-11-23T10:33:00Z' },
                      },
                    ],
                  },
                },
              },
            },
          ],
        },
      },
      baseline: {
        hosts: {
          buckets: [
            {
              key: 'nexus-01',
              lead: {
                processes: {
                  buckets: [
                    {
                      key: 'nexus',
                      pids: {
                        sum_other_doc_count: 0,
                        buckets: [
                          {
                            key: '1200',
                            doc_count: 4,
                            first: { value: Date.parse('2026-11-23T09:52:00Z') },
                            last: { value: Date.parse('2026-11-23T09:58:00Z') },
                          },
                        ],
                      },
                    },
                  ],
                },
              },
            },
          ],
        },
      },
    };
    const formerAnswer = {
      aggregations: {
        former: {
          buckets: [{ key: 'old-01', first: { value: 0 }, last: { value: Date.parse('2026-11-23T10:10:00Z') } }],
        },
      },
    };
    expect(changesFromSearch(answer, ['Started Sonatype Nexus'])).toEqual({
      processes: [
        {
          host: 'nexus-02',
          process: 'nexus',
          pids: [{ pid: '2243', first: '2026-11-23T10:31:00.000Z', last: '2026-11-23T10:59:00.000Z', count: 9 }],
          more: false,
        },
        {
          host: 'nexus-01',
          process: 'nexus',
          pids: [{ pid: '1200', first: '2026-11-23T09:52:00.000Z', last: '2026-11-23T09:58:00.000Z', count: 4 }],
          more: false,
        },
      ],
      starts: [
        {
          host: 'nexus-02',
          time: '2026-11-23T10:32:00.000Z',
          message: 'Started Sonatype Nexus OSS 3.19.1-01',
          hostFirst: '2026-11-23T09:00:00.000Z',
        },
      ],
    });
    expect(formerFromSearch(formerAnswer)).toEqual([
      { host: 'old-01', first: '1970-01-01T00:00:00.000Z', last: '2026-11-23T10:10:00.000Z' },
    ]);
  });

  it('anchors a marker written with ^ at the start of the line', () => {
    expect(matchesMarker('started {es-1}{abc}', '^started {')).toBe(true);
    expect(matchesMarker('recovery started {x}', '^started {')).toBe(false);
  });
});

describe('start markers', () => {
  it('defaults by Calvinverse service, overridden (or turned off) by the definition', () => {
    expect(startMarkersOf(undefined, 'builds')).toEqual(['Jenkins is fully up and running']);
    expect(startMarkersOf(undefined, 'some-service')).toEqual([]);
    const own = service('artefacts', { title: 'Nexus', owner: 'x' }).startMarkers(['Nexus ready']).build();
    expect(startMarkersOf(own, 'artefacts')).toEqual(['Nexus ready']);
    const off = service('artefacts', { title: 'Nexus', owner: 'x' }).startMarkers([]).build();
    expect(startMarkersOf(off, 'artefacts')).toEqual([]);
    expect(() => service('a', { title: 'A', owner: 'x' }).startMarkers(['^ '])).toThrow(/empty start marker/);
  });
});

describe('instances that vanished, found by their logs', () => {
  it('counts a host that logged the service before and is no instance now, unless its metrics told already', () => {
    const c = collected();
    c.logs = {
      ...c.logs,
      former: [
        { host: 'old-01', first: '2026-11-23T07:00:00.000Z', last: '2026-11-23T10:20:00.000Z' },
        { host: 'old-02', first: '2026-11-23T07:00:00.000Z', last: '2026-11-23T10:22:00.000Z' },
        // Quiet long before the window: not a change of this incident.
        { host: 'old-03', first: '2026-11-23T06:00:00.000Z', last: '2026-11-23T07:00:00.000Z' },
        { host: 'nexus-01', first: '2026-11-23T06:00:00.000Z', last: '2026-11-23T10:59:00.000Z' },
      ],
    };
    c.history = [
      { node: 'old-02', first: '2026-11-23T07:00:00.000Z', last: '2026-11-23T10:21:00.000Z', version: '1.2.0' },
    ];
    expect(vanishedInstances(c)).toEqual([
      { time: '2026-11-23T10:20:00.000Z', version: undefined, nodes: ['old-01'] },
      { time: '2026-11-23T10:22:00.000Z', version: '1.2.0', nodes: ['old-02'] },
    ]);
  });
});
