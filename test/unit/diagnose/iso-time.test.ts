import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoOfMs } from '../../../src/diagnose/iso-time.js';

describe('isoOfMs', () => {
  it('is the Date’s ISO string, memoised or not, past the cache bound too', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -8.64e15, max: 8.64e15 }), { maxLength: 20_000 }), (times) => {
        for (const ms of [...times, ...times]) expect(isoOfMs(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 50 },
    );
    // More distinct times than the cache holds, twice: cleared and filled again, still right.
    const times = Array.from({ length: 9_000 }, (_, i) => 1_796_000_000_000 + i * 60_000);
    for (const ms of [...times, ...times]) expect(isoOfMs(ms)).toBe(new Date(ms).toISOString());
  });
});
