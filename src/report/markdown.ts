/** The Markdown report (for tickets and chat): every backend string escaped, pipes included. Pure. */
import { cleanText, escapeMarkdown as md } from './escape.js';
import { chartSpecs } from './chart/index.js';
import { chartTable } from './chart/table.js';
import { zoneName } from './chart/time-axis.js';
import { clock, count, runbookHref, safeUrl, type ReportInput } from './model.js';
import { scaledSparkline } from './sparkline.js';

function link(title: string, url: string): string {
  const safe = safeUrl(url);
  if (!safe) return `${md(title)} (${md(url)})`;
  return `[${md(title)}](<${safe.replace(/[<>\s]/g, (ch) => encodeURIComponent(ch))}>)`;
}

function code(text: string): string {
  // Inside a code span nothing is Markdown or HTML; only the fence and table pipes need care:
  // a fence longer than any backtick run inside, and `\|` (GFM tables split cells even in code).
  const clean = cleanText(text).replace(/\|/g, '\\|');
  if (clean.trim() === '') return '–';
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence} ${clean} ${fence}`;
}

export function renderMarkdown(input: ReportInput): string {
  const d = input.diagnosis;
  const out: string[] = [];
  const to = d.window.to;
  const tz = input.timeZone ?? 'UTC';
  const zone = zoneName(tz, Date.parse(to) || 0);
  out.push(`# Diagnosis of ${md(d.service)}: ${d.status}`, '');
  out.push(`**${md(d.summary)}**`, '');
  out.push(
    `Query ${md(d.query)} · environment ${md(d.environment)} · window ${md(d.window.from)} to ` +
      `${md(d.window.to)} (times in ${md(zone)}) · baseline from ${md(d.baseline.from)}`,
    '',
  );

  if (d.instances.length > 0) {
    out.push('## Instances', '', '| Node | Address | Status | Checks | Anomalies |', '| --- | --- | --- | --- | --- |');
    for (const i of d.instances) {
      const checks = i.checks.map((c) => `${md(c.name)}: ${md(c.status)}`).join('<br>') || '–';
      const anomalies =
        i.anomalies
          .map((a) => `${md(a.source)}: ${md(a.evidence)}${a.since ? ` (since ${clock(a.since, to, tz)})` : ''}`)
          .join('<br>') || '–';
      out.push(`| ${md(i.node)} | ${md(i.address)} | ${i.status} | ${checks} | ${anomalies} |`);
    }
    out.push('');
  }

  const charts = input.charts ?? [];
  if (charts.length > 0) {
    // Chat and tickets show no inline SVG: each chart is its scaled sparkline, its words and a table.
    out.push('## Key signals', '');
    const specs = chartSpecs(d, charts, { timeZone: tz });
    charts.forEach((ch, n) => {
      const spark = scaledSparkline(
        ch.points.map((p) => p.value),
        ch.unit,
        30,
      );
      out.push(
        `- **${md(ch.node)} · ${md(ch.label)}** ${spark ? `\`${spark}\`` : ''}: ${md(specs[n]?.description ?? '')}`,
      );
      const rows = specs[n] ? chartTable(specs[n], tz) : [];
      if (rows.length > 0) {
        out.push('', '  | | Time | Value |', '  | --- | --- | --- |');
        for (const r of rows) out.push(`  | ${md(r.what)} | ${md(r.time)} | ${md(r.value)} |`);
      }
      out.push('');
    });
  }

  if (d.suspects.length > 0) {
    out.push('## Suspects', '');
    d.suspects.forEach((s, n) => out.push(`${n + 1}\\. **${md(s.node)}** (score ${s.score}): ${md(s.reason)}`, ''));
  }

  if (d.timeline.length > 0) {
    out.push(`## Timeline (${zone})`, '', '| Time | Node | Source | Event |', '| --- | --- | --- | --- |');
    for (const e of d.timeline)
      out.push(`| ${clock(e.time, to, tz)} | ${md(e.node)} | ${md(e.source)} | ${md(e.summary)} |`);
    out.push('');
  }

  if (d.topErrors.length > 0) {
    out.push(
      '## Top errors',
      '',
      '| Count | Pattern | Nodes | First | Last | Example |',
      '| ---: | --- | --- | --- | --- | --- |',
    );
    for (const e of d.topErrors) {
      out.push(
        `| ${count(e.count)} | ${code(e.pattern)} | ${e.nodes.map(md).join(', ')} | ${clock(e.first, to, tz)} | ` +
          `${clock(e.last, to, tz)} | ${code(e.example)} |`,
      );
    }
    out.push('');
  }

  if (d.knownIssues.length > 0) {
    out.push('## Known issues', '');
    for (const k of d.knownIssues)
      out.push(
        `- **${md(k.id)}**: ${md(k.title)} (${count(k.matches)} matches), runbook: ` +
          `${link(runbookHref(input, k.runbook), runbookHref(input, k.runbook))}`,
      );
    out.push('');
  }

  if (d.runbooks.length > 0) {
    out.push('## Runbooks', '');
    for (const r of d.runbooks)
      out.push(`- ${r.alert ? `${md(r.alert)}: ` : ''}${link(r.title, runbookHref(input, r.url))}`);
    out.push('');
  }

  out.push(
    `Sources: consul ${d.sources.consul}, influx ${d.sources.influx}, elasticsearch ${d.sources.elasticsearch} ` +
      `· ${count(d.durationMs)} ms`,
    '',
  );
  return out.join('\n');
}
