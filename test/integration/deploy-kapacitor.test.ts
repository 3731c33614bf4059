/**
 * Deploy against the stack's real Kapacitor: every shipped alert becomes a task that is enabled and
 * executing, and a second plan shows no change. The fake is used only where a fault must be injected:
 * the enable after the disable fails, and the previous program must run again.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planToJson } from '../../src/deploy/format.js';
import type { Artifact } from '../../src/render/types.js';
import { capture, harness, type Harness } from '../fakes/deploy-harness.js';
import { KAPACITOR_URL } from './kapacitor-replay.js';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');
const RENDER = `
import { loadCatalog } from './src/load/index.ts';
import { renderCatalog, defaultRenderOptions, serveRenderOptions } from './src/render/index.ts';
// As calvin.config.yaml's test section renders them: the calvin() handler posts to the stack's serve.
const serve = serveRenderOptions('http://127.0.0.1:18080');
const artifacts = renderCatalog(await loadCatalog('.'), defaultRenderOptions({ targets: ['kapacitor'], ...serve }));
process.stdout.write(JSON.stringify(artifacts));
`;

let h: Harness;
let shipped: Artifact[];
beforeAll(async () => {
  h = await harness();
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', RENDER], {
    cwd: repoRoot,
    maxBuffer: 64 * 1024 * 1024,
  });
  shipped = (JSON.parse(stdout) as Artifact[]).filter((a) => a.type === 'kapacitor-task');
});
afterAll(async () => {
  await h.close();
});

interface RealTask {
  id: string;
  status: string;
  executing: boolean;
  error: string;
}

describe('deploy to the real Kapacitor', () => {
  it('leaves every shipped alert enabled and executing; a second plan has zero changes', async () => {
    const real = { kapacitor: { url: KAPACITOR_URL } };
    const first = await h.deploy({}, { artifacts: shipped, targets: ['kapacitor'], endpoints: real });
    expect(first.exitCode, first.io.all()).toBe(0);
    const res = await fetch(
      `${KAPACITOR_URL}/kapacitor/v1/tasks?limit=1000&fields=status&fields=executing&fields=error`,
    );
    const tasks = ((await res.json()) as { tasks: RealTask[] }).tasks;
    for (const artifact of shipped) {
      const task = tasks.find((t) => t.id === artifact.name);
      expect(task, artifact.name).toMatchObject({ status: 'enabled', executing: true, error: '' });
    }
    const io = capture();
    const second = await h.deploy(
      {},
      { artifacts: shipped, targets: ['kapacitor'], endpoints: real, planOnly: true, json: true, io },
    );
    const plan = planToJson(second.plan!);
    expect(plan.summary).toMatchObject({ create: 0, update: 0, delete: 0 });
    expect(plan.summary.unchanged).toBe(shipped.length);
  }, 120_000);
});

describe('a Kapacitor update never leaves the alert disabled', () => {
  it('restores the previous script, enabled, when the enable after the disable fails', async () => {
    const first = await h.deploy({ revision: 1 }, { targets: ['kapacitor'] });
    expect(first.exitCode).toBe(0);
    const id = `calvin-${h.prefix}-one`;
    const before = structuredClone(h.kapacitor.tasks.get(id)!);
    h.kapacitor.failWrite(2); // 1: PATCH definition + disabled, 2: PATCH enabled
    const second = await h.deploy({ revision: 2 }, { targets: ['kapacitor'] });
    expect(second.exitCode).toBe(1);
    expect(second.io.all()).toMatch(/did not start with the new script .*the previous script runs again/);
    const after = h.kapacitor.tasks.get(id)!;
    expect(after.status).toBe('enabled');
    expect(after.script).toBe(before.script);
    expect(after.runningScript).toBe(before.script);
  });
});
