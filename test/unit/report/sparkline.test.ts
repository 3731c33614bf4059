import { describe, expect, it } from 'vitest';
import { scaledSparkline } from '../../../src/report/sparkline.js';

describe('sparklines carry their scale', () => {
  it('labels a rise from 78 % to 100 % with its ends', () => {
    expect(scaledSparkline([78, 78, 80, 85, 92, 100, 100], 'percent')).toBe('78% ▁▁▁▃▆██ 100%');
  });

  it('tells a small wobble from a big rise: the ends get the decimals it takes to differ', () => {
    expect(scaledSparkline([99.1, 99.4, 99.9], 'percent')).toBe('99.1% ▁▄█ 99.9%');
    expect(scaledSparkline([99.11, 99.14], 'percent')).toBe('99.11% ▁█ 99.14%');
  });

  it('says when a series is flat', () => {
    expect(scaledSparkline([5, 5, 5], 'count')).toBe('▄▄▄ flat at 5');
  });

  it('scales large values with a prefix and keeps gaps blank', () => {
    expect(scaledSparkline([2e9, null, 3e9], 'bytes')).toBe('2.0GB ▁ █ 3.0GB');
    expect(scaledSparkline([null, null], 'count')).toBe('');
  });
});
