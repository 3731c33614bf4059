/**
 * Prints how far calvin's grok agrees with Logstash on Logstash's own spec examples
 * (test/fixtures/grok-spec/cases.json), and every case that disagrees.
 *   npx tsx scripts/grok-spec/measure.ts [--list]
 */
import { loadOniguruma } from '../../src/logstash/index.js';
import { stopGrokGuard } from '../../src/logstash/grok/guard.js';
import { loadSpecCases, runSpecCase } from '../../test/unit/logstash/grok/spec-suite.js';

await loadOniguruma();
const { source, cases } = loadSpecCases();
const outcomes = cases.map(runSpecCase);
const agree = outcomes.filter((o) => o.failures.length === 0).length;
const match = outcomes.filter((o) => o.matchAgrees).length;
const withFields = outcomes.filter((o) => o.fieldsAgree !== undefined);
const fields = withFields.filter((o) => o.fieldsAgree).length;
const checks = cases.reduce((n, c) => n + c.checks.length, 0);
const pct = (a: number, b: number): string => `${((100 * a) / b).toFixed(1)} %`;
console.log(
  `${source}: ${cases.length} cases (${cases.filter((c) => c.mode === 'legacy').length} legacy, ` +
    `${cases.filter((c) => c.mode === 'ecs-v1').length} ecs-v1), ${checks} checks`,
);
console.log(`cases that agree: ${agree}/${cases.length} (${pct(agree, cases.length)})`);
console.log(`match agrees: ${match}/${cases.length} (${pct(match, cases.length)})`);
console.log(`fields agree: ${fields}/${withFields.length} cases that check fields (${pct(fields, withFields.length)})`);
if (process.argv.includes('--list'))
  for (const o of outcomes.filter((x) => x.failures.length > 0))
    console.log(
      `\n${o.id} [${o.kase.mode}] ${o.kase.example}\n  ${o.kase.expression}\n  ${JSON.stringify(o.kase.message).slice(0, 200)}\n  ${o.failures.join('\n  ')}`,
    );
stopGrokGuard();
