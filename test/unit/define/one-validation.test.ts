/**
 * One validation of the model: build, lint and test refuse the same invalid definitions with the
 * same message (lint and test used to accept `direction: 'sideways'`, `warn: 'eighty'`, `warn: NaN`;
 * build and lint accepted `.window('0s', '0s')` and wrote `every 0s`).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alert, logHandler } from '../../../src/define/alert.js';
import { service } from '../../../src/define/service.js';
import type { AlertDef } from '../../../src/define/types.js';
import { modelProblem } from '../../../src/define/validate.js';
import { isCalvinError } from '../../../src/errors.js';
import { lintPaths } from '../../../src/lint/lint.js';
import { buildProject } from '../../../src/load/build.js';
import { runTestCommand } from '../../../src/logstash/testing/command.js';

const valid: AlertDef = alert('hostile-alert', 'hostile')
  .owner('team')
  .from('system', 'cpu')
  .field('usage_idle')
  .threshold({ direction: 'above', warn: 80, crit: 90 })
  .message('{{ .Level }}')
  .runbook({ title: 'R', markdown: 'Do things.' })
  .handlers([logHandler('/tmp/x.log')])
  .withTest({
    name: 'fires',
    interval: '1m',
    series: { 'cpu,host=h1 usage_idle': '95x10' },
    expect: [{ at: '10m', level: 'CRITICAL', tags: { host: 'h1' } }],
  })
  .build();

/** A JS literal (NaN and ±Infinity kept, which JSON cannot carry). */
function literal(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    typeof v === 'number' && !Number.isFinite(v) ? `__${String(v)}__` : v,
  ).replace(/"__(NaN|-?Infinity)__"/g, '$1');
}

type Mutation = { path: string; value: unknown };
const notNumber = fc.oneof(
  fc.constantFrom<unknown>('eighty', Number.NaN, Number.POSITIVE_INFINITY, null, true, '90', [1]),
  fc.string(),
);
const notDuration = fc.oneof(
  fc.constantFrom<unknown>('0s', '0m', '-5m', '5 m', '5', 5, '', 'soon', null),
  fc.string().filter((s) => !/^[0-9]*[1-9][0-9]*(s|m|h|d|w)$/.test(s)),
);
const word = (allowed: string[]) =>
  fc.oneof(fc.constant<unknown>('sideways'), fc.string(), fc.integer()).filter((v) => !allowed.includes(v as string));

const invalidMutations: fc.Arbitrary<Mutation> = fc.oneof(
  word(['above', 'below']).map((value) => ({ path: 'condition.direction', value })),
  notNumber.map((value) => ({ path: 'condition.warn', value })),
  notNumber.map((value) => ({ path: 'condition.crit', value })),
  notDuration.map((value) => ({ path: 'query.period', value })),
  notDuration.map((value) => ({ path: 'query.every', value })),
  word(['mean', 'max', 'min', 'sum', 'count', 'last', 'first', 'median']).map((value) => ({ path: 'query.fn', value })),
  word(['page', 'ticket', 'info']).map((value) => ({ path: 'severity', value })),
);

function mutate(def: AlertDef, m: Mutation): AlertDef {
  const copy = structuredClone(def) as unknown as Record<string, Record<string, unknown>>;
  const [head, tail] = m.path.split('.') as [string, string | undefined];
  if (tail === undefined) (copy as Record<string, unknown>)[head] = m.value;
  else (copy[head] as Record<string, unknown>)[tail] = m.value;
  return copy as unknown as AlertDef;
}

let root = '';
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'calvin-one-validation-'));
  await mkdir(path.join(root, 'alerts'));
  await mkdir(path.join(root, 'services'));
  const owner = service('hostile', { title: 'Hostile', owner: 'team' }).build();
  await writeFile(path.join(root, 'services', 'hostile.ts'), `export default ${literal(owner)};\n`);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (isCalvinError(error)) return error.oneLine();
    return `not a CalvinError: ${String(error)}`;
  }
  return 'accepted';
}

/** What build, lint and test say about the definition file. */
async function threeCommands(def: unknown): Promise<string[]> {
  await writeFile(path.join(root, 'alerts', 'bad.ts'), `export default ${literal(def)};\n`);
  return Promise.all([
    refusal(() => buildProject({ root, out: path.join(root, 'out'), targets: ['kapacitor'] })),
    refusal(() => lintPaths({ paths: [], root })),
    refusal(() => runTestCommand({ paths: [], root, format: 'text', now: new Date(0), color: false })),
  ]);
}

describe('one validation of the model for build, lint and test', () => {
  it('the valid alert passes all three (so a refusal below is the mutation)', async () => {
    const [build, lint, test] = await threeCommands(valid);
    expect([build, lint, test]).toEqual(['accepted', 'accepted', 'accepted']);
  });

  it.each([
    ["direction: 'sideways'", { path: 'condition.direction', value: 'sideways' }],
    ["warn: 'eighty'", { path: 'condition.warn', value: 'eighty' }],
    ['warn: NaN', { path: 'condition.warn', value: Number.NaN }],
    [".window('0s','0s')", { path: 'query.period', value: '0s' }],
  ])('all three refuse %s with the same message', async (_name, m) => {
    const bad = mutate(valid, m as Mutation);
    const [build, lint, test] = await threeCommands(bad);
    expect(build).toContain(`alerts/bad.ts: ${modelProblem(bad)}`);
    expect(lint).toBe(build);
    expect(test).toBe(build);
  });

  it(".window('0s','0s') is refused by the builder itself", () => {
    expect(() => alert('a', 's').window('0s', '0s')).toThrow(/window must be a duration above zero/);
  });

  it('property: every generated invalid alert is refused by all three with the same message', async () => {
    await fc.assert(
      fc.asyncProperty(invalidMutations, async (m) => {
        const bad = mutate(valid, m);
        expect(modelProblem(bad)).toBeDefined();
        const [build, lint, test] = await threeCommands(bad);
        expect(build).toContain(`alerts/bad.ts: ${modelProblem(bad)}`);
        expect([lint, test]).toEqual([build, build]);
      }),
      { numRuns: 25, seed: 12 },
    );
  });
});
