/**
 * calvin's TICKscript parser accepts and rejects what real Kapacitor accepts and rejects: every script
 * rendered from the shipped alerts, and a set of broken ones, are defined on the stack's Kapacitor
 * (disabled, never run) and checked by `checkTickscript`. Both must say the same.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkTickscript } from '../../src/lang/tickscript/index.js';
import { loadCatalog } from '../../src/load/index.js';
import { defaultRenderOptions, renderCatalog } from '../../src/render/index.js';
import { KAPACITOR_URL } from './kapacitor-replay.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const PREFIX = `calvin-agreement-${process.pid}`;
const defined: string[] = [];

/** Kapacitor's verdict: defining the task succeeds (accepted) or fails with its error. */
async function kapacitorAccepts(
  id: string,
  script: string,
  type: 'stream' | 'batch' = 'stream',
): Promise<string | true> {
  const res = await fetch(`${KAPACITOR_URL}/kapacitor/v1/tasks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id, type, dbrps: [{ db: 'system', rp: 'autogen' }], script, status: 'disabled' }),
  });
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  if (res.ok) {
    defined.push(id);
    return true;
  }
  return body.error ?? `HTTP ${res.status}`;
}

afterAll(async () => {
  for (const id of defined) await fetch(`${KAPACITOR_URL}/kapacitor/v1/tasks/${id}`, { method: 'DELETE' });
});

// Syntax errors of the kinds people make; each is refused by both.
const BROKEN: [string, string][] = [
  ['unbalanced quote', "var x = 'abc\nstream|from()\n"],
  ['missing paren', 'stream\n    |from(\n    |window()\n'],
  ['missing closing paren at end', "stream|from().measurement('cpu'"],
  ['bad duration', 'stream|window().period(10mins)\n'],
  ['fractional duration', 'stream|window().period(1.5m)\n'],
  ['unknown character', 'stream|from()\n  .measurement(#cpu)\n'],
  ['unterminated reference', 'stream|where(lambda: "host == 1)\n'],
  ['unterminated regex', 'stream|where(lambda: "host" =~ /abc)\n'],
  ['dangling operator', 'stream|where(lambda: "a" > )\n'],
  ['var without value', 'var = 5\nstream|from()\n'],
  ['pipe without node', 'stream|\n'],
  ['regex operator without regex', 'stream|where(lambda: "a" =~ \'x\')\n'],
];

// Well-formed scripts beyond calvin's own output: both accept them.
const VALID: [string, string][] = [
  [
    'grouped window with a where',
    "stream\n  |from().measurement('cpu').where(lambda: \"cpu\" == 'cpu-total').groupBy('host')\n  |window().period(5m).every(1m)\n  |mean('usage_idle')\n",
  ],
  [
    'alert with lambdas and AND/OR',
    'stream\n  |from().measurement(\'mem\')\n  |alert()\n    .warn(lambda: "used_percent" > 80.0 AND "used_percent" < 95.0)\n    .crit(lambda: "used_percent" >= 95.0 OR !("used_percent" < 99.0))\n',
  ],
  [
    'variables and string escapes',
    "var m = 'c\\'pu'\nvar period = 10m\nstream\n  |from().measurement(m)\n  |window().period(period).every(1m)\n",
  ],
];

describe('TICKscript: calvin agrees with real Kapacitor', () => {
  it('accepts every script rendered from the shipped alerts, as Kapacitor does', async () => {
    const scripts = renderCatalog(await loadCatalog(repoRoot), defaultRenderOptions({ targets: ['kapacitor'] })).filter(
      (a) => a.type === 'kapacitor-tickscript',
    );
    expect(scripts.length).toBeGreaterThan(20);
    for (const [i, s] of scripts.entries()) {
      expect(checkTickscript(s.content), s.path).toEqual([]);
      expect(await kapacitorAccepts(`${PREFIX}-shipped-${i}`, s.content), s.path).toBe(true);
    }
  });

  for (const [name, script] of VALID) {
    it(`both accept: ${name}`, async () => {
      expect(checkTickscript(script)).toEqual([]);
      expect(await kapacitorAccepts(`${PREFIX}-valid-${name.replace(/\W+/g, '-')}`, script)).toBe(true);
    });
  }

  for (const [name, script] of BROKEN) {
    it(`both reject: ${name}`, async () => {
      expect(checkTickscript(script), script).toHaveLength(1);
      const verdict = await kapacitorAccepts(`${PREFIX}-broken-${name.replace(/\W+/g, '-')}`, script);
      expect(verdict, `Kapacitor accepted ${JSON.stringify(script)}`).not.toBe(true);
    });
  }
});
