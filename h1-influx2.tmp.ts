import fc from 'fast-check';
import { escapeRegexText, quoteIdent, quoteRegex, quoteString } from './src/define/index.js';
const hostile = fc.string({ unit: fc.constantFrom('"', "'", '\\', '\n', '/', '$', '^', '.', '*', '(', ')', '|', 'a', ' ', 'é', '😀', '\t'), minLength: 1 });
let n = 0;
await fc.assert(fc.asyncProperty(hostile, hostile, hostile, hostile, async (m, t, v, p) => {
  const text = `SELECT "x" FROM ${quoteIdent(m)} WHERE ${quoteIdent(t)} = ${quoteString(v)} AND "r" =~ ${quoteRegex(escapeRegexText(p))} AND time > now() - 1m`;
  const res = await fetch('http://127.0.0.1:18086/query?db=system&q=' + encodeURIComponent(text));
  const body = await res.json() as { error?: string; results?: { error?: string }[] };
  const err = body.error ?? body.results?.[0]?.error;
  n++;
  if (err) throw new Error(`${text} → ${err}`);
}), { numRuns: 300 });
console.log('real InfluxDB parsed', n, 'hostile queries');
