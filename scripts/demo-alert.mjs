// The demo's alert, through the stack's real Kapacitor: the artefacts-disk-full task as
// `calvin build --env test` renders it (its calvin() handler names Kapacitor's [[httppost]] endpoint
// "calvin", which carries serve's token), the Nexus blob store on nexus-02 filling up written to
// Kapacitor, and the alert Kapacitor posts to calvin serve. Waits for the diagnosis snapshot and
// prints the alert page's URL. Should Kapacitor not deliver, it says so and posts the same alert itself.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, urls } from './stack/paths.mjs';
import { SERVE_URL, serveToken } from './stack/serve.mjs';

const KAPACITOR = process.env.CALVIN_DEMO_KAPACITOR_URL ?? urls.kapacitor;
const SERVE = process.env.CALVIN_DEMO_SERVE_URL ?? SERVE_URL;
const TASK = 'calvin-demo-artefacts-disk-full';
const HOST = 'nexus-02';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function renderedTask() {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'calvin-demo-build-')), 'out');
  const cli = path.join(repoRoot, 'bin', 'calvin.js');
  const args = ['build', '--env', 'test', '--target', 'kapacitor', '--only', 'artefacts-disk-full', '--out', out];
  execFileSync(process.execPath, [cli, ...args], {
    cwd: repoRoot,
    env: { ...process.env, CALVIN_SERVE_URL: SERVE },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const task = JSON.parse(
    fs.readFileSync(path.join(out, 'kapacitor', 'tasks', 'calvin-artefacts-disk-full.json'), 'utf8'),
  );
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  return task;
}

async function kapacitor(method, route, body) {
  return fetch(`${KAPACITOR}${route}`, {
    method,
    ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } }),
  });
}

/** The CRITICAL Kapacitor posted for nexus-02 at `from` or later, once serve has it. */
async function delivered(from) {
  const query = `service=artefacts&level=CRITICAL&since=${encodeURIComponent(from)}`;
  for (let i = 0; i < 150; i++) {
    const res = await fetch(`${SERVE}/api/v1/alerts?${query}`).catch(() => undefined);
    const alerts = res?.ok ? (await res.json()).alerts : [];
    const ours = alerts.find((a) => a.alertId.includes(`host=${HOST}`));
    if (ours) return { id: ours.key, url: `${SERVE}/alerts/${ours.key}` };
    await sleep(200);
  }
  return undefined;
}

/** The body Kapacitor's .post() sends, posted directly: the demo still ends on a page. */
async function postDirectly() {
  const time = new Date().toISOString();
  const res = await fetch(`${SERVE}/api/v1/alerts/kapacitor`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${serveToken()}` },
    body: JSON.stringify({
      id: `calvin-artefacts-disk-full:environment=test,host=${HOST},path=/srv/nexus`,
      message: `CRITICAL: Nexus disk /srv/nexus on ${HOST} is 100.0% full`,
      details: '',
      time,
      duration: 0,
      level: 'CRITICAL',
      previousLevel: 'WARNING',
      data: { series: [{ name: 'disk', tags: { host: HOST, path: '/srv/nexus', environment: 'test' } }] },
    }),
  });
  if (res.status !== 202) {
    process.stderr.write(`calvin serve answered ${res.status}: ${await res.text()}\n`);
    process.exit(1);
  }
  return res.json();
}

const task = renderedTask();
await kapacitor('DELETE', `/kapacitor/v1/tasks/${TASK}`);
const defined = await kapacitor(
  'POST',
  '/kapacitor/v1/tasks',
  JSON.stringify({ ...task, id: TASK, status: 'enabled' }),
);
if (!defined.ok) throw new Error(`Kapacitor refused the demo task: ${defined.status} ${await defined.text()}`);
// The blob store fills by one percent a minute for 40 minutes, ending now: WARNING, then CRITICAL.
const end = Math.floor(Date.now() / 60_000) * 60_000;
const tags = `category=artefacts-storage,environment=test,host=${HOST},path=/srv/nexus`;
const points = Array.from({ length: 41 }, (_, i) => `disk,${tags} used_percent=${60 + i} ${end - (40 - i) * 60_000}`);
const written = await fetch(`${KAPACITOR}/kapacitor/v1/write?db=system&rp=autogen&precision=ms`, {
  method: 'POST',
  body: points.join('\n'),
});
if (written.status !== 204) throw new Error(`Kapacitor refused the points: ${written.status}`);

// It goes CRITICAL about five minutes before the last point (90% crossed, then held for 5 minutes).
let alert = await delivered(new Date(end - 10 * 60_000).toISOString());
await kapacitor('DELETE', `/kapacitor/v1/tasks/${TASK}`);
if (alert) {
  process.stderr.write('Kapacitor fired artefacts-disk-full and posted it to calvin serve.\n');
} else {
  process.stderr.write(
    `Kapacitor fired but calvin serve did not get the alert (see ${path.join('.stack', 'logs', 'kapacitor.log')}:` +
      ' an endpoint "calvin" missing from its config makes serve answer 401); posting it directly.\n',
  );
  alert = await postDirectly();
}
for (let i = 0; i < 300; i++) {
  const view = await (await fetch(`${SERVE}/api/v1/alerts/${alert.id}`)).json();
  if (view.state !== 'pending') break;
  await sleep(200);
}
process.stdout.write(
  `\nThe demo incident's alert page (diagnosis taken at alert time, runbook inline):\n  ${alert.url}\n`,
);
