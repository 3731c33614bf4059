/**
 * Every name of Logstash's standard pattern sets (logstash-patterns-core, ECS v1 and legacy) and
 * calvin's own is available, compiles, and matches a sample line: a line of Logstash's own spec
 * examples that uses the pattern, else one of test/fixtures/grok-spec/samples.json, else (for a
 * pattern that is a plain keyword) the keyword itself.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PATTERN_SETS } from '../../../../src/logstash/grok/patterns/index.js';
import type { PatternSetName } from '../../../../src/logstash/grok/patterns/index.js';
import { GrokLibrary, loadOniguruma, PATTERN_SET_VERSION } from '../../../../src/logstash/index.js';
import { loadSpecCases } from './spec-suite.js';

const SAMPLES = JSON.parse(
  readFileSync(new URL('../../../fixtures/grok-spec/samples.json', import.meta.url), 'utf8'),
) as Record<string, string>;
const { cases } = loadSpecCases();
const SETS: PatternSetName[] = ['ecs-v1', 'legacy'];

beforeAll(async () => {
  await loadOniguruma();
});

/** Spec lines by the pattern names their expression uses (directly or not), in one set. */
function specLinesByPattern(lib: GrokLibrary, set: PatternSetName): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const c of cases.filter((x) => x.mode === set))
    for (const name of lib.expand(c.expression).usedPatterns)
      byName.set(name, [...(byName.get(name) ?? []), c.message]);
  return byName;
}

/** Sample lines for `name`: spec lines whose expression uses it, then the hand-written sample. */
function samplesFor(lib: GrokLibrary, specLines: Map<string, string[]>, name: string): string[] {
  const fromSpecs = specLines.get(name) ?? [];
  const definition = lib.definition(name) ?? '';
  const keyword = /^[A-Za-z0-9_ ]+$/.test(definition) ? [definition] : [];
  return [...fromSpecs, ...(SAMPLES[name] !== undefined ? [SAMPLES[name]] : []), ...keyword];
}

describe(`standard grok patterns (${PATTERN_SET_VERSION})`, () => {
  it('hold the whole ECS v1 and legacy sets', () => {
    expect(Object.keys(PATTERN_SETS['ecs-v1']).length).toBeGreaterThanOrEqual(360);
    expect(Object.keys(PATTERN_SETS.legacy).length).toBeGreaterThanOrEqual(315);
    for (const name of ['HTTPD_COMBINEDLOG', 'CISCOFW106023', 'ZEEK_HTTP', 'NAGIOSLOGLINE', 'RT_FLOW1'])
      expect(Object.hasOwn(PATTERN_SETS['ecs-v1'], name)).toBe(true);
  });

  for (const set of SETS) {
    it(`every ${set} pattern compiles and matches a sample line`, () => {
      const lib = new GrokLibrary({ set });
      const specLines = specLinesByPattern(lib, set);
      const unmatched: string[] = [];
      for (const name of Object.keys(PATTERN_SETS[set])) {
        const grok = lib.compile(`%{${name}}`);
        const samples = samplesFor(lib, specLines, name);
        if (!samples.some((s) => grok.test(s))) unmatched.push(`${name} (${samples.length} samples)`);
      }
      expect(unmatched).toEqual([]);
    });
  }

  it('capture ECS names by default and legacy names in the legacy set', () => {
    const line = 'Nov  3 09:15:02 build-01 sshd[1234]: Accepted publickey';
    expect(new GrokLibrary().compile('%{SYSLOGLINE}').matchNested(line)).toMatchObject({
      host: { hostname: 'build-01' },
      process: { name: 'sshd', pid: 1234 },
    });
    expect(new GrokLibrary({ set: 'legacy' }).compile('%{SYSLOGLINE}').match(line)).toMatchObject({
      logsource: 'build-01',
      program: 'sshd',
      pid: '1234',
    });
  });
});
