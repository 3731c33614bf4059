/**
 * Preload (`node --import`) that records every HTTP request a process sends: method, URL, body and
 * when it was sent and answered. bench:diagnose records one CLI diagnosis with it, then replays the
 * requests from a bare process (replay.mjs) to measure the floor any Node client of these requests pays.
 * Writes to the file named by CALVIN_BENCH_RECORD when the process exits.
 */
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const file = process.env.CALVIN_BENCH_RECORD;
const requests = [];
const original = http.request;

/** The request's URL, whichever of http.request's argument forms was used. */
function urlOf(args) {
  const [first, second] = args;
  if (typeof first === 'string' || first instanceof URL) return new URL(first).href;
  const options = first ?? second ?? {};
  const host = options.hostname ?? options.host ?? 'localhost';
  return `${options.protocol ?? 'http:'}//${host}${options.port ? `:${options.port}` : ''}${options.path ?? '/'}`;
}

http.request = function recorded(...args) {
  const request = original.apply(this, args);
  const entry = { method: request.method, url: urlOf(args), body: null, start: 0, end: 0 };
  requests.push(entry);
  const end = request.end.bind(request);
  request.end = (chunk, ...rest) => {
    entry.start = performance.now();
    if (chunk && typeof chunk !== 'function') entry.body = Buffer.from(chunk).toString('utf8');
    return end(chunk, ...rest);
  };
  request.on('response', (response) => {
    response.on('end', () => {
      entry.end = performance.now();
    });
  });
  return request;
};

if (file) process.on('exit', () => writeFileSync(file, JSON.stringify(requests)));
