/**
 * Replays recorded HTTP requests (record.mjs) with nothing but node:http: each request is sent once
 * the requests it waits for have been answered, and every answer is read whole and parsed, as any
 * client must. Run as a script (`node replay.mjs plan.json [shiftMs]`) it is the floor of a Node CLI
 * that sends these requests; imported, it times the same replay in a warm process.
 *
 * A plan is `[{ method, url, body, after: [indices of earlier requests] }]`. `shiftMs` moves every
 * ISO time in URLs and bodies, so repeated replays ask for other windows, as each diagnosis does.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

const ISO_TIME = /(\d{4}-\d{2}-\d{2}T\d{2})(:|%3A)(\d{2})\2(\d{2})(\.\d+)?Z/g;

/** `text` with every ISO time (plain or URL-encoded) moved by `shiftMs`, written the same way. */
export function shiftTimes(text, shiftMs) {
  if (!shiftMs) return text;
  return text.replace(ISO_TIME, (_match, head, sep, minutes, seconds, fraction) => {
    const moved = new Date(Date.parse(`${head}:${minutes}:${seconds}${fraction ?? ''}Z`) + shiftMs).toISOString();
    const [date, clock] = moved.slice(0, -1).split('T');
    const [hh, mm, ss] = clock.split(':');
    const [whole, millis] = ss.split('.');
    return `${date}T${hh}${sep}${mm}${sep}${whole}${fraction ? `.${millis}` : ''}Z`;
  });
}

function send(agent, request, shiftMs) {
  const url = new URL(shiftTimes(request.url, shiftMs));
  const body = request.body === null ? undefined : shiftTimes(request.body, shiftMs);
  const headers = body === undefined ? {} : { 'content-type': contentType(body) };
  return new Promise((resolve, reject) => {
    const outgoing = http.request(url, { method: request.method, agent, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (response.statusCode >= 400) reject(new Error(`${request.method} ${url.pathname}: ${response.statusCode}`));
        else resolve(text.length > 0 ? JSON.parse(text) : null);
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** InfluxDB's /query takes a form; Elasticsearch and Consul take JSON. */
const contentType = (body) => (body.startsWith('{') || body.startsWith('[') ? 'application/json' : 'application/x-www-form-urlencoded');

/** Sends every request of `plan` once its `after` requests are answered; resolves when all are. */
export async function replay(plan, agent, shiftMs = 0) {
  const answered = [];
  for (const request of plan) {
    answered.push(Promise.all(request.after.map((i) => answered[i])).then(() => send(agent, request, shiftMs)));
  }
  await Promise.all(answered);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  const agent = new http.Agent({ keepAlive: true });
  await replay(plan, agent, Number(process.argv[3] ?? 0));
  agent.destroy();
}
