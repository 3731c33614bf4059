/** The terminal report: 80 columns, sparklines, colour only when asked. Pure. */
import pc from 'picocolors';
import type { DiagnosisStatus } from '../diagnose/types.js';
import { cleanText, padEnd, truncate } from './escape.js';
import { clock, count, runbookHref, type ReportInput } from './model.js';
import { scaledSparkline } from './sparkline.js';
import type { ChartSeries } from '../diagnose/charts.js';
import { zoneName } from './chart/time-axis.js';
import { displayWidth, splitAtWidth } from './width.js';
import { templateLabel } from '../diagnose/templates.js';

export interface TextOptions {
  color?: boolean;
  width?: number;
}

type Paint = (text: string) => string;

interface Palette {
  bold: Paint;
  dim: Paint;
  red: Paint;
  yellow: Paint;
  green: Paint;
  cyan: Paint;
}

function palette(color: boolean): Palette {
  const c = pc.createColors(color);
  return { bold: c.bold, dim: c.dim, red: c.red, yellow: c.yellow, green: c.green, cyan: c.cyan };
}

function statusPaint(p: Palette, status: DiagnosisStatus | string): Paint {
  if (status === 'critical') return p.red;
  if (status === 'degraded' || status === 'warning') return p.yellow;
  if (status === 'healthy' || status === 'passing') return p.green;
  return p.dim;
}

/** A whole URL, which a reader copies: runbook links are never cut. */
const URL_ONLY = /^https?:\/\/\S+$/;

/**
 * Word-wraps plain (already cleaned) text to `width` terminal columns, indenting continuation lines.
 * Words longer than a line are cut, except URLs when `keepUrls` (runbook links): such a URL gets a
 * line of its own and may run past the width there.
 */
export function wrap(text: string, width: number, indent: string, keepUrls = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (displayWidth(candidate) <= width || line === '') line = candidate;
    else {
      lines.push(line);
      line = word;
    }
    while (displayWidth(line) > width && !(keepUrls && URL_ONLY.test(line))) {
      const [head, tail] = splitAtWidth(line, width);
      lines.push(head);
      line = tail;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : indent + l));
}

export function renderText(input: ReportInput, options: TextOptions = {}): string {
  const d = input.diagnosis;
  const width = options.width ?? 80;
  const p = palette(options.color ?? false);
  const t = (s: string): string => cleanText(s);
  const out: string[] = [];
  const line = (s: string): void => {
    out.push(s);
  };
  const fit = (s: string, max = width): string => truncate(s, max);
  const tz = input.timeZone ?? 'UTC';
  const at = (iso: string): string => clock(iso, d.window.to, tz);
  const zone = zoneName(tz, Date.parse(d.window.to) || 0);

  const query = d.query !== d.service ? ` (asked for "${t(d.query)}")` : '';
  line(p.bold(fit(`calvin diagnose ${t(d.service)}${query}`)));
  line(
    p.dim(
      fit(
        `environment ${t(d.environment)} · window ${at(d.window.from)}–${at(d.window.to)} ${zone} · baseline ` +
          `from ${at(d.baseline.from)}`,
      ),
    ),
  );
  line('');
  const label = d.status.toUpperCase();
  // The summary ends with the runbook's URL: the one part allowed past the width, on its own line.
  const summaryLines = wrap(t(d.summary), width - label.length - 2, ' '.repeat(label.length + 2), true);
  line(`${statusPaint(p, d.status)(p.bold(label))}  ${summaryLines[0] ?? ''}`);
  for (const l of summaryLines.slice(1)) line(l);

  if (d.instances.length > 0) {
    line('');
    line(p.bold(`Instances (${d.instances.length})`));
    const nodeWidth = Math.min(24, Math.max(...d.instances.map((i) => displayWidth(t(i.node)))));
    for (const i of d.instances) {
      const passing = i.checks.filter((c) => c.status === 'passing').length;
      const mark = i.status === 'healthy' ? '✔' : i.status === 'critical' ? '✖' : '▲';
      const node = padEnd(truncate(t(i.node), nodeWidth), nodeWidth);
      const checks = `${padEnd(i.status, 9)} checks ${passing}/${i.checks.length} passing`;
      // The address gets what the line has left (an IPv6 address is up to 39 columns); none if too little.
      const room = Math.min(39, width - (4 + nodeWidth + 2 + displayWidth(checks) + 2));
      const rest = room >= 4 ? `${checks}  ${truncate(t(i.address), room)}` : truncate(checks, width - 6 - nodeWidth);
      line(
        `  ${statusPaint(p, i.status)(mark)} ${p.bold(node)}  ` +
          `${statusPaint(p, i.status)(rest.slice(0, 9))}${rest.slice(9)}`,
      );
      for (const c of i.checks.filter((x) => x.status !== 'passing')) {
        for (const l of wrap(
          `check "${t(c.name)}" ${t(c.status)}${c.output ? `: ${t(c.output)}` : ''}`,
          width - 6,
          '      ',
        ).slice(0, 2))
          line(`      ${statusPaint(p, c.status)(l.trimStart())}`);
      }
      for (const a of i.anomalies.filter((x) => x.source !== 'health').slice(0, 4)) {
        const since = a.since ? ` since ${at(a.since)}` : '';
        for (const l of wrap(`${a.source}: ${t(a.evidence)}${since}`, width - 6, '      ').slice(0, 3))
          line(`      ${l.trimStart()}`);
        const chart = (input.charts ?? []).find(
          (ch) => ch.node === i.node && ch.signal === (a.source === 'logs' ? 'log.errors' : a.signal),
        );
        if (chart) line(`      ${sparkLine(chart, width - 6, p, at)}`);
      }
    }
  }

  if (d.suspects.length > 0) {
    line('');
    line(p.bold('Suspects'));
    d.suspects.slice(0, 5).forEach((s, n) => {
      const head = `  ${n + 1}. ${t(s.node)} (score ${s.score})`;
      line(p.bold(fit(head)));
      for (const l of wrap(t(s.reason), width - 6, '      ').slice(0, 3)) line(`      ${l.trimStart()}`);
    });
  }

  if (d.timeline.length > 0) {
    line('');
    line(p.bold(`Timeline (${zone})`));
    for (const e of d.timeline.slice(-12)) {
      line(
        fit(
          `  ${padEnd(at(e.time), 5)}  ${padEnd(truncate(t(e.node), 16), 16)} ${padEnd(e.source, 7)} ${t(e.summary)}`,
        ),
      );
    }
  }

  if (d.topErrors.length > 0) {
    line('');
    line(p.bold('Top errors'));
    for (const e of d.topErrors.slice(0, 5)) {
      const nodes = e.nodes.length <= 3 ? e.nodes.map(t).join(', ') : `${e.nodes.length} nodes`;
      const label = templateLabel(e.pattern);
      line(fit(`  ${padEnd(`${count(e.count)}×`, 8)} ${t(label)}`));
      if (label !== e.pattern) line(p.dim(fit(`           ${t(e.pattern)}`)));
      line(p.dim(fit(`           ${nodes} · ${at(e.first)}–${at(e.last)}`)));
      if (e.example !== e.pattern) line(p.dim(fit(`           e.g. ${t(e.example)}`)));
    }
  }

  if (d.knownIssues.length > 0) {
    line('');
    line(p.bold('Known issues'));
    for (const k of d.knownIssues) {
      line(fit(`  ${t(k.id)} (${count(k.matches)} matching errors)`));
      for (const l of wrap(t(k.title), width - 6, '      ').slice(0, 2)) line(`      ${l.trimStart()}`);
      // URLs are never cut (they are meant to be copied): a long one goes on a line of its own.
      const target = t(runbookHref(input, k.runbook));
      const runbook = `      runbook ${target}`;
      if (displayWidth(runbook) <= width) line(runbook);
      else {
        line('      runbook:');
        line(`      ${target}`);
      }
    }
  }

  if (d.runbooks.length > 0) {
    line('');
    line(p.bold('Runbooks'));
    for (const r of d.runbooks.slice(0, 5)) {
      line(fit(`  ${r.alert ? `${t(r.alert)}: ` : ''}${t(r.title)}`));
      const target = t(runbookHref(input, r.url));
      line(URL_ONLY.test(target) ? `      ${target}` : fit(`      ${target}`));
    }
  }

  line('');
  const sources = (Object.entries(d.sources) as [string, string][])
    .map(([k, v]) => `${k} ${v === 'ok' ? p.green(v) : p.red(v)}`)
    .join(' · ');
  line(p.dim(`sources: `) + sources + p.dim(` · ${count(d.durationMs)} ms`));
  return `${out.join('\n')}\n`;
}

/**
 * `78% ▁▁▂▃▅▇██ 100%  Disk used /srv · crit 90% at 01:02`: the sparkline between its scale, what it
 * is, and the highest threshold crossed (else the critical one), within `room` columns.
 */
function sparkLine(chart: ChartSeries, room: number, p: Palette, at: (iso: string) => string): string {
  const values = chart.points.map((pt) => pt.value);
  const scaled = scaledSparkline(values, chart.unit, Math.min(30, room - 40));
  if (scaled === '') return p.dim(`${cleanText(chart.label)}: no data`);
  const crossed = (level: 'warning' | 'critical'): string | null => {
    const limit = chart.thresholds?.[level];
    if (limit === undefined) return null;
    const first = chart.points.find((pt) => pt.value !== null && pt.value >= limit);
    const name = level === 'critical' ? 'crit' : 'warn';
    return first
      ? `${name} ${formatLimit(limit, chart.unit)} crossed ${at(first.time)}`
      : `${name} ${formatLimit(limit, chart.unit)}`;
  };
  const critical = crossed('critical');
  const warning = crossed('warning');
  const note = critical?.includes('crossed') || !warning?.includes('crossed') ? (critical ?? warning) : warning;
  const label = chart.signal === 'log.errors' ? 'errors per bucket' : cleanText(chart.label);
  const words = note ? `${note} · ${label}` : label;
  return `${p.cyan(scaled)}  ${p.dim(truncate(words, room - displayWidth(scaled) - 2))}`;
}

function formatLimit(value: number, unit: string): string {
  return `${Math.round(value * 10) / 10}${unit === 'percent' ? '%' : ''}`;
}
