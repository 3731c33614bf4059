// The demo's alert: the body Kapacitor's .post() handler sends for the Nexus disk-full incident,
// posted to calvin serve; waits for the diagnosis snapshot and prints the alert page's URL.
import { SERVE_URL, serveToken } from './stack/serve.mjs';

const body = {
  id: 'calvin-artefacts-disk-full:host=nexus-02,path=/srv/nexus',
  message: 'CRITICAL: Nexus disk /srv/nexus on nexus-02 is 100.0% full',
  details: '',
  time: new Date().toISOString(),
  duration: 0,
  level: 'CRITICAL',
  previousLevel: 'WARNING',
  data: {
    series: [
      {
        name: 'disk',
        tags: { host: 'nexus-02', path: '/srv/nexus', environment: 'test' },
        columns: ['time', 'value'],
        values: [[new Date().toISOString(), 100]],
      },
    ],
  },
};
const res = await fetch(`${SERVE_URL}/api/v1/alerts/kapacitor`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${serveToken()}` },
  body: JSON.stringify(body),
});
if (res.status !== 202) {
  process.stderr.write(`calvin serve answered ${res.status}: ${await res.text()}\n`);
  process.exit(1);
}
const { id, url } = await res.json();
for (let i = 0; i < 300; i++) {
  const view = await (await fetch(`${SERVE_URL}/api/v1/alerts/${id}`)).json();
  if (view.state !== 'pending') break;
  await new Promise((r) => setTimeout(r, 200));
}
process.stdout.write(`\nThe demo incident's alert page (diagnosis taken at alert time, runbook inline):\n  ${url}\n`);
