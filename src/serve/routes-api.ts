/** GET /api/v1/...: alerts, one alert with its snapshot, services, a fresh diagnosis, runbooks. */
import { type Request, Router } from 'express';
import { diagnose } from '../diagnose/run.js';
import { parseDuration, parseTime } from '../diagnose/options.js';
import { redactDeep } from '../redact.js';
import { renderJson } from '../report/json.js';
import { HttpError } from './http-errors.js';
import { alertView, findRunbook, servicesWorstFirst } from './queries.js';
import type { ServeRuntime } from './runtime.js';

const LEVELS = ['OK', 'INFO', 'WARNING', 'CRITICAL'];

function queryText(req: Request, name: string): string | undefined {
  const value = req.query[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** `?since=` of a diagnosis: a duration (1h); throws a CalvinError the error handler turns into 400. */
export function sinceMs(req: Request): number {
  return parseDuration(queryText(req, 'since') ?? '1h', 'since');
}

export async function freshDiagnosis(rt: ServeRuntime, service: string, lengthMs: number) {
  const result = await diagnose(rt.config, { query: service, lengthMs, catalog: rt.catalog });
  return redactDeep({ diagnosis: result.diagnosis, charts: result.charts });
}

export function apiRoutes(rt: ServeRuntime): Router {
  const router = Router();
  router.get('/alerts', async (req, res) => {
    const level = queryText(req, 'level')?.toUpperCase();
    if (level && !LEVELS.includes(level))
      throw new HttpError(
        400,
        'BAD_ARGUMENT',
        `level ${JSON.stringify(level)} is not a level`,
        `use one of ${LEVELS.join(', ')}`,
      );
    const since = queryText(req, 'since');
    const service = queryText(req, 'service');
    const alerts = await rt.store.searchAlerts({
      ...(service ? { service } : {}),
      ...(level ? { level } : {}),
      ...(since ? { since: parseTime(since, 'since', Date.now()).toISOString() } : {}),
    });
    res.json({ alerts });
  });
  router.get('/alerts/:id', async (req, res) => {
    const view = await alertView(rt, req.params.id);
    if (!view) throw new HttpError(404, 'UNKNOWN_ALERT', `no alert ${req.params.id}`, 'use the id of the 202 answer');
    res.json({
      alert: view.alert,
      state: view.state,
      diagnosis: view.diagnosis,
      ...(view.error ? { error: view.error } : {}),
    });
  });
  router.get('/services', async (_req, res) => {
    res.json({ services: await servicesWorstFirst(rt) });
  });
  router.get('/diagnose/:service', async (req, res) => {
    const { diagnosis } = await freshDiagnosis(rt, req.params.service, sinceMs(req));
    res.type('application/json').send(renderJson(diagnosis));
  });
  router.get('/runbooks/:name', async (req, res) => {
    const runbook = await findRunbook(rt, req.params.name);
    if (!runbook)
      throw new HttpError(404, 'UNKNOWN_RUNBOOK', `no runbook ${req.params.name}`, 'runbooks are runbooks/<name>.md');
    res.json(runbook);
  });
  return router;
}
