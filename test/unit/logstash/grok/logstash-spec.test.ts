/**
 * `calvin test` equals Logstash on Logstash's own pattern test suite: every RSpec example of
 * logstash-patterns-core (extracted into test/fixtures/grok-spec/cases.json) runs through the grok
 * filter of calvin's evaluator. Every case agrees, or is listed with its reason in
 * test/fixtures/grok-spec/disagreements.json.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopGrokGuard } from '../../../../src/logstash/grok/guard.js';
import { loadOniguruma } from '../../../../src/logstash/index.js';
import { loadDisagreements, loadSpecCases, runSpecCase } from './spec-suite.js';
import type { CaseOutcome, SpecCase } from './spec-suite.js';

const { source, cases } = loadSpecCases();
let outcomes: CaseOutcome[] = [];

beforeAll(async () => {
  await loadOniguruma();
  outcomes = cases.map(runSpecCase);
});
afterAll(() => stopGrokGuard());

describe(`Logstash's own grok spec examples (${source})`, () => {
  it('were extracted in full: legacy and ECS v1 cases from all 21 spec files', () => {
    expect(new Set(cases.map((c) => c.file)).size).toBe(21);
    expect(cases.filter((c) => c.mode === 'legacy').length).toBeGreaterThan(250);
    expect(cases.filter((c) => c.mode === 'ecs-v1').length).toBeGreaterThan(150);
  });

  it('agree with Logstash in at least 98 % of the cases, match and fields', () => {
    const agree = outcomes.filter((o) => o.failures.length === 0).length;
    expect(agree / cases.length).toBeGreaterThanOrEqual(0.98);
    expect(outcomes.filter((o) => o.matchAgrees).length / cases.length).toBeGreaterThanOrEqual(0.98);
    const withFields = outcomes.filter((o) => o.fieldsAgree !== undefined);
    expect(withFields.filter((o) => o.fieldsAgree).length / withFields.length).toBeGreaterThanOrEqual(0.98);
  });

  it('list every disagreement with its reason, and only real ones', () => {
    const known = loadDisagreements();
    const failing = outcomes.filter((o) => o.failures.length > 0);
    expect(failing.filter((o) => !known[o.id]).map((o) => `${o.id} ${o.kase.example}: ${o.failures[0]}`)).toEqual([]);
    const stillFailing = new Set(failing.map((o) => o.id));
    expect(Object.keys(known).filter((id) => !stillFailing.has(id))).toEqual([]);
    for (const entry of Object.values(known)) expect(entry.reason.length).toBeGreaterThan(10);
  });

  it('judge a case by its checks: a wrong expectation or the other pattern set fails', () => {
    const kase = cases.find((c) => c.mode === 'ecs-v1' && c.checks.some((k) => k.check === 'include')) as SpecCase;
    const wrong: SpecCase = {
      ...kase,
      checks: kase.checks.map((k) => (k.check === 'include' ? { ...k, value: { not_a_field: 'x' } } : k)),
    };
    expect(runSpecCase(wrong).failures).not.toEqual([]);
    const ecs = cases.filter((c) => c.mode === 'ecs-v1' && c.checks.some((k) => k.check === 'include'));
    const asLegacy = ecs.map((c) => runSpecCase({ ...c, mode: 'legacy' }));
    expect(asLegacy.filter((o) => o.failures.length > 0).length).toBeGreaterThan(ecs.length / 2);
  });
});
