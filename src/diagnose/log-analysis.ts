/**
 * Log anomalies: each instance's error rate against its baseline, and error patterns that did not
 * occur in the baseline. Messages are grouped into templates first. Pure.
 */
import type { Collected, MessageGroup } from './collected.js';
import { formatClock, formatCount } from './format.js';
import type { FoundAnomaly, TimelineEvent } from './found.js';
import { describeServiceBaseline, serviceBaseline } from './service-baseline.js';
import { round } from './stats.js';
import { templateLabel, templateOf } from './templates.js';

export interface ErrorPattern {
  template: string;
  label: string;
  count: number;
  hosts: Map<string, number>;
  first: string;
  last: string;
  example: string;
  isNew: boolean;
  errorTypes: Set<string>;
  services: Set<string>;
  processes: Set<string>;
  /** The raw message groups (known issues test their messages). */
  messages: MessageGroup[];
}

export function groupPatterns(windowErrors: MessageGroup[], baselineErrors: MessageGroup[]): ErrorPattern[] {
  const old = new Set(baselineErrors.map((g) => templateOf(g.message)));
  const byTemplate = new Map<string, ErrorPattern>();
  for (const group of windowErrors) {
    const template = templateOf(group.message);
    let p = byTemplate.get(template);
    if (!p) {
      p = {
        template,
        label: templateLabel(template),
        count: 0,
        hosts: new Map(),
        first: group.first,
        last: group.last,
        example: group.message,
        isNew: !old.has(template),
        errorTypes: new Set(),
        services: new Set(),
        processes: new Set(),
        messages: [],
      };
      byTemplate.set(template, p);
    }
    const biggest = p.messages.reduce((n, m) => Math.max(n, m.count), 0);
    if (group.count > biggest) p.example = group.message;
    p.count += group.count;
    for (const h of group.hosts) p.hosts.set(h.name, (p.hosts.get(h.name) ?? 0) + h.count);
    if (group.first < p.first) p.first = group.first;
    if (group.last > p.last) p.last = group.last;
    for (const t of group.errorTypes) p.errorTypes.add(t);
    for (const s of group.services) p.services.add(s);
    for (const s of group.processes) p.processes.add(s);
    p.messages.push(group);
  }
  return [...byTemplate.values()].sort((a, b) => b.count - a.count || a.template.localeCompare(b.template));
}

/** Patterns with the same label ("No space left on device") told as one error in sentences. */
export interface LabelGroup {
  label: string;
  count: number;
  hosts: Map<string, number>;
  first: string;
  last: string;
  isNew: boolean;
}

export function groupLabels(patterns: ErrorPattern[]): LabelGroup[] {
  const byLabel = new Map<string, LabelGroup>();
  for (const p of patterns) {
    const g = byLabel.get(p.label) ?? {
      label: p.label,
      count: 0,
      hosts: new Map<string, number>(),
      first: p.first,
      last: p.last,
      isNew: false,
    };
    g.count += p.count;
    for (const [h, n] of p.hosts) g.hosts.set(h, (g.hosts.get(h) ?? 0) + n);
    if (p.first < g.first) g.first = p.first;
    if (p.last > g.last) g.last = p.last;
    g.isNew ||= p.isNew;
    byLabel.set(p.label, g);
  }
  return [...byLabel.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

export interface LogFindings {
  patterns: ErrorPattern[];
  labels: LabelGroup[];
  anomalies: FoundAnomaly[];
  events: TimelineEvent[];
}

const MIN_ERRORS = 10;
const MIN_NEW_PATTERN = 5;

export function analyzeLogs(c: Collected): LogFindings {
  const patterns = groupPatterns(c.logs.windowErrors, c.logs.baselineErrors);
  const labels = groupLabels(patterns);
  const windowMs = Date.parse(c.window.to) - Date.parse(c.window.from);
  const baselineMs = Math.max(1, Date.parse(c.baseline.to) - Date.parse(c.baseline.from));
  const anomalies: FoundAnomaly[] = [];
  const events: TimelineEvent[] = [];
  // An instance without history of its own (immutable infrastructure: a new node) is compared with
  // the service's history: the mean error rate of the nodes that logged for it in the baseline.
  const service = serviceBaseline(c);
  const current = new Set(c.instances.map((i) => i.node));
  for (const stats of c.logs.hosts) {
    // Nodes replaced since are history, not instances to judge.
    if (!current.has(stats.host)) continue;
    const own = stats.baseline.total > 0 || service === null;
    const expected = ((own ? stats.baseline.errors : (service?.errors ?? 0)) * windowMs) / baselineMs;
    const errors = stats.window.errors;
    const newHere = labels
      .filter((p) => p.isNew && (p.hosts.get(stats.host) ?? 0) >= MIN_NEW_PATTERN)
      .sort((a, b) => (b.hosts.get(stats.host) ?? 0) - (a.hosts.get(stats.host) ?? 0));
    const rateUp = errors >= MIN_ERRORS && errors >= 3 * expected + 5;
    if (!rateUp && newHere.length === 0) continue;
    const perBucket = (expected / Math.max(1, stats.buckets.length)) * 3 + 1;
    const firstBad = stats.buckets.find((b) => b.errors > perBucket);
    const top = newHere[0];
    const sinceCandidates = [firstBad?.time, top?.first].filter((t): t is string => Boolean(t)).sort();
    const ratio = (errors + 1) / (expected + 1);
    const score = Math.min(8, 3 + Math.log2(ratio) / 1.5 + (newHere.length > 0 ? 1 : 0));
    const newText = top ? `; new: '${top.label}' ×${formatCount(top.hosts.get(stats.host) ?? 0)}` : '';
    anomalies.push({
      host: stats.host,
      anomaly: {
        source: 'logs',
        signal: top ? 'log.new_errors' : 'log.error_rate',
        score: round(Math.max(4, score)),
        value: errors,
        baseline: round(expected, 1),
        since: sinceCandidates[0] ?? null,
        evidence:
          `${formatCount(errors)} errors in the window (${formatCount(round(expected, 1))} expected from ` +
          `${own || !service ? 'the baseline' : `${describeServiceBaseline(service)}: the instance has no history`})` +
          newText,
      },
      headline: top
        ? `${formatCount(top.hosts.get(stats.host) ?? 0)} '${top.label}' errors`
        : `${formatCount(errors)} errors (baseline ${formatCount(expected)})`,
    });
  }
  for (const p of labels.filter((x) => x.isNew && x.count >= MIN_NEW_PATTERN).slice(0, 10)) {
    const hosts = [...p.hosts.keys()].sort();
    events.push({
      time: p.first,
      node: hosts.length === 1 ? (hosts[0] as string) : `${hosts.length} nodes`,
      source: 'logs',
      summary: `first '${p.label}' (${formatCount(p.count)}× until ${formatClock(p.last, c.window.to)})`,
    });
  }
  return { patterns, labels, anomalies, events };
}
