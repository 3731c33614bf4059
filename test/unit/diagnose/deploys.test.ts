import { describe, expect, it } from 'vitest';
import { deployQuery, deploysFromInflux } from '../../../src/diagnose/deploys.js';

describe('deploy markers', () => {
  it('reads one environment in a range, newest first, escaped', () => {
    expect(deployQuery('services', "te'st", { from: '2026-11-23T06:00:00Z', to: '2026-11-23T11:00:00Z' })).toBe(
      `SELECT "what", "who", "commit" FROM "calvin_deploys" WHERE "environment" = 'te\\'st' AND ` +
        `time >= '2026-11-23T06:00:00Z' AND time < '2026-11-23T11:00:00Z' ORDER BY time DESC LIMIT 50`,
    );
  });

  it('parses the answer oldest first, dropping other series, rows without a time and non-text fields', () => {
    const records = deploysFromInflux([
      {
        name: 'calvin_deploys',
        columns: ['time', 'what', 'who', 'commit'],
        values: [
          [Date.parse('2026-11-23T10:40:00Z'), 'b', 'bob', 'def'],
          ['not a time', 'x', 'x', 'x'],
          [Date.parse('2026-11-23T10:20:00Z'), 'a', 42, null],
          'not a row' as unknown as unknown[],
        ],
      },
      { name: 'cpu', columns: ['time', 'what'], values: [[Date.parse('2026-11-23T10:00:00Z'), 'cpu']] },
    ]);
    expect(records).toEqual([
      { time: '2026-11-23T10:20:00.000Z', what: 'a', who: '', commit: '' },
      { time: '2026-11-23T10:40:00.000Z', what: 'b', who: 'bob', commit: 'def' },
    ]);
  });
});
