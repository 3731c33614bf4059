/**
 * The logs of a diagnosis, from Elasticsearch through `DiagnoseBackends`, after a probe that names
 * the indices (indices.ts): side by side, the main aggregation search (per-host counts, restarts),
 * the error sample (the distinct error messages) and the former hosts' search. Messages with ids are
 * all distinct, so the sample rarely holds them all: then few error lines are fetched and counted
 * whole (error-lines.ts), and more are counted per template of the sample with a query of its own
 * (exact counts, hosts, first/last, and its baseline count, so "new" is exact too), sampling what no
 * template matched yet, for a few rounds.
 */
import type { Endpoint } from '../config.js';
import type { ServiceDef } from '../define/types.js';
import { CalvinError } from '../errors.js';
import { isErrorAnswer } from './agg-read.js';
import type { CollectedLogs, FormerLogHost, KnownIssue, MessageGroup } from './collected.js';
import { formerFrom, formerFromSearch, formerSearchBody } from './changes-query.js';
import {
  fieldGroupsFromCaps,
  logsFromSearch,
  mergeLogs,
  mergeMessageGroups,
  templateCountsFromSearch,
  type IndexGroup,
  type SearchedLogs,
} from './parse.js';
import { errorLinesFetchSize, errorLinesFromSearch } from './error-lines.js';
import {
  errorLinesBody,
  errorSampleBody,
  LOG_FIELD_CANDIDATES,
  logSearchBody,
  templateCountBody,
  type CountQuery,
  type LogFields,
  type LogSelectorFilter,
  type Windows,
} from './queries.js';
import { messageOf, statusOf, type SourceResult } from './source-result.js';
import {
  matcherFits,
  signatureToLucene,
  templateMatcher,
  templateQuery,
  type TemplateMatcher,
} from './template-query.js';
import { templateOf } from './templates.js';
import type { CallOptions, DiagnoseBackends } from './backend-types.js';
import { narrowIndices, type NarrowedBackends } from './indices.js';
import { startMarkersOf } from './start-markers.js';

type ElasticEndpoint = Endpoint & { username?: string; password?: string };

export interface LogRequest {
  endpoint: ElasticEndpoint;
  nodes: string[];
  windows: Windows;
  definition: ServiceDef | undefined;
  service: string;
  knownIssues: KnownIssue[];
  call: () => CallOptions;
  /** Milliseconds left before the deadline (a follow-up is only tried when there is time for it). */
  remaining: () => number;
}

/** Templates counted per follow-up request, rounds of follow-ups, and the time one needs at least. */
const MAX_TEMPLATES = 50;
const MAX_ROUNDS = 3;
const MIN_FOLLOW_UP_MS = 300;

export async function collectLogs(unnarrowed: DiagnoseBackends, req: LogRequest): Promise<SourceResult<CollectedLogs>> {
  // Every search of a diagnosis, its own or a dependency's, touches only the indices that can hold its documents.
  const backends = narrowIndices(unnarrowed, req.windows);
  const index = req.definition?.logs.indexPattern || 'logs-*';
  const empty: CollectedLogs = { hosts: [], windowErrors: [], baselineErrors: [] };
  let logs: SearchedLogs;
  let search: (bodies: Record<string, unknown>[]) => Promise<unknown[]>;
  let groups: IndexGroup[];
  let selector: LogSelectorFilter | undefined;
  let former: FormerLogHost[] | undefined;
  try {
    const candidates = Object.values(LOG_FIELD_CANDIDATES).flatMap((f) => [f, `${f}.keyword`]);
    groups = fieldGroupsFromCaps(
      await backends.esFieldCaps(req.endpoint, index, candidates, req.call()),
      LOG_FIELD_CANDIDATES,
    );
    // The service's own names (Consul name, id, aliases) count as ECS service names too:
    // Nexus logs `service.name: nexus` while the Consul service is `artefacts`.
    const d = req.definition;
    selector = d
      ? {
          serviceNames: [...new Set([...d.logs.serviceNames, d.consulName, d.id, ...d.aliases])],
          processNames: d.logs.processNames,
        }
      : undefined;
    // Usually one group (one search over the pattern); indices mapped differently are searched apart.
    const only = groups.length === 1 ? groups[0] : undefined;
    const all = groups;
    search = async (bodies) => {
      if (only) return [await backends.esSearch(req.endpoint, index, bodies[0] as Record<string, unknown>, req.call())];
      const responses = await backends.esMultiSearch(
        req.endpoint,
        all.map((g, i) => ({ index: g.indices ?? [index], body: bodies[i] as Record<string, unknown> })),
        req.call(),
      );
      const failed = responses.find(isErrorAnswer);
      if (failed)
        throw new CalvinError(
          'BACKEND_ERROR',
          `Elasticsearch failed a search: ${JSON.stringify((failed as { error: unknown }).error).slice(0, 200)}`,
          'run with --debug',
        );
      return responses;
    };
    const nodeSet = new Set(req.nodes);
    // Restarts ride along in the same search (changes-query.ts): no request of their own.
    const changes = { startMarkers: startMarkersOf(req.definition, req.service) };
    // The main search is sent first: the probe that names the indices (indices.ts) asks its query,
    // and the error sample and the former hosts' search beside it wait for that probe too.
    const [responses, errorSamples, formerFound] = await Promise.all([
      search(groups.map((g) => logSearchBody(req.nodes, req.windows, g.fields, selector, changes))),
      search(groups.map((g) => errorSampleBody(req.nodes, req.windows, g.fields, selector))),
      formerHosts(backends, req, groups, index, selector?.serviceNames ?? [req.service]),
    ]);
    logs = mergeLogs(
      responses.map((r, i) =>
        logsFromSearch(r, errorSamples[i], (groups[i] as IndexGroup).fields, nodeSet, changes.startMarkers),
      ),
    );
    former = formerFound;
  } catch (error) {
    return { status: statusOf(error), error: messageOf(error), value: empty };
  }
  const result = await exactLogs(logs, req, groups, selector, search);
  return former ? { ...result, value: { ...result.value, former } } : result;
}

/** The logs of the first search, with the follow-up's exact counts when its sample was not whole. */
async function exactLogs(
  logs: SearchedLogs,
  req: LogRequest,
  groups: IndexGroup[],
  selector: LogSelectorFilter | undefined,
  search: (bodies: Record<string, unknown>[]) => Promise<unknown[]>,
): Promise<SourceResult<CollectedLogs>> {
  const { complete, errorLines, ...collected } = logs;
  if ((complete.window && complete.baseline) || req.remaining() < MIN_FOLLOW_UP_MS)
    return { status: 'ok', value: collected };
  // Few error lines: fetched and counted whole (error-lines.ts), else counted by templates below.
  const size = errorLinesFetchSize(errorLines);
  if (size !== null) {
    const fetched = await search(
      groups.map((g) => errorLinesBody(req.nodes, req.windows, g.fields, selector, size)),
    ).then(
      (answers) => errorLinesFromSearch(answers, size, req.windows),
      () => null,
    );
    if (fetched)
      return { status: 'ok', value: { ...collected, windowErrors: fetched.window, baselineErrors: fetched.baseline } };
  }
  try {
    // Known issues are counted by the cluster only when the sample missed messages: a whole sample
    // already holds every error message, and matching them here is exact and free.
    // Only signatures the sample shows are counted so (each regexp reads the whole term dictionary);
    // the others are matched on every sample of the rounds below.
    const seen = req.knownIssues.filter((k) =>
      collected.windowErrors.some((m) => new RegExp(k.pattern, 'i').test(m.message)),
    );
    const bodyOf: BodyOf = (fields, templates, excluded, withKnown) =>
      templateCountBody(
        req.nodes,
        req.windows,
        fields,
        selector,
        templates,
        excluded,
        withKnown ? knownIssueQueries(seen, req.service, fields) : [],
      );
    return {
      status: 'ok',
      value: await exactCounts(collected, !complete.window, bodyOf, groups, search, req.remaining),
    };
  } catch (error) {
    // The sample still tells the story; only its counts are partial.
    return { status: 'ok', value: collected, error: `error counts are from a sample (${messageOf(error)})` };
  }
}

/**
 * The hosts that logged as the service and are no instance now, from a search of their own beside
 * the main one; undefined when it could not be asked or answered (the rest of the logs stand).
 */
async function formerHosts(
  backends: NarrowedBackends,
  req: LogRequest,
  groups: IndexGroup[],
  index: string,
  serviceNames: string[],
): Promise<FormerLogHost[] | undefined> {
  const from = formerFrom(req.windows);
  const searches = groups.flatMap((g) => {
    const body = formerSearchBody(req.nodes, g.fields, serviceNames, from);
    return body ? [{ index: g.indices ?? [index], body }] : [];
  });
  if (searches.length === 0) return undefined;
  try {
    const responses = await backends.esSearchFound(req.endpoint, searches, req.call());
    if (responses.some(isErrorAnswer)) return undefined;
    return responses.flatMap(formerFromSearch);
  } catch {
    return undefined;
  }
}

/** Known issues of this service whose signature the cluster can count (a keyword message field). */
export function knownIssueQueries(issues: KnownIssue[], service: string, fields: LogFields): CountQuery[] {
  if (!fields.message) return [];
  const fieldOf: Record<string, string | null> = {
    'error.type': fields.errorType,
    'service.name': fields.service,
    'process.name': fields.process,
    'host.name': fields.host,
  };
  const out: CountQuery[] = [];
  for (const issue of issues) {
    if (issue.services && !issue.services.includes(service)) continue;
    const lucene = signatureToLucene(issue.pattern);
    const exact = Object.entries(issue.fields ?? {}).map(([k, v]) =>
      fieldOf[k] ? { term: { [fieldOf[k] as string]: v } } : null,
    );
    if (!lucene || exact.includes(null)) continue;
    out.push({
      key: issue.id,
      query: {
        bool: {
          filter: [
            {
              regexp: {
                [fields.message]: {
                  value: lucene,
                  flags: 'NONE',
                  case_insensitive: true,
                  max_determinized_states: 100_000,
                },
              },
            },
            ...exact,
          ],
        },
      },
    });
  }
  return out;
}

interface Template {
  template: string;
  matcher: TemplateMatcher;
  /** The most frequent sampled message: the example reports show. */
  example: string;
  sampled: number;
}

/** Templates of sampled messages whose query can be trusted, most sampled first. */
function countableTemplates(messages: MessageGroup[], skip: ReadonlySet<string>, groups: IndexGroup[]): Template[] {
  const byTemplate = new Map<string, MessageGroup[]>();
  for (const m of messages) {
    const t = templateOf(m.message);
    if (!skip.has(t)) byTemplate.set(t, [...(byTemplate.get(t) ?? []), m]);
  }
  const out: Template[] = [];
  for (const [template, list] of byTemplate) {
    const matcher = templateMatcher(template);
    if (
      !matcher ||
      !matcherFits(
        matcher,
        template,
        list.map((m) => m.message),
      )
    )
      continue;
    if (groups.some((g) => templateQuery(matcher, g.fields.message, 'message') === null)) continue;
    const top = list.reduce((a, b) => (b.count > a.count ? b : a));
    out.push({ template, matcher, example: top.message, sampled: list.reduce((n, m) => n + m.count, 0) });
  }
  return out.sort((a, b) => b.sampled - a.sampled || a.template.localeCompare(b.template)).slice(0, MAX_TEMPLATES);
}

type BodyOf = (
  fields: LogFields,
  templates: CountQuery[],
  excluded: Record<string, unknown>[] | undefined,
  withKnown: boolean,
) => Record<string, unknown>;

async function exactCounts(
  logs: CollectedLogs,
  sampleRest: boolean,
  bodyOf: BodyOf,
  groups: IndexGroup[],
  search: (bodies: Record<string, unknown>[]) => Promise<unknown[]>,
  remaining: () => number,
): Promise<CollectedLogs> {
  const counted = new Map<string, { example: string; window: MessageGroup; baseline: number }>();
  const tried = new Set<string>();
  const samples: MessageGroup[] = [...logs.windowErrors];
  let pending = countableTemplates(logs.windowErrors, tried, groups);
  const queried: Template[] = [];
  let knownIssueCounts: Record<string, number> | undefined;
  for (
    let round = 0;
    round < MAX_ROUNDS && (pending.length > 0 || (round === 0 && sampleRest)) && remaining() >= MIN_FOLLOW_UP_MS;
    round += 1
  ) {
    for (const t of pending) tried.add(t.template);
    queried.push(...pending);
    const askRest = sampleRest && round < MAX_ROUNDS - 1;
    const bodies = groups.map((g) => {
      const query = (t: Template): Record<string, unknown> =>
        templateQuery(t.matcher, g.fields.message, 'message') as Record<string, unknown>;
      return bodyOf(
        g.fields,
        pending.map((t, i) => ({ key: `t${i}`, query: query(t) })),
        askRest ? queried.map(query) : undefined,
        round === 0 && sampleRest,
      );
    });
    const answers = (await search(bodies)).map((r, i) => templateCountsFromSearch(r, (groups[i] as IndexGroup).fields));
    if (round === 0 && sampleRest) knownIssueCounts = sumCounted(answers.map((a) => a.known));
    pending.forEach((t, i) => {
      const parts = answers.map((a) => ({
        message: t.example,
        ...(a.window.get(`t${i}`) ?? {
          count: 0,
          hosts: [],
          first: '',
          last: '',
          errorTypes: [],
          services: [],
          processes: [],
        }),
      }));
      const window = mergeMessageGroups([parts])[0] ?? parts[0];
      // Fewer than sampled means the query missed messages (too long for the keyword field, say): keep the sample.
      if (window && window.count >= t.sampled)
        counted.set(t.template, {
          example: t.example,
          window,
          baseline: answers.reduce((n, a) => n + (a.baseline.get(`t${i}`) ?? 0), 0),
        });
    });
    const rest = answers.flatMap((a) => a.rest);
    // Messages of templates that could not be counted come back in every rest sample: once is enough.
    const sampled = new Set(samples.map((m) => m.message));
    samples.push(...rest.filter((m) => !sampled.has(m.message)));
    if (!askRest || answers.every((a) => a.restComplete && a.rest.length === 0)) break;
    pending = countableTemplates(rest, tried, groups);
  }
  // Counted templates: one group each with the exact figures; the rest stay as sampled.
  const windowErrors = [
    ...[...counted.values()].map((c) => c.window).filter((g) => g.count > 0),
    ...samples.filter((m) => !counted.has(templateOf(m.message))),
  ];
  const baselineErrors = [
    ...logs.baselineErrors,
    ...[...counted.values()]
      .filter((c) => c.baseline > 0)
      .map((c) => ({ ...c.window, message: c.example, count: c.baseline, hosts: [] })),
  ];
  return {
    ...logs,
    windowErrors: mergeMessageGroups([windowErrors]),
    baselineErrors,
    ...(knownIssueCounts ? { knownIssueCounts } : {}),
  };
}

/** Counts summed over index groups; a key some group could not count is left out (sample-matched). */
function sumCounted(parts: (Record<string, number> | undefined)[]): Record<string, number> | undefined {
  const first = parts[0];
  if (!first || parts.some((p) => p === undefined)) return undefined;
  const keys = Object.keys(first).filter((k) => parts.every((p) => p?.[k] !== undefined));
  return Object.fromEntries(keys.map((k) => [k, parts.reduce((n, p) => n + (p?.[k] ?? 0), 0)]));
}
