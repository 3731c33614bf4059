/**
 * Alert builder: one InfluxDB series per group (host by default), a condition (threshold with
 * hysteresis, relative change, deadman), a runbook and handlers, plus promtool-style test cases.
 *
 *   alert('artefacts-disk-full', 'artefacts').owner('infrastructure').severity('page')
 *     .from('system', 'disk').field('used_percent').aggregate('max').where('path', '/srv')
 *     .threshold({ direction: 'above', warn: 85, crit: 95, warnReset: 80 }).for('5m')
 *     .message('Disk {{ index .Tags "path" }} on {{ index .Tags "host" }} is {{ .Level }}')
 *     .runbookFile('Artefacts disk full')
 *     .withTest({ name: 'fills up', interval: '1m', series: { 'disk,host=nexus-01,path=/srv used_percent': '80+1x30' },
 *                 expect: [{ at: '20m', level: 'CRITICAL', tags: { host: 'nexus-01' } }] })
 */
import type { Builder } from './builder.js';
import { assertId, assertNonEmpty, clone, definitionError } from './builder.js';
import { assertUrl } from './service.js';
import { conditionProblem, windowProblem } from './validate.js';
import type {
  AlertCondition,
  AlertDef,
  AlertHandler,
  AlertTestCase,
  InfluxFunction,
  Runbook,
  TagCondition,
} from './types.js';

/**
 * A runbook without a URL of its own is kept as its file, `runbooks/<name>.md`; renderers turn that
 * into `<serve URL>/runbooks/<name>` from the config (calvin serve publishes the runbooks).
 */
export const runbookUrl = (id: string): string => `runbooks/${id}.md`;
const runbookPath = runbookUrl;

const DURATION = /^[0-9]+(s|m|h|d|w)$/;
const SERIES_ITEM = /^(_|stale|-?\d+(\.\d+)?([+-]\d+(\.\d+)?x\d+|x\d+)?|_x\d+)$/;

function pascalCase(id: string): string {
  return id
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

function assertDuration(value: string, what: string): void {
  if (!DURATION.test(value)) throw definitionError(`${what} "${value}" is not a duration.`, 'Use e.g. 30s, 5m, 1h.');
}

/** Milliseconds of a duration like `5m` (validated). */
export function durationMs(value: string): number {
  const m = /^([0-9]+)(s|m|h|d|w)$/.exec(value);
  if (!m) throw definitionError(`"${value}" is not a duration.`, 'Use e.g. 30s, 5m, 1h.');
  const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[m[2] as 's'];
  return Number(m[1]) * unit;
}

/**
 * Parses `measurement,tag=v,tag2=w field` (line-protocol escaping: `\ `, `\,`, `\=`) into its
 * parts. Used for the series keys of alert test cases.
 */
export function parseTestSeriesKey(key: string): { measurement: string; tags: Record<string, string>; field: string } {
  const parts: string[][] = [[]]; // comma-separated groups of the key, then the field after the space
  let current = '';
  let field: string | undefined;
  for (let i = 0; i < key.length; i++) {
    const ch = key[i] as string;
    if (ch === '\\' && i + 1 < key.length && ' ,='.includes(key[i + 1] as string)) {
      current += `\\${key[i + 1] as string}`;
      i++;
    } else if (ch === ',' && field === undefined) {
      (parts.at(-1) as string[]).push(current);
      current = '';
    } else if (ch === ' ' && field === undefined) {
      (parts.at(-1) as string[]).push(current);
      current = '';
      field = '';
    } else {
      current += ch;
    }
  }
  const unescapeKey = (t: string): string => t.replace(/\\([ ,=])/g, '$1');
  const [measurementRaw, ...pairs] = parts[0] as string[];
  const bad = (): never => {
    throw definitionError(
      `Test series key "${key}" is malformed.`,
      'Write it as measurement,tag=value field, e.g. "disk,host=n1,path=/ used_percent" (escape spaces as \\ ).',
    );
  };
  if (field === undefined || !measurementRaw || current === '' || /[\s]/.test(current)) bad();
  const tags: Record<string, string> = {};
  for (const pair of pairs) {
    const m = /^((?:[^=\\]|\\.)+)=((?:[^=\\]|\\.)+)$/.exec(pair);
    if (!m) bad();
    tags[unescapeKey((m as RegExpExecArray)[1] as string)] = unescapeKey((m as RegExpExecArray)[2] as string);
  }
  return { measurement: unescapeKey(measurementRaw as string), tags, field: unescapeKey(current) };
}

export interface AlertTestInput {
  name: string;
  interval?: string;
  series: Record<string, string>;
  expect: AlertTestCase['expect'];
}

export class AlertBuilder implements Builder<AlertDef> {
  private readonly model: Omit<AlertDef, 'condition' | 'runbook'> & { condition?: AlertCondition; runbook?: Runbook };

  constructor(id: string, serviceId: string) {
    assertId(id, 'Alert');
    assertId(serviceId, `Service of alert "${id}"`);
    this.model = {
      kind: 'alert',
      id,
      name: pascalCase(id),
      service: serviceId,
      owner: '',
      severity: 'ticket',
      description: '',
      query: {
        database: 'system',
        retentionPolicy: 'autogen',
        measurement: '',
        field: '',
        fn: 'mean',
        where: [],
        groupBy: ['host'],
        period: '5m',
        every: '1m',
      },
      message: '',
      handlers: [],
      tests: [],
    };
  }

  /** Human name, e.g. `ArtefactsDiskFull` (default: the id in PascalCase). */
  name(name: string): this {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name))
      throw definitionError(
        `Alert "${this.model.id}" name "${name}" is not PascalCase.`,
        'Use letters and digits, e.g. ArtefactsDiskFull.',
      );
    this.model.name = name;
    return this;
  }

  owner(owner: string): this {
    assertNonEmpty(owner, `Alert "${this.model.id}" owner`);
    this.model.owner = owner;
    return this;
  }

  severity(severity: AlertDef['severity']): this {
    this.model.severity = severity;
    return this;
  }

  description(text: string): this {
    this.model.description = text;
    return this;
  }

  /** Database and measurement (retention policy `autogen` unless given). */
  from(database: string, measurement: string, retentionPolicy = 'autogen'): this {
    assertNonEmpty(database, `Alert "${this.model.id}" database`);
    assertNonEmpty(measurement, `Alert "${this.model.id}" measurement`);
    Object.assign(this.model.query, { database, measurement, retentionPolicy });
    return this;
  }

  field(field: string): this {
    assertNonEmpty(field, `Alert "${this.model.id}" field`);
    this.model.query.field = field;
    return this;
  }

  aggregate(fn: InfluxFunction): this {
    this.model.query.fn = fn;
    return this;
  }

  /** Equality (or regex with `=~`) filter on a tag. */
  where(key: string, value: string, op: '=' | '!=' | '=~' | '!~' = '='): this {
    assertNonEmpty(key, `Alert "${this.model.id}" where key`);
    const v: TagCondition['value'] =
      op === '=~' || op === '!~' ? { kind: 'regex', pattern: value } : { kind: 'literal', value };
    this.model.query.where.push({ key, op, value: v });
    return this;
  }

  whereTags(tags: Record<string, string>): this {
    for (const key of Object.keys(tags).sort()) this.where(key, tags[key] as string);
    return this;
  }

  /** Grouping tags (replaces the default `host`). */
  groupBy(...tags: string[]): this {
    if (tags.length === 0)
      throw definitionError(`Alert "${this.model.id}" groupBy() got no tags.`, 'Group by at least "host".');
    this.model.query.groupBy = [...new Set(tags)];
    return this;
  }

  /** Window length and evaluation period. */
  window(period: string, every = this.model.query.every): this {
    const problem = windowProblem(this.model.id, period, every);
    if (problem)
      throw definitionError(`${problem}.`, 'Use durations above zero, with every ≤ window so no data is skipped.');
    Object.assign(this.model.query, { period, every });
    return this;
  }

  /** `value - x` transform, e.g. invert(100) on usage_idle. */
  invert(value: number): this {
    this.model.query.invert = value;
    return this;
  }

  /** Warn/crit levels with optional hysteresis resets. */
  threshold(options: {
    direction: 'above' | 'below';
    crit: number;
    warn?: number;
    warnReset?: number;
    critReset?: number;
  }): this {
    const { direction, crit, warn, warnReset, critReset } = options;
    const invalid = conditionProblem(this.model.id, { type: 'threshold', ...options });
    if (invalid) throw definitionError(`${invalid}.`, 'direction is "above" or "below"; levels are numbers.');
    const worse = (a: number, b: number): boolean => (direction === 'above' ? a > b : a < b);
    const id = this.model.id;
    if (warn !== undefined && worse(warn, crit))
      throw definitionError(
        `Alert "${id}" warn ${warn} is beyond crit ${crit}.`,
        `With direction "${direction}", warn must trigger before crit.`,
      );
    if (warnReset !== undefined && (warn === undefined || worse(warnReset, warn))) {
      throw definitionError(
        `Alert "${id}" warnReset ${warnReset} must lie on the healthy side of warn ${String(warn)}.`,
        'A reset is where the level clears: below the level for "above", above it for "below".',
      );
    }
    if (critReset !== undefined && worse(critReset, crit)) {
      throw definitionError(
        `Alert "${id}" critReset ${critReset} must lie on the healthy side of crit ${crit}.`,
        'A reset is where the level clears: below the level for "above", above it for "below".',
      );
    }
    this.model.condition = {
      type: 'threshold',
      direction,
      crit,
      ...(warn !== undefined ? { warn } : {}),
      ...(warnReset !== undefined ? { warnReset } : {}),
      ...(critReset !== undefined ? { critReset } : {}),
    };
    return this;
  }

  /** Change against the value `shift` ago, in percent or absolute units. */
  relative(options: {
    direction: 'above' | 'below';
    shift: string;
    change: 'percent' | 'absolute';
    crit: number;
    warn?: number;
  }): this {
    assertDuration(options.shift, `Alert "${this.model.id}" shift`);
    // One convention for renderer and simulator: a fall is a negative change, so `below` levels are negative.
    const wrongSign = (level: number): boolean => (options.direction === 'below' ? level >= 0 : level <= 0);
    for (const level of [options.crit, ...(options.warn === undefined ? [] : [options.warn])]) {
      if (wrongSign(level)) {
        throw definitionError(
          `Alert "${this.model.id}" relative level ${level} does not fit direction "${options.direction}".`,
          'A fall is a negative change: use negative levels with "below" (warn -50 = fell by 50%), positive ' +
            'ones with "above".',
        );
      }
    }
    if (options.warn !== undefined && Math.abs(options.warn) > Math.abs(options.crit)) {
      throw definitionError(
        `Alert "${this.model.id}" warn change ${options.warn} exceeds crit ${options.crit}.`,
        'warn must be the smaller change.',
      );
    }
    this.model.condition = { type: 'relative', ...options };
    return this;
  }

  /** Fires when fewer than `threshold` points arrive per `interval` (the host or service went silent). */
  deadman(threshold: number, interval: string): this {
    assertDuration(interval, `Alert "${this.model.id}" deadman interval`);
    if (!(threshold >= 0))
      throw definitionError(
        `Alert "${this.model.id}" deadman threshold ${threshold} is negative.`,
        'Use 0 or more points.',
      );
    this.model.condition = { type: 'deadman', threshold, interval };
    return this;
  }

  /** How long the condition must hold before the level changes. */
  for(duration: string): this {
    assertDuration(duration, `Alert "${this.model.id}" for`);
    this.model.for = duration;
    return this;
  }

  /** Kapacitor message template; the renderer appends the runbook link and the diagnose command. */
  message(template: string): this {
    assertNonEmpty(template, `Alert "${this.model.id}" message`);
    this.model.message = template;
    return this;
  }

  /** Inline markdown runbook. */
  runbook(runbook: { title: string; markdown: string; url?: string }): this {
    assertNonEmpty(runbook.title, `Alert "${this.model.id}" runbook title`);
    assertNonEmpty(runbook.markdown, `Alert "${this.model.id}" runbook markdown`);
    const url = runbook.url ?? runbookPath(this.model.id);
    assertUrl(url, `Alert "${this.model.id}" runbook`);
    this.model.runbook = { title: runbook.title, markdown: runbook.markdown, url };
    return this;
  }

  /** Runbook kept in `runbooks/<id>.md` (or `file`); the loader reads the markdown. */
  runbookFile(title: string, options: { file?: string; url?: string } = {}): this {
    assertNonEmpty(title, `Alert "${this.model.id}" runbook title`);
    const file = options.file ?? `runbooks/${this.model.id}.md`;
    const url = options.url ?? file;
    assertUrl(url, `Alert "${this.model.id}" runbook`);
    this.model.runbook = { title, markdown: '', url, file };
    return this;
  }

  handlers(handlers: AlertHandler[]): this {
    this.model.handlers = [];
    for (const h of handlers) this.withHandler(h);
    return this;
  }

  withHandler(handler: AlertHandler): this {
    if (handler.type === 'webhook') assertUrl(handler.url, `Alert "${this.model.id}" webhook`);
    if (handler.type === 'email' && (handler.to.length === 0 || handler.to.some((a) => !/^[^@\s]+@[^@\s]+$/.test(a)))) {
      throw definitionError(
        `Alert "${this.model.id}" email handler has an invalid address list.`,
        'List addresses like oncall@example.com.',
      );
    }
    this.model.handlers.push(clone(handler));
    return this;
  }

  tests(tests: AlertTestInput[]): this {
    this.model.tests = [];
    for (const t of tests) this.withTest(t);
    return this;
  }

  /** A promtool-style case: series in compact notation, expected levels at times since 0. */
  withTest(test: AlertTestInput): this {
    const id = this.model.id;
    const interval = test.interval ?? '1m';
    assertDuration(interval, `Alert "${id}" test "${test.name}" interval`);
    if (Object.keys(test.series).length === 0)
      throw definitionError(`Alert "${id}" test "${test.name}" has no series.`, 'Give at least one series.');
    for (const [key, values] of Object.entries(test.series)) {
      parseTestSeriesKey(key);
      for (const item of values.trim().split(/\s+/)) {
        if (!SERIES_ITEM.test(item))
          throw definitionError(
            `Alert "${id}" test "${test.name}" series "${key}" has a bad item "${item}".`,
            "Use promtool notation: '80+1x30', '_', 'stale', '5 5 _ 7'.",
          );
      }
    }
    if (test.expect.length === 0)
      throw definitionError(`Alert "${id}" test "${test.name}" expects nothing.`, 'Add at least one { at, level }.');
    for (const e of test.expect) assertDuration(e.at === '0' ? '0s' : e.at, `Alert "${id}" test "${test.name}" time`);
    this.model.tests.push({ name: test.name, interval, series: { ...test.series }, expect: clone(test.expect) });
    return this;
  }

  build(): AlertDef {
    const { id, query, condition, runbook } = this.model;
    const missing = (what: string, hint: string): never => {
      throw definitionError(`Alert "${id}" has no ${what}.`, hint);
    };
    if (!this.model.owner) missing('owner', 'Call owner("team").');
    if (!query.measurement) missing('measurement', 'Call from("system", "disk").');
    if (!query.field) missing('field', 'Call field("used_percent").');
    if (!condition) missing('condition', 'Call threshold(...), relative(...) or deadman(...).');
    if (!this.model.message) missing('message', 'Call message("...").');
    if (!runbook) missing('runbook', 'Call runbook({ title, markdown }) or runbookFile(title).');
    if (this.model.handlers.length === 0) missing('handler', 'Add one with withHandler(slack(...)) or log(...).');
    if (this.model.tests.length === 0) missing('test case', 'Add one with withTest({ name, series, expect }).');
    for (const t of this.model.tests) {
      for (const key of Object.keys(t.series)) {
        const s = parseTestSeriesKey(key);
        if (s.measurement !== query.measurement || s.field !== query.field) {
          throw definitionError(
            `Alert "${id}" test "${t.name}" feeds ${s.measurement}.${s.field}, but the alert reads ` +
              `${query.measurement}.${query.field}.`,
            'Name the alert measurement and field in the series key.',
          );
        }
      }
    }
    return clone(this.model as AlertDef);
  }
}

export function alert(id: string, serviceId: string): AlertBuilder {
  return new AlertBuilder(id, serviceId);
}

// Handlers as Kapacitor offers them.
export const webhook = (url: string): AlertHandler => ({ type: 'webhook', url });
export const slack = (channel?: string, options: { workspace?: string; username?: string } = {}): AlertHandler => ({
  type: 'slack',
  ...(channel ? { channel } : {}),
  ...options,
});
export const email = (...to: string[]): AlertHandler => ({ type: 'email', to });
export const logHandler = (path: string): AlertHandler => ({ type: 'log', path });
/** Posts the alert to `calvin serve` (`<serve URL>/api/v1/alerts/kapacitor`, URL and token from the config). */
export const calvin = (): AlertHandler => ({ type: 'calvin' });
export const pagerDuty = (routingKey?: string): AlertHandler => ({
  type: 'pagerduty2',
  ...(routingKey ? { routingKey } : {}),
});
