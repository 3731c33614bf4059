/** The normaliser compares Chronograf notes as Chronograf stores them (server/cells.go ValidateNote). */
import { describe, expect, it } from 'vitest';
import { normalizeChronograf } from '../../../src/deploy/normalize.js';

const dashboard = (note: string) => ({
  name: 'calvin/x',
  cells: [{ name: 'About', note, queries: [] }],
  templates: [],
});

describe('normalizeChronograf notes', () => {
  it('a note calvin sent and the sanitised note Chronograf returns compare equal', () => {
    const sent = dashboard('Run `calvin diagnose <service>` for "nexus" & co');
    const stored = {
      ...dashboard('Run `calvin diagnose ` for &#34;nexus&#34; &amp; co'),
      id: 7,
      organization: 'default',
    };
    expect(normalizeChronograf(stored)).toEqual(normalizeChronograf(sent));
  });

  it('a note changed by hand still differs', () => {
    expect(normalizeChronograf(dashboard('Edited by hand'))).not.toEqual(normalizeChronograf(dashboard('Run calvin')));
  });
});
