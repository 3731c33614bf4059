/** Server-rendered pages: overview, alert, live service diagnosis, runbook, API docs. Readable without JS. */
import { type Request, type Response, Router } from 'express';
import type { ChartSeries } from '../diagnose/charts.js';
import type { Diagnosis } from '../diagnose/types.js';
import { grafanaUid } from '../render/names.js';
import { chartSvgs } from './charts.js';
import { renderRunbookMarkdown } from './markdown.js';
import { OPENAPI_DOCUMENT } from './openapi.js';
import { alertView, findRunbook, runbookLink, servicesWorstFirst } from './queries.js';
import { freshDiagnosis, sinceMs } from './routes-api.js';
import type { ServeRuntime } from './runtime.js';
import type { StoredAlert, StoredDiagnosis } from './types.js';
import { renderPage, trusted, type PageName } from './views/render.js';

const WINDOWS = ['15m', '1h', '6h', '24h'];

function diagnosisModel(d: Diagnosis, charts: readonly ChartSeries[]) {
  return {
    diagnosis: {
      ...d,
      knownIssues: d.knownIssues.map((k) => ({ ...k, link: runbookLink(k.runbook) })),
    },
    charts: chartSvgs(d, charts).map((c) => ({ ...c, svg: trusted(c.svg) })),
  };
}

async function send(rt: ServeRuntime, res: Response, page: PageName, data: Record<string, unknown>, status = 200) {
  const environment = await rt.environment().catch(() => 'unknown environment');
  res
    .status(status)
    .type('html')
    .send(renderPage(page, { environment, ...data }));
}

function grafanaLink(rt: ServeRuntime, service: string, time: string): string | undefined {
  if (!rt.config.grafanaUrl) return undefined;
  const definition = rt.catalog.services.find((s) => (s.consulName ?? s.id) === service);
  const dashboard = rt.catalog.dashboards.find((d) => definition && d.service === definition.id);
  if (!dashboard) return undefined;
  const to = Date.parse(time) + 15 * 60_000;
  return `${rt.config.grafanaUrl}/d/${encodeURIComponent(grafanaUid(dashboard.id))}?from=${to - 75 * 60_000}&to=${to}`;
}

export function pageRoutes(rt: ServeRuntime): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const [services, openAlerts, diagnoses] = await Promise.all([
      servicesWorstFirst(rt).then(
        (list) => ({ list, error: undefined }),
        (error: Error) => ({ list: [], error: error.message }),
      ),
      rt.store.searchAlerts<StoredAlert>({ open: true, size: 50 }).catch(() => []),
      rt.store.latestDiagnoses<StoredDiagnosis>(10).catch(() => []),
    ]);
    await send(rt, res, 'overview', {
      title: 'Overview',
      services: services.list,
      servicesError: services.error,
      openAlerts,
      diagnoses,
    });
  });
  router.get('/alerts/:id', async (req, res) => {
    const view = await alertView(rt, req.params.id);
    if (!view) return notFound(rt, res, `No alert ${req.params.id}.`);
    const { alert } = view;
    const links = [];
    if (alert.service) {
      const grafana = grafanaLink(rt, alert.service, alert.time);
      if (grafana) links.push({ href: grafana, text: 'Grafana dashboard at alert time' });
      links.push({ href: `/services/${encodeURIComponent(alert.service)}`, text: 'Diagnose now' });
    }
    links.push({ href: `/api/v1/alerts/${encodeURIComponent(alert.key)}`, text: 'JSON' });
    const runbookName = view.diagnosis?.runbooks[0]?.url ? runbookLink(view.diagnosis.runbooks[0].url) : undefined;
    const runbook = runbookName?.startsWith('/runbooks/') ? await findRunbook(rt, runbookName.slice(10)) : undefined;
    await send(rt, res, 'alert', {
      title: `${alert.level} ${alert.service ?? 'alert'}`,
      alert,
      state: view.state,
      links,
      ...(view.diagnosis ? diagnosisModel(view.diagnosis, view.charts) : {}),
      pendingText:
        view.state === 'failed'
          ? `The diagnosis failed: ${view.error ?? 'unknown error'}`
          : alert.level === 'OK'
            ? 'An OK closes the incident; no diagnosis is taken for it.'
            : alert.service
              ? 'The diagnosis is being taken; reload in a few seconds.'
              : 'No diagnosis: the service of this alert is unknown.',
      ...(runbook ? { runbook: { title: runbook.title, html: trusted(renderRunbookMarkdown(runbook.markdown)) } } : {}),
    });
  });
  router.get('/services/:name', async (req: Request<{ name: string }>, res) => {
    const lengthMs = sinceMs(req);
    const since = typeof req.query.since === 'string' ? req.query.since : '1h';
    const { diagnosis, charts } = await freshDiagnosis(rt, req.params.name, lengthMs);
    await send(rt, res, 'service', {
      title: `Diagnosis of ${diagnosis.service}`,
      service: req.params.name,
      windows: WINDOWS.map((value) => ({ value, selected: value === since })),
      ...diagnosisModel(diagnosis, charts),
    });
  });
  router.get('/runbooks/:name', async (req, res) => {
    const runbook = await findRunbook(rt, req.params.name);
    if (!runbook) return notFound(rt, res, `No runbook ${req.params.name}.`);
    await send(rt, res, 'runbook', { title: runbook.title, html: trusted(renderRunbookMarkdown(runbook.markdown)) });
  });
  router.get('/api/docs', async (_req, res) => {
    const operations = Object.entries(OPENAPI_DOCUMENT.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => {
        const params = ('parameters' in op ? op.parameters : []) as { name: string; in: string }[];
        return { method: method.toUpperCase(), path, summary: op.summary, params, tryable: method === 'get' };
      }),
    );
    await send(rt, res, 'apiDocs', { title: 'API', operations, script: 'api-docs.js' });
  });
  return router;
}

function notFound(rt: ServeRuntime, res: Response, message: string): Promise<void> {
  return send(rt, res, 'error', { title: 'Not found', heading: 'Not found', message }, 404);
}
