/**
 * Alert → Kapacitor stream task: a TICKscript plus the body of `POST /kapacitor/v1/tasks`.
 * Task ids are `calvin-<alert id>`; that prefix is how deploy recognises what calvin manages.
 */
import type {
  AlertCondition,
  AlertDef,
  AlertHandler,
  InfluxFunction,
  ServiceDef,
  TagCondition,
} from '../define/types.js';
import { CalvinError } from '../errors.js';
import { forDefinition } from './context.js';
import { stableJsonArtifact } from './stable-json.js';
import { checkTickscript } from '../lang/tickscript/index.js';
import { tickDuration, tickDurationMs, tickFloat, tickRef, tickRegex, tickString } from './tick-literals.js';
import type { Artifact, RenderOptions } from './types.js';

export const KAPACITOR_TASK_PREFIX = 'calvin-';

export interface KapacitorTask {
  id: string;
  type: 'stream' | 'batch';
  dbrps: { db: string; rp: string }[];
  script: string;
  status: 'enabled' | 'disabled';
}

const WINDOW_REDUCERS: ReadonlySet<InfluxFunction> = new Set([
  'mean',
  'median',
  'max',
  'min',
  'sum',
  'count',
  'last',
  'first',
  'spread',
  'stddev',
  'moving_average',
]);
const INDENT = '    ';
/** Calvinverse's Telegraf tags every series with the Consul datacenter as `environment`. */
const ENVIRONMENT_TAG = 'environment';

export function kapacitorTaskId(alert: AlertDef): string {
  return `${KAPACITOR_TASK_PREFIX}${alert.id}`;
}

/** The name under which serve publishes a runbook kept as `runbooks/<name>.md`, else the alert id. */
export function runbookName(alert: AlertDef): string {
  const file = /(?:^|\/)runbooks\/([\w.-]+?)(?:\.md)?$/.exec(alert.runbook.url);
  return file?.[1] ?? alert.id;
}

/** Where the alert's runbook lives: its own absolute URL, else `${runbookBaseUrl}/<name>`. */
export function alertRunbookUrl(alert: AlertDef, options: RenderOptions): string {
  if (/^https?:\/\//.test(alert.runbook.url)) return alert.runbook.url;
  return `${options.runbookBaseUrl.replace(/\/+$/, '')}/${runbookName(alert)}`;
}

/** Kapacitor's `[[httppost]]` endpoint the `calvin()` handler names: kapacitor.conf holds serve's URL and token. */
export const CALVIN_HTTPPOST_ENDPOINT = 'calvin';

/**
 * `.post('<serve URL>/api/v1/alerts/kapacitor').endpoint('calvin')`. The bearer token never enters a
 * script: Kapacitor 1.7 posts with the endpoint's url and headers when kapacitor.conf defines it, and
 * falls back to the script's URL (without a token: serve answers 401) when it does not, so the
 * alert's other handlers keep paging either way. Without a serve URL only the endpoint is named.
 */
function calvinHandlerProps(options: RenderOptions): string[] {
  const url = options.serveUrl ? tickString(`${options.serveUrl.replace(/\/+$/, '')}/api/v1/alerts/kapacitor`) : '';
  return [`.post(${url})`, `.endpoint(${tickString(CALVIN_HTTPPOST_ENDPOINT)})`];
}

function shellWord(word: string): string {
  return /^[A-Za-z0-9._-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The exact diagnose command, as a Go template Kapacitor fills in with the alert's tags and time. */
export function diagnoseCommandTemplate(consulName: string): string {
  const at = '{{ .Time.UTC.Format "2006-01-02T15:04:05Z" }}';
  return `calvin diagnose ${shellWord(consulName)} --env {{ index .Tags "environment" }} --to ${at} --since 1h`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function lambdaValue(condition: TagCondition, alert: AlertDef): string {
  const value = condition.value;
  if (value.kind === 'variable') {
    throw new CalvinError(
      'BAD_DEFINITION',
      `alert ${alert.id}: where "${condition.key}" uses the dashboard variable $${value.name}`,
      'alerts run without a dashboard: use a literal or a regex',
    );
  }
  if (value.kind === 'regex') return tickRegex(value.pattern);
  if (typeof value.value === 'number') return tickFloat(value.value);
  if (typeof value.value === 'boolean') return value.value ? 'TRUE' : 'FALSE';
  return tickString(value.value);
}

function lambdaOperator(condition: TagCondition): string {
  const regex = condition.value.kind === 'regex';
  switch (condition.op) {
    case '=':
      return regex ? '=~' : '==';
    case '!=':
      return regex ? '!~' : '!=';
    default:
      return condition.op;
  }
}

function whereLambda(conditions: TagCondition[], alert: AlertDef): string | undefined {
  if (conditions.length === 0) return undefined;
  const many = conditions.length > 1;
  return conditions
    .map((condition, index) => {
      const value = lambdaValue(condition, alert);
      const operator = lambdaOperator(condition);
      if ((operator === '=~' || operator === '!~') && condition.value.kind !== 'regex') {
        throw new CalvinError(
          'BAD_DEFINITION',
          `alert ${alert.id}: "${condition.key}" ${condition.op} needs a regex value`,
          'use { kind: "regex", pattern }',
        );
      }
      const text = `${tickRef(condition.key)} ${operator} ${value}`;
      const wrapped = many ? `(${text})` : text;
      return index === 0 ? wrapped : `${condition.join ?? 'AND'} ${wrapped}`;
    })
    .join(' ');
}

/** The pipeline that turns raw points into one `value` per group and window. */
function dataPipeline(alert: AlertDef): string[] {
  const q = alert.query;
  const lines = ['var data = stream', `${INDENT}|from()`];
  const props = [`.database(db)`, `.retentionPolicy(rp)`, `.measurement(measurement)`];
  // Only group-by tags survive into the alert's .Tags: `environment` must be one for the diagnose command.
  const groupBy = q.groupBy.includes('*')
    ? ['*']
    : [...q.groupBy, ...(q.groupBy.includes(ENVIRONMENT_TAG) ? [] : [ENVIRONMENT_TAG])];
  props.push(`.groupBy(${groupBy.map((tag) => (tag === '*' ? '*' : tickString(tag))).join(', ')})`);
  const where = whereLambda(q.where, alert);
  if (where !== undefined) props.push(`.where(lambda: ${where})`);
  lines.push(...props.map((p) => `${INDENT}${INDENT}${p}`));
  if (alert.condition.type === 'deadman') return lines;

  let field = q.field;
  if (q.fn === 'derivative' || q.fn === 'non_negative_derivative') {
    lines.push(`${INDENT}|derivative(${tickString(field)})`, `${INDENT}${INDENT}.unit(1s)`);
    if (q.fn === 'non_negative_derivative') lines.push(`${INDENT}${INDENT}.nonNegative()`);
    lines.push(`${INDENT}${INDENT}.as('rate')`);
    field = 'rate';
  } else if (q.fn === 'difference' || q.fn === 'non_negative_difference') {
    lines.push(`${INDENT}|difference(${tickString(field)})`, `${INDENT}${INDENT}.as('diff')`);
    if (q.fn === 'non_negative_difference') lines.push(`${INDENT}|where(lambda: "diff" >= 0.0)`);
    field = 'diff';
  } else if (q.fn === 'distinct') {
    throw new CalvinError(
      'UNSUPPORTED',
      `alert ${alert.id}: distinct() has no Kapacitor stream equivalent`,
      'alert on count, mean, max, ... instead',
    );
  }
  lines.push(
    `${INDENT}|window()`,
    `${INDENT}${INDENT}.period(period)`,
    `${INDENT}${INDENT}.every(every)`,
    `${INDENT}${INDENT}.align()`,
  );
  const reducer =
    q.fn === 'percentile'
      ? `percentile(${tickString(field)}, 95.0)`
      : WINDOW_REDUCERS.has(q.fn)
        ? `${q.fn === 'moving_average' ? 'mean' : q.fn}(${tickString(field)})`
        : `mean(${tickString(field)})`;
  lines.push(`${INDENT}|${reducer}`, `${INDENT}${INDENT}.as('value')`);
  if (q.invert !== undefined)
    lines.push(`${INDENT}|eval(lambda: ${tickFloat(q.invert)} - "value")`, `${INDENT}${INDENT}.as('value')`);
  return lines;
}

function compare(direction: 'above' | 'below', reference: string, threshold: string): string {
  return `${reference} ${direction === 'above' ? '>' : '<'} ${threshold}`;
}

function resetCompare(direction: 'above' | 'below', threshold: number): string {
  return `"value" ${direction === 'above' ? '<=' : '>='} ${tickFloat(threshold)}`;
}

/** `warn`/`crit` lambdas, plus stateDuration nodes in front of the alert when `for` is set. */
function levelLambdas(
  alert: AlertDef,
  condition: Exclude<AlertCondition, { type: 'deadman' }>,
): { nodes: string[]; props: string[] } {
  const nodes: string[] = [];
  const props: string[] = [];
  // Levels are written as defined: a `below` relative alert already carries negative levels
  // (warn -50 means "fell by more than 50%"), exactly as the simulator behind `calvin test` reads them.
  const levels: ['warn' | 'crit', number | undefined, number | undefined][] = [
    ['warn', condition.warn, condition.type === 'threshold' ? condition.warnReset : undefined],
    ['crit', condition.crit, condition.type === 'threshold' ? condition.critReset : undefined],
  ];
  const forSeconds = alert.for === undefined ? undefined : tickDurationMs(alert.for, `alert ${alert.id} for`) / 1000;
  for (const [level, threshold, reset] of levels) {
    if (threshold === undefined) continue;
    const breach = compare(condition.direction, '"value"', tickFloat(threshold));
    if (forSeconds !== undefined && forSeconds > 0) {
      nodes.push(
        `${INDENT}|stateDuration(lambda: ${breach})`,
        `${INDENT}${INDENT}.unit(1s)`,
        `${INDENT}${INDENT}.as('${level}_duration')`,
      );
      props.push(`.${level}(lambda: "${level}_duration" >= ${tickFloat(forSeconds)})`);
    } else {
      props.push(`.${level}(lambda: ${breach})`);
    }
    if (reset !== undefined) props.push(`.${level}Reset(lambda: ${resetCompare(condition.direction, reset)})`);
  }
  return { nodes, props };
}

function handlerProps(handler: AlertHandler, options: RenderOptions): string[] {
  switch (handler.type) {
    case 'calvin':
      return calvinHandlerProps(options);
    case 'webhook':
      return [`.post(${tickString(handler.url)})`];
    case 'slack': {
      const props = ['.slack()'];
      if (handler.workspace !== undefined) props.push(`.workspace(${tickString(handler.workspace)})`);
      if (handler.channel !== undefined) props.push(`.channel(${tickString(handler.channel)})`);
      if (handler.username !== undefined) props.push(`.username(${tickString(handler.username)})`);
      return props;
    }
    case 'email':
      return ['.email()', ...handler.to.map((to) => `.to(${tickString(to)})`)];
    case 'log':
      return [`.log(${tickString(handler.path)})`];
    case 'pagerduty2':
      return handler.routingKey === undefined
        ? ['.pagerDuty2()']
        : ['.pagerDuty2()', `.routingKey(${tickString(handler.routingKey)})`];
  }
}

export interface RenderedAlert {
  task: KapacitorTask;
  script: string;
}

export function renderTickscript(alert: AlertDef, services: readonly ServiceDef[], options: RenderOptions): string {
  const q = alert.query;
  const service = services.find((s) => s.id === alert.service);
  const consulName = service?.consulName ?? alert.service;
  const runbook = alertRunbookUrl(alert, options);
  const diagnose = diagnoseCommandTemplate(consulName);
  const message = `${oneLine(alert.message)} | runbook: ${runbook} | diagnose: ${diagnose}`;
  const details =
    `<p>{{ .Message }}</p><p>Runbook: <a ` +
    `href="${escapeHtml(runbook)}">${escapeHtml(runbook)}</a></p><pre>${diagnose}</pre>`;
  const rp = q.retentionPolicy || options.retentionPolicy;
  const condition = alert.condition;

  const header = [
    `// calvin alert ${alert.id} (${oneLine(alert.name)})`,
    `// service: ${oneLine(alert.service)}, owner: ${oneLine(alert.owner)}, severity: ${alert.severity}`,
    '// Generated by calvin: change the definition, not this script.',
    '',
  ];
  const vars = [
    `var db = ${tickString(q.database)}`,
    `var rp = ${tickString(rp)}`,
    `var measurement = ${tickString(q.measurement)}`,
  ];
  if (condition.type !== 'deadman')
    vars.push(
      `var period = ${tickDuration(q.period, `alert ${alert.id} period`)}`,
      `var every = ${tickDuration(q.every, `alert ${alert.id} every`)}`,
    );
  vars.push(
    `var idVar = ${tickString(`${kapacitorTaskId(alert)}:{{ .Group }}`)}`,
    `var message = ${tickString(message)}`,
    `var details = ${tickString(details)}`,
    '',
  );

  const lines = [...header, ...vars, ...dataPipeline(alert), ''];
  const alertProps = ['.id(idVar)', '.message(message)', '.details(details)'];
  if (condition.type === 'deadman') {
    lines.push(
      'var trigger = data',
      `${INDENT}|deadman(${tickFloat(condition.threshold)}, ` +
        `${tickDuration(condition.interval, `alert ${alert.id} deadman interval`)})`,
    );
  } else {
    let source = 'data';
    if (condition.type === 'relative') {
      lines.push(
        'var past = data',
        `${INDENT}|shift(${tickDuration(condition.shift, `alert ${alert.id} shift`)})`,
        '',
        'var current = data',
        '',
      );
      source = 'past';
    }
    lines.push(`var trigger = ${source}`);
    if (condition.type === 'relative') {
      const change =
        condition.change === 'percent'
          ? 'float("current.value" - "past.value") / float("past.value") * 100.0'
          : 'float("current.value" - "past.value")';
      lines.push(
        `${INDENT}|join(current)`,
        `${INDENT}${INDENT}.as('past', 'current')`,
        `${INDENT}|eval(lambda: ${change})`,
        `${INDENT}${INDENT}.keep()`,
        `${INDENT}${INDENT}.as('value')`,
      );
    }
    const { nodes, props } = levelLambdas(alert, condition);
    lines.push(...nodes, `${INDENT}|alert()`);
    alertProps.push(...props);
  }
  alertProps.push('.stateChangesOnly()');
  for (const handler of alert.handlers) alertProps.push(...handlerProps(handler, options));
  lines.push(...alertProps.map((p) => `${INDENT}${INDENT}${p}`));
  return `${lines.join('\n')}\n`;
}

export function renderKapacitorTask(
  alert: AlertDef,
  services: readonly ServiceDef[],
  options: RenderOptions,
): RenderedAlert {
  const script = renderTickscript(alert, services, options);
  // Kapacitor only rejects a bad script at deploy time; refusing it here keeps build from writing one.
  const problem = checkTickscript(script)[0];
  if (problem !== undefined) {
    throw new CalvinError(
      'BAD_DEFINITION',
      `alert ${alert.id}: rendered TICKscript is invalid at ${problem.line}:${problem.column}: ${problem.message}`,
      'this is a calvin renderer bug or a value TICKscript cannot hold: simplify the value and report it',
    );
  }
  const task: KapacitorTask = {
    id: kapacitorTaskId(alert),
    type: 'stream',
    dbrps: [{ db: alert.query.database, rp: alert.query.retentionPolicy || options.retentionPolicy }],
    script,
    status: 'enabled',
  };
  return { task, script };
}

export function renderKapacitor(
  alerts: readonly AlertDef[],
  services: readonly ServiceDef[],
  options: RenderOptions,
): Artifact[] {
  return alerts.flatMap((alert) => {
    const { task, script } = forDefinition('alert', alert.id, () => renderKapacitorTask(alert, services, options));
    return [
      {
        target: 'kapacitor',
        type: 'kapacitor-task',
        definitionId: alert.id,
        name: task.id,
        path: `kapacitor/tasks/${task.id}.json`,
        ...stableJsonArtifact(task),
      },
      {
        target: 'kapacitor',
        type: 'kapacitor-tickscript',
        definitionId: alert.id,
        name: task.id,
        path: `kapacitor/tickscripts/${task.id}.tick`,
        content: script,
        body: script,
      },
    ] satisfies Artifact[];
  });
}
