import { describe, expect, it } from 'vitest';
import { parseDuration, parseTime, windowFromFlags } from '../../../src/diagnose/options.js';

const now = Date.parse('2026-11-23T11:00:00Z');

describe('time options', () => {
  it('parses durations and times', () => {
    expect(parseDuration('1h30m', '--since')).toBe(5_400_000);
    expect(parseDuration('10s', '--deadline')).toBe(10_000);
    expect(parseTime('now-2h', '--from', now).toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(parseTime('2026-11-23T10:00:00Z', '--from', now).toISOString()).toBe('2026-11-23T10:00:00.000Z');
  });

  it('turns flags into a window', () => {
    expect(windowFromFlags({}, now)).toEqual({ to: new Date(now), lengthMs: 3_600_000 });
    expect(windowFromFlags({ since: '15m', to: '2026-11-23T10:00:00Z' }, now)).toEqual({
      to: new Date('2026-11-23T10:00:00Z'),
      lengthMs: 900_000,
    });
    expect(windowFromFlags({ from: '2026-11-23T08:00:00Z', to: '2026-11-23T10:00:00Z' }, now).lengthMs).toBe(7_200_000);
  });

  it.each([
    [{ since: 'soon' }, /not a duration/],
    [{ since: '1h', from: 'now-1h' }, /cannot be used together/],
    [{ from: '2026-11-23T12:00:00Z' }, /not before/],
    [{ from: 'yesterday' }, /not a time/],
    [{ since: '90d' }, /longer than 31 days/],
  ])('rejects %j with a clear message', (flags, message) => {
    expect(() => windowFromFlags(flags, now)).toThrow(message);
  });
});
