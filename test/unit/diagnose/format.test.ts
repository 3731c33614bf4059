import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatClock, formatCount } from '../../../src/diagnose/format.js';

describe('sentence formatting without ICU', () => {
  it('groups counts as en-US does', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), (n) => {
        const expected = Math.round(n) === 0 ? '0' : Math.round(n).toLocaleString('en-US');
        expect(formatCount(n)).toBe(expected);
      }),
    );
  });

  it('names the month as en-US does, in UTC', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (d) => {
        const month = d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
        expect(formatClock(d.toISOString(), '1989-01-01T00:00:00Z')).toMatch(
          new RegExp(`^${month} ${d.getUTCDate()} `),
        );
      }),
    );
    expect(formatClock('2026-11-22T10:42:00Z', '2026-11-22T23:00:00Z')).toBe('10:42');
  });
});
