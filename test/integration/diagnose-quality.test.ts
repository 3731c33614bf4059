/**
 * A fixed subset of `bench:quality`: twenty generated incidents (seed "quality-it") planted on the
 * real stack, each diagnosed through `diagnose()` and checked against its planted ground truth: the
 * status, the first suspect, and no suspect at all for the healthy controls. Every name carries a
 * run token, and the run removes what it wrote.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeElasticClients } from '../../src/backends/elasticsearch.js';
import { runQuality } from '../../scripts/seed/quality-run.js';
import { stackConfig } from './diagnose-helpers.js';

afterAll(() => closeElasticClients());

describe('diagnose on generated incidents', () => {
  it('names the planted cause of each of 20 incidents and leaves the healthy controls alone', async () => {
    const verdicts = await runQuality(stackConfig(), { seed: 'quality-it', count: 20, batch: 20 });
    expect(verdicts).toHaveLength(20);
    expect(new Set(verdicts.map((v) => v.kind)).size).toBe(12);
    const wrong = verdicts.filter(
      (v) => !v.statusRight || v.suspectRight === false || v.falseAlarm === true || v.changeRight === false,
    );
    expect(wrong, JSON.stringify(wrong, null, 1)).toEqual([]);
  }, 300_000);
});
