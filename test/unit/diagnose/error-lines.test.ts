import { describe, expect, it } from 'vitest';
import { errorLinesFetchSize, errorLinesFromSearch, FETCH_MAX_LINES } from '../../../src/diagnose/error-lines.js';
import { errorLinesBody, planWindows } from '../../../src/diagnose/queries.js';
import { logFields } from './fixtures.js';

const windows = planWindows(new Date('2026-11-23T11:00:00Z'), 3_600_000);
const hit = (time: string, message: string, host: string, more: Record<string, unknown> = {}) => ({
  _source: { '@timestamp': time, message, host: { name: host }, ...more },
});

describe('error lines fetched whole', () => {
  it('are fetched only when the first search counted few of them', () => {
    expect(errorLinesFetchSize({ window: 130, baseline: 0 })).toBe(630);
    expect(errorLinesFetchSize({ window: FETCH_MAX_LINES, baseline: 1 })).toBeNull();
    const body = errorLinesBody(['nexus-01'], windows, logFields(), undefined, 630);
    expect(body).toMatchObject({
      size: 630,
      sort: ['_doc'],
      _source: { includes: expect.arrayContaining(['message']) },
    });
    expect(JSON.stringify(body.query)).toContain('"log.level"');
  });

  it('are grouped per message, window apart from baseline, hosts and ECS values most frequent first', () => {
    const answer = {
      _shards: { failed: 0 },
      hits: {
        hits: [
          hit('2026-11-23T10:30:00Z', 'disk full', 'nexus-02', { 'error.type': 'IOException' }),
          hit('2026-11-23T10:10:00Z', 'disk full', 'nexus-01', { error: { type: 'IOException' } }),
          hit('2026-11-23T10:40:00Z', 'disk full', 'nexus-02', { 'service.name': 'nexus' }),
          hit('2026-11-23T09:00:00Z', 'disk full', 'nexus-03'),
          hit('2026-11-23T10:20:00Z', 'timeout', 'nexus-01'),
          { _source: { message: 'no time' } },
        ],
      },
    };
    const lines = errorLinesFromSearch([answer], 10, windows);
    expect(lines?.window).toEqual([
      {
        message: 'disk full',
        count: 3,
        hosts: [
          { name: 'nexus-02', count: 2 },
          { name: 'nexus-01', count: 1 },
        ],
        first: '2026-11-23T10:10:00.000Z',
        last: '2026-11-23T10:40:00.000Z',
        errorTypes: ['IOException'],
        services: ['nexus'],
        processes: [],
      },
      expect.objectContaining({ message: 'timeout', count: 1 }),
    ]);
    expect(lines?.baseline).toEqual([
      expect.objectContaining({ message: 'disk full', count: 1, hosts: [{ name: 'nexus-03', count: 1 }] }),
    ]);
  });

  it('are not trusted when an answer may have left lines out', () => {
    const full = { hits: { hits: Array.from({ length: 3 }, () => hit('2026-11-23T10:30:00Z', 'x', 'n')) } };
    expect(errorLinesFromSearch([full], 3, windows)).toBeNull();
    expect(errorLinesFromSearch([{ _shards: { failed: 1 }, hits: { hits: [] } }], 3, windows)).toBeNull();
    expect(errorLinesFromSearch([{ error: { type: 'x' } }], 3, windows)).toBeNull();
  });
});
