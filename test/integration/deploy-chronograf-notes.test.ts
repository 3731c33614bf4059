/**
 * Chronograf rewrites cell notes on save (server/cells.go ValidateNote: bluemonday UGC policy), and
 * the fake does the same (test/fakes/chronograf-notes.ts). A note calvin sends unsanitised must
 * still settle: the normaliser compares both sides through the same transform, so the second plan
 * is empty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Artifact } from '../../src/render/types.js';
import { harness, type Harness } from '../fakes/deploy-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(async () => {
  await h.close();
});

function noteDashboard(name: string, note: string): Artifact {
  const body = {
    cells: [{ h: 2, name: 'About', note, noteVisibility: 'default', queries: [], type: 'note', w: 12, x: 0, y: 0 }],
    name,
    templates: [],
  };
  return {
    target: 'chronograf',
    type: 'chronograf-dashboard',
    definitionId: 'notes',
    name,
    path: 'chronograf/dashboards/notes.json',
    content: `${JSON.stringify(body)}\n`,
    body,
  };
}

describe('Chronograf notes', () => {
  it('a note Chronograf rewrites is stored rewritten, and the second plan shows zero changes', async () => {
    const name = `calvin/${h.prefix} notes`;
    const artifacts = [noteDashboard(name, 'Run `calvin diagnose <service>` for "nexus" & friends')];
    const first = await h.deploy({}, { artifacts });
    expect(first.exitCode).toBe(0);
    const stored = [...h.chronograf.dashboards.values()].find((d) => d.name === name);
    expect((stored?.cells as { note: string }[])[0]?.note).toBe(
      'Run `calvin diagnose ` for &#34;nexus&#34; &amp; friends',
    );
    const second = await h.deploy({}, { artifacts });
    expect(second.plan?.items.filter((i) => i.action !== 'unchanged').map((i) => `${i.name}\n${i.diff}`)).toEqual([]);
    expect(second.writes).toBe(0);
  });
});
