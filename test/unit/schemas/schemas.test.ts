/** The published schemas compile, are versioned, and describe what lint and test really print. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPaths } from '../../../src/lint/lint.js';
import { FORMATTERS } from '../../../src/lint/formatters/index.js';
import { loadCatalog } from '../../../src/load/index.js';
import { formatTestReport, loadOniguruma, runCalvinTests } from '../../../src/logstash/index.js';
import { schemaValidator } from '../../helpers/schemas.js';
// @ts-expect-error: a plain .mjs script, checked by its own tests here
import { lockProblems, readLock, schemaStates } from '../../../scripts/check/schema-lock.mjs';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const corpus = path.resolve(repoRoot, '../shared/calvinverse-corpus');

describe('published schemas', () => {
  const validate = schemaValidator();

  it('compile under JSON Schema 2020-12 with a versioned $id each, all locked', () => {
    const states = schemaStates() as { file: string; version?: string }[];
    expect(states.map((s) => s.file)).toEqual(
      expect.arrayContaining([
        'diagnosis.schema.json',
        'deploy-plan.schema.json',
        'lint-report.schema.json',
        'test-report.schema.json',
        'status.schema.json',
      ]),
    );
    expect(lockProblems()).toEqual([]);
  });

  it('a change of shape without a version bump fails the lock check', () => {
    const states = schemaStates() as { file: string; version: string; hash: string }[];
    const changed = states.map((s, i) => (i === 0 ? { ...s, hash: 'different' } : s));
    expect(lockProblems(changed, readLock())).toEqual([expect.stringMatching(/changed without a version bump/)]);
    const bumped = changed.map((s, i) => (i === 0 ? { ...s, version: '9.9.9' } : s));
    expect(lockProblems(bumped, readLock())).toEqual([expect.stringMatching(/not locked yet/)]);
  });

  it('lint --format json of the examples and of the Calvinverse corpus matches lint-report', async () => {
    for (const target of ['examples', corpus]) {
      const run = await lintPaths({ paths: [target], cwd: repoRoot, root: repoRoot });
      const rules = new Map(run.rules.map((r) => [r.meta.id, r.meta]));
      const printed = FORMATTERS.json(run.results, { rules });
      expect(validate('lint-report', JSON.parse(printed))).toEqual([]);
    }
  });

  it('test --format json of the shipped definitions matches test-report', async () => {
    await loadOniguruma();
    const report = runCalvinTests({ catalog: await loadCatalog(repoRoot) }, { now: new Date('2026-11-23T10:00:00Z') });
    expect(report.suites.length).toBeGreaterThan(10);
    expect(validate('test-report', JSON.parse(formatTestReport(report, 'json')))).toEqual([]);
  });

  it('tells a wrong shape apart: a lint entry without errorCount fails', () => {
    expect(validate('lint-report', [{ filePath: 'x', messages: [], warningCount: 0 }])).not.toEqual([]);
  });
});
