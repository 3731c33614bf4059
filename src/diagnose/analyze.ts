/**
 * Collected data → Diagnosis. Pure: the only time it reads is the injected clock (for durationMs).
 */
import { publishedRunbookUrl } from '../define/runbook-ref.js';
import type { Collected } from './collected.js';
import { DEPENDENCY_PREFIX, findDependencyOutage, type DependencyOutage } from './dependency.js';
import { formatClock, formatCount } from './format.js';
import type { FoundAnomaly, TimelineEvent } from './found.js';
import { matchKnownIssues } from './known-issues.js';
import { analyzeLogs, type LabelGroup } from './log-analysis.js';
import { analyzeMetrics, type MetricFindings, UPTIME_RESET } from './metric-analysis.js';
import { logRestarts, restartEvents } from './log-restarts.js';
import { byScore, healthAnomalies, instanceReports } from './health-analysis.js';
import { analyzeRollout, rolloutSentence, type Rollout } from './rollout.js';
import { appearedInstances, changeEvents, replacements, vanishedInstances } from './changes.js';
import { serviceBaseline } from './service-baseline.js';
import { alignedChange, changesOf, deployEvents } from './aligned-change.js';
import {
  analyzeDependencies,
  blamedDependency,
  dependencySuspects,
  type DependencyFinding,
} from './dependency-analysis.js';
import { failedReplacement } from './replacement.js';
import { round } from './stats.js';
import type { Diagnosis, DiagnosisStatus, InstanceReport } from './types.js';

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

const MAX_TIMELINE = 40;
const MAX_TOP_ERRORS = 10;

export interface AnalyzeOptions {
  /** Always compare versions side by side (`--compare-versions`), even with one version. */
  compareVersions?: boolean;
  /** calvin serve's URL from the config: runbooks kept in the project link to its pages. */
  serveUrl?: string;
  /** analyzeMetrics of these same metrics, done already (diagnose runs it while the logs come in). */
  metricFindings?: MetricFindings;
}

export function analyze(c: Collected, clock: Clock, startedAtMs: number, options: AnalyzeOptions = {}): Diagnosis {
  const metrics = options.metricFindings ?? analyzeMetrics(c);
  const logs = analyzeLogs(c);
  const health = healthAnomalies(c);
  const appeared = appearedInstances(c);
  const outage = findDependencyOutage(c, logs.patterns, metrics.anomalies);
  // A whole new set of instances failing as one is their image, not an unnamed dependency.
  const replacement = failedReplacement(c, appeared, outage);
  const dependency = replacement ? null : outage;
  const all = [...health, ...metrics.anomalies, ...logs.anomalies];

  const instances = instanceReports(c.instances, all);
  const dependencies = analyzeDependencies(c);
  const ownStatus = overallStatus(c, instances, null);
  const blamed = blamedDependency(dependencies, dependency, ownStatus === 'healthy');

  const rollout = analyzeRollout(c, instances, logs.labels, options.compareVersions ?? false);
  const ranked = withVersionSuspect(rankSuspects(c, all, dependency, blamed), rollout);
  const suspects = replacement ? [replacement.suspect, ...ranked] : ranked;
  const published = (ref: string): string => publishedRunbookUrl(ref, options.serveUrl);
  const knownIssues = matchKnownIssues(c.knownIssues, logs.patterns, c.service, c.logs.knownIssueCounts).map((k) => ({
    ...k,
    runbook: published(k.runbook),
  }));
  // Measurements with an anomaly: the runbooks of alerts on them rank first, and one of them is the sentence's.
  const anomalous = new Set(all.flatMap((a) => (a.measurement ? [a.measurement] : [])));
  const runbooks = rankRunbooks(c, anomalous).map((r) => ({ ...r, url: published(r.url) }));
  const status = overallStatus(c, instances, dependency);
  const vanished = vanishedInstances(c);
  const replaced = replacements(appeared, vanished, c.bucketMs);
  const reboots = metrics.events.filter((e) => e.summary === UPTIME_RESET).map((e) => ({ host: e.node, time: e.time }));
  const restarts = logRestarts(c, reboots);
  const timeline = buildTimeline(all, [
    ...metrics.events,
    ...logs.events,
    ...changeEvents(c, appeared, vanished, replaced),
    ...deployEvents(c),
    ...restartEvents(restarts),
  ]);
  const change = alignedChange(c, all, changesOf(c, { appeared, vanished, replaced, restarts }, all));
  const history = serviceBaseline(c);
  const topErrors = logs.patterns.slice(0, MAX_TOP_ERRORS).map((p) => ({
    pattern: p.template,
    count: p.count,
    nodes: [...p.hosts.keys()].sort(),
    // A message without a timestamp must not leave an empty time in the contract: the window bounds it.
    first: p.first || c.window.from,
    last: p.last || c.window.to,
    example: p.example.length > 500 ? `${p.example.slice(0, 500)}…` : p.example,
  }));
  // The runbook for the sentence: an alert's on an anomalous signal, else a matched known issue's,
  // else the service's own (never an unrelated alert's).
  const alertRunbook = c.alertRunbooks.find((r) => anomalous.has(r.measurement))?.url;
  const sentenceRunbook = alertRunbook ?? knownIssues[0]?.runbook ?? c.serviceRunbooks[0]?.url;
  const summary = summarize(
    c,
    status,
    instances,
    all,
    logs.labels,
    dependency,
    blamed,
    sentenceRunbook === undefined ? undefined : published(sentenceRunbook),
    rollout,
    change,
  );
  return {
    service: c.service,
    query: c.query,
    environment: c.environment,
    window: c.window,
    baseline: c.baseline,
    status,
    summary,
    instances,
    suspects,
    timeline,
    topErrors,
    knownIssues,
    runbooks,
    sources: c.sources,
    durationMs: Math.max(0, Math.round(clock.now() - startedAtMs)),
    ...(dependencies.length > 0 ? { dependencies: dependencies.map((d) => d.report) } : {}),
    ...(rollout ? { rollout } : {}),
    ...(history && history.instances.length > 0
      ? { serviceBaseline: { nodes: history.nodes, earlier: history.earlier, instances: history.instances } }
      : {}),
  };
}

function overallStatus(
  c: Collected,
  instances: InstanceReport[],
  dependency: DependencyOutage | null,
): DiagnosisStatus {
  if (c.instances.length === 0) return 'unknown';
  if (dependency) return 'critical';
  if (instances.some((i) => i.status === 'critical')) return 'critical';
  if (instances.some((i) => i.status === 'degraded')) return 'degraded';
  return 'healthy';
}

function rankSuspects(
  c: Collected,
  all: FoundAnomaly[],
  dependency: DependencyOutage | null,
  blamed: DependencyFinding | null,
): Diagnosis['suspects'] {
  const suspects: Diagnosis['suspects'] = [];
  if (dependency) {
    const p = dependency.pattern;
    const since = formatClock(p.first, c.window.to);
    const all = `all ${dependency.instances} ${c.service} instances`;
    const logged = `${all} log '${p.label}' (${formatCount(p.count)}× since ${since})`;
    const cause = `${logged} while their own metrics are normal`;
    // A dependency resolved through Consul names real nodes; otherwise the name the errors use.
    if (blamed) suspects.push(...dependencySuspects(blamed, cause, 9.5));
    else suspects.push({ node: `${DEPENDENCY_PREFIX}${dependency.dependency}`, reason: cause, score: 9 });
  } else if (blamed) {
    suspects.push(...dependencySuspects(blamed, `${c.service} is unhealthy while it depends on it`, 7));
  }
  for (const node of [...new Set(all.map((a) => a.host))]) {
    let mine = all.filter((a) => a.host === node).sort(byScore);
    // In a dependency outage the shared error explains the instances' log anomalies.
    if (dependency) mine = mine.filter((a) => a.anomaly.source !== 'logs');
    if (mine.length === 0) continue;
    const top = mine[0] as FoundAnomaly;
    const score = Math.min(10, top.anomaly.score + 0.5 * Math.min(4, mine.length - 1));
    const reason = mine
      .slice(0, 3)
      .map((a) => (a.anomaly.since ? `${a.headline} since ${formatClock(a.anomaly.since, c.window.to)}` : a.headline))
      .join('; ');
    suspects.push({ node, reason, score: round(score) });
  }
  return suspects.sort((a, b) => b.score - a.score || a.node.localeCompare(b.node));
}

/** Alert runbooks first when their measurement is anomalous, then the service's own. */
function rankRunbooks(c: Collected, anomalous: ReadonlySet<string>): Diagnosis['runbooks'] {
  const alerts = [...c.alertRunbooks].sort(
    (a, b) =>
      Number(anomalous.has(b.measurement)) - Number(anomalous.has(a.measurement)) || a.alert.localeCompare(b.alert),
  );
  const seen = new Set<string>();
  const out: Diagnosis['runbooks'] = [];
  for (const r of [
    ...alerts.map((a) => ({ alert: a.alert, title: a.title, url: a.url })),
    ...c.serviceRunbooks.map((r) => ({ alert: '', title: r.title, url: r.url })),
  ]) {
    const key = r.url;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}

function buildTimeline(all: FoundAnomaly[], events: TimelineEvent[]): Diagnosis['timeline'] {
  // Health checks carry no time of their own: they are in the instances, not on the timeline.
  const fromAnomalies = all
    // Restarts come as one event each from the metric analysis.
    // New error patterns come as their own "first ..." events from the log analysis.
    .filter(
      (a) =>
        a.anomaly.since !== null &&
        a.anomaly.source !== 'health' &&
        a.anomaly.signal !== 'system.uptime' &&
        a.anomaly.signal !== 'log.new_errors',
    )
    .map((a) => ({ time: a.anomaly.since as string, node: a.host, source: a.anomaly.source, summary: a.headline }));
  const merged = [...fromAnomalies, ...events].sort(
    (a, b) => a.time.localeCompare(b.time) || a.node.localeCompare(b.node) || a.summary.localeCompare(b.summary),
  );
  const unique = merged.filter((e, i) => i === 0 || JSON.stringify(e) !== JSON.stringify(merged[i - 1]));
  return unique.slice(-MAX_TIMELINE);
}

function summarize(
  c: Collected,
  status: DiagnosisStatus,
  instances: InstanceReport[],
  all: FoundAnomaly[],
  labels: LabelGroup[],
  dependency: DependencyOutage | null,
  blamed: DependencyFinding | null,
  runbook: string | undefined,
  rollout: Rollout | null,
  change: string | null,
): string {
  const missing = (['influx', 'elasticsearch'] as const)
    .filter((s) => c.sources[s] !== 'ok')
    .map((s) => (s === 'influx' ? 'metrics' : 'logs'));
  const partial = missing.length > 0 ? ` (${missing.join(' and ')} unavailable)` : '';
  const withRunbook = (text: string): string =>
    `${text}${change ? `; ${change}` : ''}${runbook ? `; runbook: ${runbook}` : ''}${partial}`;
  if (status === 'unknown') return `no instances of ${c.service} are registered in Consul (${c.environment})${partial}`;
  const versions = rollout ? rolloutSentence(rollout) : null;
  if (rollout?.verdict === 'new-version-worse' && versions) return withRunbook(`rollout: ${versions}`);
  if (dependency) {
    const p = dependency.pattern;
    const since = formatClock(p.first, c.window.to);
    const logged = `all ${dependency.instances} ${c.service} instances log '${p.label}' (${formatCount(p.count)}×)`;
    const normal = 'their own metrics are normal';
    // Without a name to blame, the finding is still that it is one cause, not N instance problems.
    const named = blamed
      ? dependencyPhrase(blamed)
      : dependency.dependency.startsWith("'")
        ? null
        : dependency.dependency;
    const text = named
      ? `dependency outage: ${logged} since ${since}: common cause; ${normal}, suspect ${named}`
      : `${logged} since ${since}: common cause, ${normal}`;
    return withRunbook(text);
  }
  if (status === 'healthy') {
    const who = instances.length === 1 ? 'its only instance is healthy' : `all ${instances.length} instances healthy`;
    return `${c.service}: ${who}, no anomalies since ${formatClock(c.window.from, c.window.to)}${partial}`;
  }
  const nodes = [...new Set(all.map((a) => a.host))];
  const byNode = nodes
    .map((n) => ({ n, top: all.filter((a) => a.host === n).sort(byScore) }))
    .sort((a, b) => (b.top[0]?.anomaly.score ?? 0) - (a.top[0]?.anomaly.score ?? 0) || a.n.localeCompare(b.n));
  const first = byNode[0];
  if (!first) return withRunbook(`${c.service} is ${status}`);
  const lead = first.top.find((a) => a.anomaly.source !== 'logs') ?? (first.top[0] as FoundAnomaly);
  const parts = [
    `${first.n}: ${lead.headline}${lead.anomaly.since ? ` since ${formatClock(lead.anomaly.since, c.window.to)}` : ''}`,
  ];
  const errors = labels
    .filter((p) => (p.hosts.get(first.n) ?? 0) > 0)
    .sort((a, b) => (b.hosts.get(first.n) ?? 0) - (a.hosts.get(first.n) ?? 0))[0];
  if (errors && lead.anomaly.source !== 'logs')
    parts.push(`${formatCount(errors.hosts.get(first.n) ?? 0)} '${errors.label}' errors`);
  if (byNode.length > 1) parts.push(`${byNode.length - 1} more instance${byNode.length === 2 ? '' : 's'} affected`);
  if (blamed) parts.push(`dependency ${dependencyPhrase(blamed)}`);
  if (versions) parts.push(versions);
  return withRunbook(parts.join('; '));
}

/** "queue on rabbit-01 (critical)": the dependency, its blamed nodes and its state. */
function dependencyPhrase(f: DependencyFinding): string {
  const bad = f.report.instances.filter((i) => i.status !== 'healthy').map((i) => i.node);
  const nodes = f.named.length > 0 ? f.named : bad;
  const where = nodes.length > 0 ? ` on ${nodes.join(', ')}` : '';
  const state = f.report.instances.length === 0 ? 'has no instances' : f.report.status;
  return `${f.report.service}${where} (${state})`;
}

/** A version that fails where its predecessor does not is the first suspect, named with its instances. */
function withVersionSuspect(suspects: Diagnosis['suspects'], rollout: Rollout | null): Diagnosis['suspects'] {
  if (rollout?.verdict !== 'new-version-worse') return suspects;
  const known = rollout.versions.filter((v) => v.version !== 'unknown');
  const newer = known[known.length - 1];
  const older = known[known.length - 2];
  if (!newer || !older) return suspects;
  const strongest = [...rollout.comparisons].sort((a, b) => b.effect - a.effect || a.p - b.p)[0];
  const test = strongest
    ? `; ${strongest.signal} worse than on ${older.version} (Mann–Whitney U=${strongest.u}, p=${strongest.p}, ` +
      `effect r=${strongest.effect})`
    : '';
  const nodes = newer.unhealthy.length > 0 ? newer.unhealthy : newer.nodes;
  return [
    {
      node: nodes[0] as string,
      reason:
        `version ${newer.version} on ${nodes.join(', ')}: ${rollout.evidence ?? 'fails'}${test}; ` +
        `${older.version} instances are healthy`,
      score: 10,
      version: newer.version,
      nodes,
    },
    ...suspects,
  ];
}
