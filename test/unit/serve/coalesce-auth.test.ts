import { describe, expect, it } from 'vitest';
import { bearerMatches } from '../../../src/serve/auth.js';
import { diagnosisId, windowStart } from '../../../src/serve/coalesce.js';

describe('coalescing windows', () => {
  it('gives alerts of one service within one window one diagnosis id', () => {
    expect(windowStart('2026-12-06T10:03:59Z', 120_000)).toBe('2026-12-06T10:02:00.000Z');
    const a = diagnosisId('artefacts', '2026-12-06T10:02:01Z', 120_000);
    expect(diagnosisId('artefacts', '2026-12-06T10:03:59Z', 120_000)).toBe(a);
    expect(diagnosisId('artefacts', '2026-12-06T10:04:00Z', 120_000)).not.toBe(a);
    expect(diagnosisId('builds', '2026-12-06T10:02:01Z', 120_000)).not.toBe(a);
  });
});

describe('bearer tokens', () => {
  it('accepts only the exact token', () => {
    expect(bearerMatches('Bearer s3cret-token', 's3cret-token')).toBe(true);
    expect(bearerMatches('bearer s3cret-token', 's3cret-token')).toBe(true);
    expect(bearerMatches('Bearer s3cret-tokenX', 's3cret-token')).toBe(false);
    expect(bearerMatches('Basic s3cret-token', 's3cret-token')).toBe(false);
    expect(bearerMatches(undefined, 's3cret-token')).toBe(false);
    expect(bearerMatches('Bearer anything', undefined)).toBe(false);
  });
});
