/**
 * Handlebars templates of serve's pages. Everything is `{{ }}` (escaped); the only markup passed in
 * is built by calvin itself (SVG charts, markdown-it output with raw HTML disabled) as SafeString.
 */
export const LAYOUT = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{{title}} · calvin</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/assets/calvin.css"></head>
<body><a class="skip" href="#main">Skip to content</a>
<header><nav aria-label="Main"><a href="/">calvin · {{environment}}</a><a href="/api/docs">API</a></nav></header>
<main id="main">{{> @partial-block}}</main>
{{#if script}}<script src="/assets/{{script}}"></script>{{/if}}
</body></html>`;

export const DIAGNOSIS = `<p class="summary s-{{d.status}}">{{d.summary}}</p>
<p class="meta">{{d.service}} · environment {{d.environment}} · window {{d.window.from}} – {{d.window.to}}</p>
{{#if d.suspects.length}}<h2>Suspects</h2>
<ol>{{#each d.suspects}}<li><strong>{{node}}</strong> (score {{score}}): {{reason}}</li>{{/each}}</ol>{{/if}}
{{#if charts.length}}<h2>Key signals</h2>
<div class="charts">{{#each charts}}<figure class="chart">{{svg}}<figcaption>{{description}}</figcaption></figure>{{/each}}</div>{{/if}}
{{#if d.instances.length}}<h2>Instances</h2>
<ul class="cards">{{#each d.instances}}<li class="card"><h3>{{node}} <span class="s-{{status}}">{{status}}</span></h3>
<div class="meta">{{serviceId}} · {{address}}</div>
{{#each checks}}<div><span class="s-{{status}}">{{status}}</span> {{name}}</div>{{/each}}
{{#each anomalies}}<div>{{source}}: {{evidence}}</div>{{/each}}</li>{{/each}}</ul>{{/if}}
{{#if d.topErrors.length}}<h2>Top errors</h2>
<ol>{{#each d.topErrors}}<li><code>{{pattern}}</code> · {{count}} on {{join nodes}}</li>{{/each}}</ol>{{/if}}
{{#if d.timeline.length}}<h2>Timeline</h2>
<ul>{{#each d.timeline}}<li><time datetime="{{time}}">{{time}}</time> {{node}} ({{source}}): {{summary}}</li>{{/each}}
</ul>{{/if}}
{{#if d.knownIssues.length}}<h2>Known issues</h2>
<ul>{{#each d.knownIssues}}<li><strong>{{id}}</strong>: {{title}} ({{matches}} matches){{#if link}}, <a href="{{link}}">runbook</a>{{/if}}</li>{{/each}}</ul>{{/if}}
<p class="meta">sources: consul {{d.sources.consul}} · influx {{d.sources.influx}} · elasticsearch {{d.sources.elasticsearch}} · {{d.durationMs}} ms</p>`;

export const OVERVIEW = `{{#> layout}}
<h1>Environment {{environment}}</h1>
<h2 id="open">Open alerts ({{openAlerts.length}})</h2>
{{#if openAlerts.length}}<ul class="cards">{{#each openAlerts}}<li class="card"><h3><a href="/alerts/{{key}}">{{level}} {{#if service}}{{service}}{{else}}unresolved service{{/if}}</a></h3>
<div>{{message}}</div><div class="meta"><time datetime="{{time}}">{{time}}</time> · {{source}}</div></li>{{/each}}
</ul>{{else}}<p>No open alerts.</p>{{/if}}
<h2 id="services">Services by status</h2>
{{#if servicesError}}<p class="s-critical">{{servicesError}}</p>{{/if}}
<ul class="cards">{{#each services}}<li class="card"><h3><a href="/services/{{service}}">{{service}}</a></h3>
<span class="s-{{status}}">{{status}}</span> · {{instances}} instance(s)</li>{{/each}}</ul>
<h2 id="diagnoses">Latest diagnoses</h2>
{{#if diagnoses.length}}<ul>{{#each diagnoses}}<li><strong>{{service}}</strong> <span class="s-{{status}}">{{status}}</span> at <time datetime="{{time}}">{{time}}</time>: {{summary}}</li>{{/each}}</ul>{{else}}<p>No diagnosis yet.</p>{{/if}}
{{/layout}}`;

export const ALERT = `{{#> layout}}
<h1>{{alert.level}} alert{{#if alert.service}} on {{alert.service}}{{/if}}</h1>
<p>{{alert.message}}</p>
<ul class="meta"><li>time <time datetime="{{alert.time}}">{{alert.time}}</time></li>
<li>from {{alert.source}}, id {{alert.alertId}}</li>
<li>service {{#if alert.service}}<a href="/services/{{alert.service}}">{{alert.service}}</a> (found by {{alert.resolvedVia}}){{else}}not resolved: no calvin alert id, known service tag or host in the catalog{{/if}}</li>
<li>state {{state}}{{#if alert.closedAt}} · closed at {{alert.closedAt}}{{/if}}</li></ul>
{{#if links.length}}<p>{{#each links}}<a href="{{href}}">{{text}}</a>{{#unless @last}} · {{/unless}}{{/each}}</p>{{/if}}
{{#if diagnosis}}<h2>Diagnosis at alert time</h2>
{{> diagnosis d=diagnosis charts=charts}}{{else}}<p class="s-pending">{{pendingText}}</p>{{/if}}
{{#if runbook}}<h2>Runbook: {{runbook.title}}</h2><div class="runbook">{{runbook.html}}</div>{{/if}}
{{/layout}}`;

export const SERVICE = `{{#> layout}}
<h1>Diagnosis of {{service}}</h1>
<form class="inline" method="get" action="/services/{{service}}"><div><label for="since">Window</label>
<select id="since" name="since">{{#each windows}}<option value="{{value}}"{{#if selected}} selected{{/if}}>{{value}}</option>{{/each}}</select></div>
<button type="submit">Diagnose again</button></form>
{{> diagnosis d=diagnosis charts=charts}}
{{/layout}}`;

export const RUNBOOK = `{{#> layout}}
<article class="runbook">{{html}}</article>
{{/layout}}`;

export const API_DOCS = `{{#> layout}}
<h1>calvin serve API</h1>
<p>The contract is the OpenAPI 3.1 document at <a href="/api/openapi.json">/api/openapi.json</a>. Writes need
<code>Authorization: Bearer $CALVIN_SERVE_TOKEN</code>.</p>
{{#each operations}}<section class="op" aria-labelledby="op-{{@index}}"><h2 id="op-{{@index}}"><span class="method">{{method}}</span> {{path}}</h2>
<p>{{summary}}</p>
{{#if tryable}}<form class="inline try" data-method="{{method}}" data-path="{{path}}">
{{#each params}}<div><label for="p-{{@../index}}-{{name}}">{{name}} ({{in}})</label><input id="p-{{@../index}}-{{name}}" name="{{name}}" data-in="{{in}}"></div>{{/each}}
<button type="submit">Send</button></form><pre class="result" aria-live="polite" hidden></pre>{{/if}}
</section>{{/each}}
{{/layout}}`;

export const ERROR_PAGE = `{{#> layout}}
<h1>{{heading}}</h1><p>{{message}}</p>{{#if hint}}<p class="meta">{{hint}}</p>{{/if}}
{{/layout}}`;
