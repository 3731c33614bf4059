/**
 * The OpenAPI 3.1 document of calvin serve, the contract the routes keep (a test validates every
 * route's real answers against it). The request bodies reuse the intake schemas.
 */
import { ALERTMANAGER_BODY_SCHEMA, KAPACITOR_BODY_SCHEMA } from './intake.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ref('Error'), description);
const str = { type: 'string' };
const nullableStr = { type: ['string', 'null'] };
const { $id: _k, ...kapacitorBody } = KAPACITOR_BODY_SCHEMA;
const { $id: _a, ...alertmanagerBody } = ALERTMANAGER_BODY_SCHEMA;

const statusEnum = { enum: ['healthy', 'degraded', 'critical', 'unknown'] };
const window = { type: 'object', required: ['from', 'to'], properties: { from: str, to: str } };

const DIAGNOSIS = {
  type: 'object',
  required: ['service', 'query', 'environment', 'window', 'status', 'summary', 'instances', 'suspects', 'sources'],
  properties: {
    service: str,
    query: str,
    environment: str,
    window,
    baseline: window,
    status: statusEnum,
    summary: str,
    instances: {
      type: 'array',
      items: {
        type: 'object',
        required: ['node', 'status', 'checks', 'anomalies'],
        properties: {
          node: str,
          address: str,
          serviceId: str,
          status: str,
          checks: { type: 'array', items: { type: 'object', required: ['name', 'status'] } },
          anomalies: { type: 'array', items: { type: 'object', required: ['source', 'signal'] } },
        },
      },
    },
    suspects: {
      type: 'array',
      items: {
        type: 'object',
        required: ['node', 'reason', 'score'],
        properties: { node: str, reason: str, score: { type: 'number' } },
      },
    },
    timeline: { type: 'array', items: { type: 'object', required: ['time', 'source', 'summary'] } },
    topErrors: { type: 'array', items: { type: 'object', required: ['pattern', 'count'] } },
    knownIssues: { type: 'array', items: { type: 'object', required: ['id', 'title', 'matches'] } },
    runbooks: { type: 'array', items: { type: 'object', required: ['title', 'url'] } },
    sources: {
      type: 'object',
      required: ['consul', 'influx', 'elasticsearch'],
      additionalProperties: { enum: ['ok', 'unavailable', 'error'] },
    },
    durationMs: { type: 'number' },
  },
};

const ALERT = {
  type: 'object',
  required: ['key', 'source', 'alertId', 'level', 'time', 'message', 'tags', 'service', 'receivedAt'],
  properties: {
    key: str,
    source: { enum: ['kapacitor', 'alertmanager'] },
    alertId: str,
    level: { enum: ['OK', 'INFO', 'WARNING', 'CRITICAL'] },
    time: { type: 'string', format: 'date-time' },
    message: str,
    tags: { type: 'object', additionalProperties: str },
    service: nullableStr,
    resolvedVia: { enum: ['alert-id', 'service-tag', 'host-tag', 'unresolved'] },
    diagnosisId: nullableStr,
    receivedAt: str,
    storedAt: str,
    closedAt: str,
  },
};

const idParam = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: str,
});
const queryParam = (name: string, description: string) => ({ name, in: 'query', description, schema: str });
const auth = [{ bearer: [] }];
const intake = (summary: string, body: unknown) => ({
  summary,
  security: auth,
  requestBody: { required: true, content: { 'application/json': { schema: body } } },
  responses: {
    '202': json(ref('Accepted'), 'Accepted: stored in the spool; the diagnosis runs after this answer'),
    '400': error('The body is not JSON or does not fit the schema'),
    '401': error('No or wrong bearer token'),
    '413': error('Body over the size limit'),
    '429': error('Intake backlog full; retry after the Retry-After seconds'),
  },
});

export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'calvin serve',
    version: '1',
    description: 'Alert intake, diagnosis snapshots at alert time, services and runbooks of one environment.',
  },
  servers: [{ url: '/' }],
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'CALVIN_SERVE_TOKEN' } },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: { type: 'object', required: ['code', 'message'], properties: { code: str, message: str, hint: str } },
        },
      },
      Accepted: {
        type: 'object',
        required: ['id', 'url'],
        properties: {
          id: str,
          url: str,
          alerts: {
            type: 'array',
            items: { type: 'object', required: ['id', 'url'], properties: { id: str, url: str } },
          },
        },
      },
      Alert: ALERT,
      AlertView: {
        type: 'object',
        required: ['alert', 'state', 'diagnosis'],
        properties: {
          alert: ref('Alert'),
          state: { enum: ['pending', 'done', 'failed'] },
          diagnosis: { oneOf: [ref('Diagnosis'), { type: 'null' }] },
          error: str,
        },
      },
      Diagnosis: DIAGNOSIS,
      ServiceStatus: {
        type: 'object',
        required: ['service', 'status', 'instances'],
        properties: {
          service: str,
          status: { enum: ['passing', 'warning', 'critical'] },
          instances: { type: 'integer' },
        },
      },
      Runbook: {
        type: 'object',
        required: ['name', 'title', 'markdown'],
        properties: { name: str, title: str, markdown: str },
      },
      Health: { type: 'object', required: ['status'], properties: { status: str, checks: { type: 'object' } } },
    },
  },
  paths: {
    '/api/v1/alerts/kapacitor': { post: intake("An alert as Kapacitor's .post() handler sends it", kapacitorBody) },
    '/api/v1/alerts/alertmanager': { post: intake('An Alertmanager webhook (version 4)', alertmanagerBody) },
    '/api/v1/alerts': {
      get: {
        summary: 'Stored alerts, newest first',
        parameters: [
          queryParam('service', 'Consul service name'),
          queryParam('since', 'RFC 3339 time or now-2h'),
          queryParam('level', 'OK, INFO, WARNING or CRITICAL'),
        ],
        responses: {
          '200': json(
            { type: 'object', required: ['alerts'], properties: { alerts: { type: 'array', items: ref('Alert') } } },
            'Alerts',
          ),
          '400': error('A bad parameter'),
        },
      },
    },
    '/api/v1/alerts/{id}': {
      get: {
        summary: 'One alert, its state and the diagnosis snapshot taken at its time',
        parameters: [idParam('id', 'The id of the 202 answer')],
        responses: { '200': json(ref('AlertView'), 'The alert'), '404': error('No such alert') },
      },
    },
    '/api/v1/services': {
      get: {
        summary: 'Every Consul service of the environment with its status, worst first',
        responses: {
          '200': json(
            {
              type: 'object',
              required: ['services'],
              properties: { services: { type: 'array', items: ref('ServiceStatus') } },
            },
            'Services',
          ),
          '502': error('Consul unreachable'),
        },
      },
    },
    '/api/v1/diagnose/{service}': {
      get: {
        summary: 'A fresh diagnosis, the JSON of calvin diagnose --json',
        parameters: [
          idParam('service', 'Consul name, alias or service id prefix'),
          queryParam('since', 'e.g. 15m, 1h'),
        ],
        responses: { '200': json(ref('Diagnosis'), 'The diagnosis'), '400': error('A bad parameter') },
      },
    },
    '/api/v1/runbooks/{name}': {
      get: {
        summary: 'A runbook (markdown)',
        parameters: [idParam('name', 'Runbook name, e.g. artefacts-disk-full')],
        responses: { '200': json(ref('Runbook'), 'The runbook'), '404': error('No such runbook') },
      },
    },
    '/healthz': { get: { summary: 'Alive', responses: { '200': json(ref('Health'), 'Alive') } } },
    '/readyz': {
      get: {
        summary: 'Consul and Elasticsearch reachable',
        responses: { '200': json(ref('Health'), 'Ready'), '503': json(ref('Health'), 'Not ready') },
      },
    },
    '/metrics': {
      get: {
        summary: "serve's own metrics (Prometheus text format)",
        responses: { '200': { description: 'Metrics', content: { 'text/plain': { schema: str } } } },
      },
    },
  },
} as const;
