/**
 * The HTML report: one self-contained file (inline CSS, inline SVG charts, no script, no CDN) that
 * reflows down to 360 px. Every interpolated value goes through `h` (escaping) unless it is markup
 * this module built. Pure.
 */
import { chartSpecs, renderChartSvg } from './chart/index.js';
import { zoneName } from './chart/time-axis.js';
import { escapeHtml } from './escape.js';
import { clock, count, runbookHref, safeUrl, statusMark, type ReportInput } from './model.js';
import { REPORT_CSS } from './page-css.js';

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

/** A status as symbol and word, coloured too (never by colour alone). */
function status(value: string): Markup {
  return html`<span class="status s-${value}">${statusMark(value)} ${value}</span>`;
}

export function renderHtml(input: ReportInput): string {
  const d = input.diagnosis;
  const to = d.window.to;
  const tz = input.timeZone ?? 'UTC';
  const at = (iso: string): string => clock(iso, to, tz);
  const zone = zoneName(tz, Date.parse(to) || 0);
  const charts = chartSpecs(d, input.charts ?? [], { timeZone: tz }).map(
    (spec) =>
      html`<figure class="chart">${new Markup(renderChartSvg(spec))}<figcaption>${spec.description}</figcaption></figure>`,
  );
  const instances = d.instances.map(
    (i) => html`<tr><td data-label="Node"><strong>${i.node}</strong><br><span class="meta">${i.serviceId}</span></td>
<td data-label="Address">${i.address}</td><td data-label="Status">${status(i.status)}</td>
<td data-label="Checks">${i.checks.map((c) => html`<div>${status(c.status)} ${c.name}${c.status !== 'passing' && c.output ? html`: <code>${c.output.slice(0, 300)}</code>` : ''}</div>`)}</td>
<td data-label="Anomalies">${i.anomalies.length === 0 ? '–' : i.anomalies.map((a) => html`<div>${a.source}: ${a.evidence}${a.since ? ` (since ${at(a.since)})` : ''}</div>`)}</td></tr>`,
  );
  const runbook = (title: string, url: string): Markup => link(title, runbookHref(input, url));
  const page = html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>calvin diagnose ${d.service}: ${d.status}</title><style>${new Markup(REPORT_CSS)}</style></head><body><main>
<h1>Diagnosis of ${d.service} ${status(d.status)}</h1>
<p class="meta">query ${d.query} · environment ${d.environment} · window ${at(d.window.from)}–${at(d.window.to)} ${zone} (${d.window.from} – ${d.window.to}) · baseline from ${at(d.baseline.from)}</p>
<p class="summary s-${d.status}">${d.summary}</p>
${charts.length > 0 ? html`<h2>Key signals</h2><div class="charts">${charts}</div>` : ''}
${d.suspects.length > 0 ? html`<h2>Suspects</h2><ol>${d.suspects.map((s) => html`<li><strong>${s.node}</strong> (score ${s.score}): ${s.reason}</li>`)}</ol>` : ''}
${d.instances.length > 0 ? html`<h2>Instances</h2><table class="cards"><thead><tr><th>Node</th><th>Address</th><th>Status</th><th>Checks</th><th>Anomalies</th></tr></thead><tbody>${instances}</tbody></table>` : ''}
${d.timeline.length > 0 ? html`<h2>Timeline (${zone})</h2><table class="cards"><thead><tr><th>Time</th><th>Node</th><th>Source</th><th>Event</th></tr></thead><tbody>${d.timeline.map((e) => html`<tr><td data-label="Time">${at(e.time)}</td><td data-label="Node">${e.node}</td><td data-label="Source">${e.source}</td><td data-label="Event">${e.summary}</td></tr>`)}</tbody></table>` : ''}
${d.topErrors.length > 0 ? html`<h2>Top errors</h2><table class="cards"><thead><tr><th class="num">Count</th><th>Pattern</th><th>Nodes</th><th>First</th><th>Last</th></tr></thead><tbody>${d.topErrors.map((e) => html`<tr><td class="num" data-label="Count">${count(e.count)}</td><td data-label="Pattern"><code>${e.pattern}</code><br><span class="meta">e.g. <code>${e.example}</code></span></td><td data-label="Nodes">${e.nodes.join(', ')}</td><td data-label="First">${at(e.first)}</td><td data-label="Last">${at(e.last)}</td></tr>`)}</tbody></table>` : ''}
${d.knownIssues.length > 0 ? html`<h2>Known issues</h2><ul>${d.knownIssues.map((k) => html`<li><strong>${k.id}</strong>: ${k.title} (${count(k.matches)} matches), runbook ${runbook(runbookHref(input, k.runbook), k.runbook)}</li>`)}</ul>` : ''}
${d.runbooks.length > 0 ? html`<h2>Runbooks</h2><ul>${d.runbooks.map((r) => html`<li>${r.alert ? `${r.alert}: ` : ''}${runbook(r.title, r.url)}</li>`)}</ul>` : ''}
<p class="meta">sources: consul ${d.sources.consul} · influx ${d.sources.influx} · elasticsearch ${d.sources.elasticsearch} · ${count(d.durationMs)} ms</p>
</main></body></html>
`;
  return page.value;
}
