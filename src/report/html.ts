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
import type { Diagnosis } from '../diagnose/types.js';

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

/** Parts written one after another: long markup split over lines without changing the output. */
function cat(...parts: Markup[]): Markup {
  return new Markup(parts.map((p) => p.value).join(''));
}

function head(...cells: string[]): Markup {
  const th = (c: string): Markup => (c === 'Count' ? html`<th class="num">${c}</th>` : html`<th>${c}</th>`);
  return html`<thead><tr>${cells.map(th)}</tr></thead>`;
}

function section<T>(title: Markup, items: readonly T[], body: (items: readonly T[]) => Markup): Markup | '' {
  return items.length > 0 ? cat(title, body(items)) : '';
}

export function renderHtml(input: ReportInput): string {
  const d = input.diagnosis;
  const to = d.window.to;
  const tz = input.timeZone ?? 'UTC';
  const at = (iso: string): string => clock(iso, to, tz);
  const zone = zoneName(tz, Date.parse(to) || 0);
  const charts = chartSpecs(d, input.charts ?? [], { timeZone: tz }).map((spec) =>
    cat(
      html`<figure class="chart">${new Markup(renderChartSvg(spec))}`,
      html`<figcaption>${spec.description}</figcaption></figure>`,
    ),
  );
  const check = (c: Diagnosis['instances'][number]['checks'][number]): Markup =>
    cat(
      html`<div>${status(c.status)} ${c.name}`,
      c.status !== 'passing' && c.output ? html`: <code>${c.output.slice(0, 300)}</code>` : html``,
      html`</div>`,
    );
  const anomaly = (a: Diagnosis['instances'][number]['anomalies'][number]): Markup =>
    html`<div>${a.source}: ${a.evidence}${a.since ? ` (since ${at(a.since)})` : ''}</div>`;
  const instances = d.instances.map(
    (i) => html`<tr><td data-label="Node"><strong>${i.node}</strong><br><span class="meta">${i.serviceId}</span></td>
<td data-label="Address">${i.address}</td><td data-label="Status">${status(i.status)}</td>
<td data-label="Checks">${i.checks.map(check)}</td>
<td data-label="Anomalies">${i.anomalies.length === 0 ? '–' : i.anomalies.map(anomaly)}</td></tr>`,
  );
  const runbook = (title: string, url: string): Markup => link(title, runbookHref(input, url));
  const suspects = section(
    html`<h2>Suspects</h2>`,
    d.suspects,
    (list) =>
      html`<ol>${list.map((s) => html`<li><strong>${s.node}</strong> (score ${s.score}): ${s.reason}</li>`)}</ol>`,
  );
  const instanceTable = section(html`<h2>Instances</h2>`, instances, (rows) =>
    cat(
      html`<table class="cards">${head('Node', 'Address', 'Status', 'Checks', 'Anomalies')}`,
      html`<tbody>${rows}</tbody></table>`,
    ),
  );
  const event = (e: Diagnosis['timeline'][number]): Markup =>
    cat(
      html`<tr><td data-label="Time">${at(e.time)}</td><td data-label="Node">${e.node}</td>`,
      html`<td data-label="Source">${e.source}</td><td data-label="Event">${e.summary}</td></tr>`,
    );
  const timeline = section(
    html`<h2>Timeline (${zone})</h2>`,
    d.timeline,
    (list) =>
      html`<table class="cards">${head('Time', 'Node', 'Source', 'Event')}<tbody>${list.map(event)}</tbody></table>`,
  );
  const topError = (e: Diagnosis['topErrors'][number]): Markup =>
    cat(
      html`<tr><td class="num" data-label="Count">${count(e.count)}</td>`,
      html`<td data-label="Pattern"><code>${e.pattern}</code><br><span class="meta">e.g. <code>${e.example}</code>`,
      html`</span></td><td data-label="Nodes">${e.nodes.join(', ')}</td>`,
      html`<td data-label="First">${at(e.first)}</td><td data-label="Last">${at(e.last)}</td></tr>`,
    );
  const topErrors = section(html`<h2>Top errors</h2>`, d.topErrors, (list) =>
    cat(
      html`<table class="cards">${head('Count', 'Pattern', 'Nodes', 'First', 'Last')}`,
      html`<tbody>${list.map(topError)}</tbody></table>`,
    ),
  );
  const knownIssue = (k: Diagnosis['knownIssues'][number]): Markup =>
    cat(
      html`<li><strong>${k.id}</strong>: ${k.title} (${count(k.matches)} matches), `,
      html`runbook ${runbook(runbookHref(input, k.runbook), k.runbook)}</li>`,
    );
  const knownIssues = section(
    html`<h2>Known issues</h2>`,
    d.knownIssues,
    (list) => html`<ul>${list.map(knownIssue)}</ul>`,
  );
  const runbooks = section(
    html`<h2>Runbooks</h2>`,
    d.runbooks,
    (list) =>
      html`<ul>${list.map((r) => html`<li>${r.alert ? `${r.alert}: ` : ''}${runbook(r.title, r.url)}</li>`)}</ul>`,
  );
  const window = cat(
    html`query ${d.query} · environment ${d.environment} · window ${at(d.window.from)}–${at(d.window.to)} ${zone} `,
    html`(${d.window.from} – ${d.window.to}) · baseline from ${at(d.baseline.from)}`,
  );
  const sources = cat(
    html`sources: consul ${d.sources.consul} · influx ${d.sources.influx} · `,
    html`elasticsearch ${d.sources.elasticsearch} · ${count(d.durationMs)} ms`,
  );
  const page = html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>calvin diagnose ${d.service}: ${d.status}</title><style>${new Markup(REPORT_CSS)}</style></head><body><main>
<h1>Diagnosis of ${d.service} ${status(d.status)}</h1>
<p class="meta">${window}</p>
<p class="summary s-${d.status}">${d.summary}</p>
${charts.length > 0 ? html`<h2>Key signals</h2><div class="charts">${charts}</div>` : ''}
${suspects}
${instanceTable}
${timeline}
${topErrors}
${knownIssues}
${runbooks}
<p class="meta">${sources}</p>
</main></body></html>
`;
  return page.value;
}
