/**
 * The TICKscript Kapacitor runs and the simulator behind `calvin test` must read an alert's levels
 * the same way. For every shipped alert, probe values on both sides of each level go through the
 * simulator; the level lambdas parsed from the rendered script must give the same level for the
 * value the simulator evaluated.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AlertDef } from '../../../src/define/types.js';
import { defaultRenderOptions, renderTickscript } from '../../../src/render/index.js';
import { simulateAlert } from '../../../src/simulate/index.js';
import type { AlertLevel } from '../../../src/simulate/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

async function shippedAlerts(): Promise<AlertDef[]> {
  const out: AlertDef[] = [];
  for (const f of readdirSync(path.join(root, 'alerts'))
    .filter((n) => n.endsWith('.ts'))
    .sort()) {
    const mod = (await import(path.join(root, 'alerts', f))) as { default: AlertDef | AlertDef[] };
    out.push(...[mod.default].flat());
  }
  return out;
}

type Breach = (value: number) => boolean;

/** `warn`/`crit` breach lambdas of a script, from `.crit(lambda: "value" < -80.0)` or a stateDuration node. */
export function levelLambdas(script: string): Partial<Record<'warn' | 'crit', Breach>> {
  const found: Partial<Record<'warn' | 'crit', Breach>> = {};
  const add = (level: string, op: string, number: string): void => {
    const n = Number(number);
    found[level as 'warn' | 'crit'] = op === '>' ? (v) => v > n : (v) => v < n;
  };
  for (const m of script.matchAll(
    /\|stateDuration\(lambda: "value" ([<>]) (-?[0-9.]+)\)\s+\.unit\(1s\)\s+\.as\('(warn|crit)_duration'\)/g,
  ))
    add(m[3] as string, m[1] as string, m[2] as string);
  for (const m of script.matchAll(/\.(warn|crit)\(lambda: "value" ([<>]) (-?[0-9.]+)\)/g))
    add(m[1] as string, m[2] as string, m[3] as string);
  return found;
}

const minutes = (d: string): number => {
  const m = /^(\d+)([smhd])$/.exec(d);
  if (!m) throw new Error(`duration ${d}`);
  return Number(m[1]) * { s: 1 / 60, m: 1, h: 60, d: 1440 }[m[2] as 's' | 'm' | 'h' | 'd'];
};

/** A series (1m interval) whose evaluated value at the end is about `value`. */
function probeSeries(alert: AlertDef, value: number): string {
  const q = alert.query;
  const settle = Math.ceil(minutes(q.period) + minutes(alert.for ?? '0m') + 2 * minutes(q.every) + 5);
  const c = alert.condition;
  if (c.type === 'relative') {
    const shift = minutes(c.shift);
    expect(settle).toBeLessThanOrEqual(shift);
    const base = 1000;
    const after = c.change === 'percent' ? base * (1 + value / 100) : base + value;
    return `${base}x${shift + minutes(q.period) + 5} ${after}x${settle}`;
  }
  if (q.fn.includes('derivative')) return `0+${value * 60}x${settle}`;
  return `${q.invert === undefined ? value : q.invert - value}x${settle}`;
}

function probes(levels: number[]): number[] {
  return levels.flatMap((l) => [l * 1.1, l * 0.9, l + 1, l - 1]).concat(0.01);
}

const alerts = await shippedAlerts();
const options = defaultRenderOptions();

describe('TICKscript levels agree with the simulator', () => {
  it.each(alerts.filter((a) => a.condition.type !== 'deadman').map((a) => [a.id, a] as const))('%s', (_id, alert) => {
    const c = alert.condition;
    if (c.type === 'deadman') return;
    const lambdas = levelLambdas(renderTickscript(alert, [], options));
    expect(lambdas.crit).toBeDefined();
    expect(lambdas.warn !== undefined).toBe(c.warn !== undefined);
    const seen = new Set<AlertLevel>();
    // A non-negative derivative cannot go below zero: such probes have no value to compare.
    const reachable = (v: number): boolean => !alert.query.fn.startsWith('non_negative') || v >= 0;
    for (const target of probes([c.crit, ...(c.warn === undefined ? [] : [c.warn])]).filter(reachable)) {
      const tags = Object.fromEntries(
        alert.query.where.map((w) => [w.key, w.value.kind === 'literal' ? String(w.value.value) : 'x']),
      );
      const key = `${alert.query.measurement},${Object.entries({ host: 'h-01', ...tags })
        .map(([k, v]) => `${k}=${v.replace(/ /g, '\\ ')}`)
        .join(',')} ${alert.query.field}`;
      const simulation = simulateAlert(alert, {
        name: 'probe',
        interval: '1m',
        series: { [key]: probeSeries(alert, target) },
        expect: [],
      });
      const step = simulation.groups[0]?.steps.at(-1);
      if (step?.value === undefined) throw new Error(`no value for probe ${target}`);
      const tick: AlertLevel = lambdas.crit?.(step.value) ? 'CRITICAL' : lambdas.warn?.(step.value) ? 'WARNING' : 'OK';
      expect({ value: step.value, level: step.level }).toEqual({ value: step.value, level: tick });
      seen.add(step.level);
    }
    // The probes must reach both sides of the levels, or the comparison proves nothing.
    expect([...seen]).toEqual(expect.arrayContaining(['OK', 'CRITICAL']));
  });
});
