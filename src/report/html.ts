/**
 * The HTML report: one self-contained file (inline CSS, inline SVG charts, no script, no CDN).
 * Every interpolated value goes through `h` (escaping) unless it is markup this module built. Pure.
 */
import { escapeHtml } from './escape.js';
import { clock, count, formatChartValue, safeUrl, type ReportInput } from './model.js';
import { svgLineChart } from './svg-chart.js';

/** Markup built here; anything else interpolated into `html` is escaped. */
class Markup {
  constructor(readonly value: string) {}
}

function html(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new Markup(out);
}

function render(value: unknown): string {
  if (value instanceof Markup) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

function link(title: string, url: string): Markup {
  const safe = safeUrl(url);
  return safe ? html`<a href="${safe}" rel="noopener noreferrer">${title}</a>` : html`${title} (${url})`;
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:1100px;color:#1d232a;padding:0 1rem}
h1{font-size:1.4rem;margin:0 0 .3rem}h2{font-size:1.1rem;margin:1.6rem 0 .5rem;border-bottom:1px solid #dde2e7;padding-bottom:.2rem}
.meta{color:#5b6670}.summary{font-size:1.05rem;padding:.8rem 1rem;border-left:5px solid #888;background:#f5f7f9;margin:1rem 0}
.s-critical{color:#b3261e}.s-degraded,.s-warning{color:#9a6700}.s-healthy,.s-passing{color:#1a7f37}.s-unknown{color:#5b6670}
.summary.s-critical{border-color:#b3261e}.summary.s-degraded{border-color:#d4a72c}.summary.s-healthy{border-color:#2da44e}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid #eceff1}
th{background:#f5f7f9}code{font:12px ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;word-break:break-all}
.charts{display:flex;flex-wrap:wrap;gap:.8rem}.chart{border:1px solid #eceff1;border-radius:4px;padding:.3rem}
svg .t{font:12px system-ui,sans-serif;fill:#1d232a}svg .a{font:10px system-ui,sans-serif;fill:#5b6670}svg .ax{stroke:#c9d1d9}svg .l{fill:none;stroke:#0969da;stroke-width:1.5}
ul{padding-left:1.2rem}.num{text-align:right;white-space:nowrap}
`;

export function renderHtml(input: ReportInput): string {
  const d = input.diagnosis;
  const to = d.window.to;
  const charts = (input.charts ?? []).map(
    (ch) =>
      html`<div class="chart">${new Markup(svgLineChart(ch.points, { title: `${ch.node} · ${ch.label}`, format: (v) => formatChartValue(v, ch.unit) }))}</div>`,
  );
  const instances = d.instances.map(
    (
      i,
    ) => html`<tr><td><strong>${i.node}</strong><br><span class="meta">${i.serviceId}</span></td><td>${i.address}</td><td class="s-${i.status}">${i.status}</td>
<td>${i.checks.map((c) => html`<div><span class="s-${c.status}">${c.status}</span> ${c.name}${c.status !== 'passing' && c.output ? html`: <code>${c.output.slice(0, 300)}</code>` : ''}</div>`)}</td>
<td>${i.anomalies.length === 0 ? '–' : i.anomalies.map((a) => html`<div>${a.source}: ${a.evidence}${a.since ? ` (since ${clock(a.since, to)})` : ''}</div>`)}</td></tr>`,
  );
  const page = html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>calvin diagnose ${d.service}: ${d.status}</title><style>${new Markup(CSS)}</style></head><body>
<h1>Diagnosis of ${d.service} <span class="s-${d.status}">${d.status}</span></h1>
<div class="meta">query ${d.query} · environment ${d.environment} · window ${d.window.from} – ${d.window.to} · baseline from ${d.baseline.from}</div>
<p class="summary s-${d.status}">${d.summary}</p>
${charts.length > 0 ? html`<h2>Key signals</h2><div class="charts">${charts}</div>` : ''}
${d.suspects.length > 0 ? html`<h2>Suspects</h2><ol>${d.suspects.map((s) => html`<li><strong>${s.node}</strong> (score ${s.score}): ${s.reason}</li>`)}</ol>` : ''}
${d.instances.length > 0 ? html`<h2>Instances</h2><table><tr><th>Node</th><th>Address</th><th>Status</th><th>Checks</th><th>Anomalies</th></tr>${instances}</table>` : ''}
${d.timeline.length > 0 ? html`<h2>Timeline (UTC)</h2><table><tr><th>Time</th><th>Node</th><th>Source</th><th>Event</th></tr>${d.timeline.map((e) => html`<tr><td>${clock(e.time, to)}</td><td>${e.node}</td><td>${e.source}</td><td>${e.summary}</td></tr>`)}</table>` : ''}
${d.topErrors.length > 0 ? html`<h2>Top errors</h2><table><tr><th class="num">Count</th><th>Pattern</th><th>Nodes</th><th>First</th><th>Last</th></tr>${d.topErrors.map((e) => html`<tr><td class="num">${count(e.count)}</td><td><code>${e.pattern}</code><br><span class="meta">e.g. <code>${e.example}</code></span></td><td>${e.nodes.join(', ')}</td><td>${clock(e.first, to)}</td><td>${clock(e.last, to)}</td></tr>`)}</table>` : ''}
${d.knownIssues.length > 0 ? html`<h2>Known issues</h2><ul>${d.knownIssues.map((k) => html`<li><strong>${k.id}</strong>: ${k.title} (${count(k.matches)} matches), runbook ${link(k.runbook, k.runbook)}</li>`)}</ul>` : ''}
${d.runbooks.length > 0 ? html`<h2>Runbooks</h2><ul>${d.runbooks.map((r) => html`<li>${r.alert ? `${r.alert}: ` : ''}${link(r.title, r.url)}</li>`)}</ul>` : ''}
<p class="meta">sources: consul ${d.sources.consul} · influx ${d.sources.influx} · elasticsearch ${d.sources.elasticsearch} · ${count(d.durationMs)} ms</p>
</body></html>
`;
  return page.value;
}
