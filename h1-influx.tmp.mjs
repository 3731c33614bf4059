import { readFileSync } from 'node:fs';
const lines = readFileSync('test/fixtures/define/shipped-queries.txt', 'utf8').trim().split('\n');
let ok = 0, bad = 0;
for (const line of lines) {
  const q = line.split(' | ')[2];
  if (q.startsWith('lucene')) continue;
  const text = q.replace(/\$timeFilter/g, "time > now() - 1h").replace(/\$__interval/g, '1m').replace(/\/\^\$[a-z_]+\$\//g, '/^.*$/');
  const res = await fetch('http://127.0.0.1:18086/query?db=system&q=' + encodeURIComponent(text));
  const body = await res.json();
  const err = body.error ?? body.results?.[0]?.error;
  if (err && /pars|syntax|unable/i.test(err)) { bad++; console.log('BAD', text, '→', err); } else ok++;
}
console.log({ ok, bad });
