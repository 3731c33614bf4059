/**
 * Alert bodies as the senders post them → calvin's own alert records. Pure: schemas (ajv), then a
 * mapping. Kapacitor's `.post()` body: {id, message, details, time, duration, level, previousLevel,
 * data.series}; Alertmanager's webhook (version 4): {version, status, alerts[{status, labels, ...}]}.
 */
import { createHash } from 'node:crypto';
import { Ajv } from 'ajv';

export type AlertLevel = 'OK' | 'INFO' | 'WARNING' | 'CRITICAL';
export type AlertSource = 'kapacitor' | 'alertmanager';

/** One alert as calvin keeps it (before its service is resolved). */
export interface IncomingAlert {
  /** Deterministic: the same delivery (source, alert id, time, level) always gets the same id. */
  key: string;
  source: AlertSource;
  /** The sender's alert id (Kapacitor `id`, Alertmanager fingerprint or alertname). */
  alertId: string;
  level: AlertLevel;
  time: string;
  message: string;
  tags: Record<string, string>;
  receivedAt: string;
}

const tags = { type: 'object', additionalProperties: { type: 'string' } } as const;

export const KAPACITOR_BODY_SCHEMA = {
  $id: 'KapacitorAlert',
  type: 'object',
  required: ['id', 'time', 'level'],
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 1000 },
    message: { type: 'string' },
    details: { type: 'string' },
    time: { type: 'string', format: 'date-time' },
    duration: { type: 'integer' },
    level: { enum: ['OK', 'INFO', 'WARNING', 'CRITICAL'] },
    previousLevel: { type: 'string' },
    recoverable: { type: 'boolean' },
    data: {
      type: 'object',
      properties: {
        series: {
          type: 'array',
          items: {
            type: 'object',
            properties: { name: { type: 'string' }, tags, columns: { type: 'array' }, values: { type: 'array' } },
          },
        },
      },
    },
  },
} as const;

export const ALERTMANAGER_BODY_SCHEMA = {
  $id: 'AlertmanagerWebhook',
  type: 'object',
  required: ['version', 'alerts'],
  properties: {
    version: { const: '4' },
    status: { enum: ['firing', 'resolved'] },
    receiver: { type: 'string' },
    groupKey: { type: 'string' },
    commonLabels: tags,
    alerts: {
      type: 'array',
      minItems: 1,
      maxItems: 1000,
      items: {
        type: 'object',
        required: ['status', 'labels', 'startsAt'],
        properties: {
          status: { enum: ['firing', 'resolved'] },
          labels: tags,
          annotations: tags,
          startsAt: { type: 'string', format: 'date-time' },
          endsAt: { type: 'string' },
          fingerprint: { type: 'string' },
          generatorURL: { type: 'string' },
        },
      },
    },
  },
} as const;

export interface KapacitorBody {
  id: string;
  message?: string;
  time: string;
  level: AlertLevel;
  data?: { series?: { name?: string; tags?: Record<string, string> }[] };
}

export interface AlertmanagerBody {
  version: '4';
  alerts: {
    status: 'firing' | 'resolved';
    labels: Record<string, string>;
    annotations?: Record<string, string>;
    startsAt: string;
    endsAt?: string;
    fingerprint?: string;
  }[];
}

const ajv = new Ajv({ allErrors: false, strict: false });
// RFC 3339 times, as both senders write them (no ajv-formats dependency for one format).
ajv.addFormat('date-time', (value: string) => /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)));
const validateKapacitor = ajv.compile<KapacitorBody>(KAPACITOR_BODY_SCHEMA);
const validateAlertmanager = ajv.compile<AlertmanagerBody>(ALERTMANAGER_BODY_SCHEMA);

/** A body that does not fit its schema: one line naming the first wrong field. */
export class BodyError extends Error {}

function firstError(validate: { errors?: { instancePath: string; message?: string }[] | null }): BodyError {
  const e = validate.errors?.[0];
  return new BodyError(`${e?.instancePath || 'body'} ${e?.message ?? 'is invalid'}`.trim());
}

export function alertKey(source: AlertSource, alertId: string, time: string, level: AlertLevel): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([source, alertId, time, level]))
    .digest('hex');
  return digest.slice(0, 24);
}

function record(
  source: AlertSource,
  fields: Omit<IncomingAlert, 'key' | 'source' | 'receivedAt'>,
  now: Date,
): IncomingAlert {
  const time = new Date(Date.parse(fields.time)).toISOString();
  return {
    key: alertKey(source, fields.alertId, time, fields.level),
    source,
    ...fields,
    time,
    receivedAt: now.toISOString(),
  };
}

/** The tags of every series of the alert merged (Kapacitor sends one series per group). */
function seriesTags(body: KapacitorBody): Record<string, string> {
  return Object.assign({}, ...(body.data?.series ?? []).map((s) => s.tags ?? {}));
}

export function parseKapacitor(body: unknown, now: Date): IncomingAlert {
  if (!validateKapacitor(body)) throw firstError(validateKapacitor);
  return record(
    'kapacitor',
    { alertId: body.id, level: body.level, time: body.time, message: body.message ?? '', tags: seriesTags(body) },
    now,
  );
}

function alertmanagerLevel(status: 'firing' | 'resolved', severity: string | undefined): AlertLevel {
  if (status === 'resolved') return 'OK';
  if (severity === 'critical' || severity === 'page') return 'CRITICAL';
  if (severity === 'info') return 'INFO';
  return 'WARNING';
}

export function parseAlertmanager(body: unknown, now: Date): IncomingAlert[] {
  if (!validateAlertmanager(body)) throw firstError(validateAlertmanager);
  return body.alerts.map((a) => {
    const labels = a.labels;
    const alertId = a.fingerprint ?? labels.alertname ?? JSON.stringify(labels);
    const message = a.annotations?.summary ?? a.annotations?.description ?? labels.alertname ?? '';
    // A resolved alert's time is its end; a firing one's its start.
    const time = a.status === 'resolved' && a.endsAt && !a.endsAt.startsWith('0001') ? a.endsAt : a.startsAt;
    return record(
      'alertmanager',
      { alertId, level: alertmanagerLevel(a.status, labels.severity), time, message, tags: { ...labels } },
      now,
    );
  });
}
