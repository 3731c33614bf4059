import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTickscript } from '../../../src/render/index.js';
import { tickFloat } from '../../../src/render/tick-literals.js';

describe('tickFloat', () => {
  it('writes large and tiny numbers in full positional form', () => {
    expect(tickFloat(2e21)).toBe('2000000000000000000000.0');
    expect(tickFloat(-1.5e22)).toBe('-15000000000000000000000.0');
    expect(tickFloat(1e-7)).toBe('0.0000001');
    expect(tickFloat(1.25e-10)).toBe('0.000000000125');
    expect(tickFloat(90)).toBe('90.0');
    expect(tickFloat(0.5)).toBe('0.5');
  });

  it('always gives digits, a point and digits that read back as the same number and pass checkTickscript', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = tickFloat(value);
        expect(text).toMatch(/^-?\d+\.\d+$/);
        expect(Number(text)).toBe(value === 0 ? 0 : value);
        expect(checkTickscript(`var x = ${text}\n`)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});
