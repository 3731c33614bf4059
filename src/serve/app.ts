/**
 * The express app of `calvin serve`: security headers, one JSON log line and one histogram sample per
 * request, body limits, bearer tokens on writes (and reads when configured), then the routes.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { bearerMatches } from './auth.js';
import { errorHandler, sendError } from './http-errors.js';
import { OPENAPI_DOCUMENT } from './openapi.js';
import { apiRoutes } from './routes-api.js';
import { intakeRoutes } from './routes-intake.js';
import { pageRoutes } from './routes-pages.js';
import type { ServeRuntime } from './runtime.js';
import { API_DOCS_SCRIPT } from './views/api-docs-script.js';
import { STYLESHEET } from './views/style.js';

function requireToken(rt: ServeRuntime) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (bearerMatches(req.headers.authorization, rt.options.token)) return next();
    rt.metrics.rejected.inc({ reason: 'unauthorized' });
    res.setHeader('WWW-Authenticate', 'Bearer');
    sendError(
      res,
      401,
      'UNAUTHORIZED',
      'missing or wrong bearer token',
      'send Authorization: Bearer $CALVIN_SERVE_TOKEN',
    );
  };
}

function requestLog(rt: ServeRuntime) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = req.route?.path ? `${req.baseUrl}${req.route.path}` : 'unmatched';
      rt.metrics.requests.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      rt.options.log({
        event: 'request',
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        durationMs: Math.round(seconds * 10_000) / 10,
      });
    });
    next();
  };
}

export function createApp(rt: ServeRuntime): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(requestLog(rt));
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'none'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
        },
      },
    }),
  );
  const tokenIfReadsProtected = rt.options.protectReads ? [requireToken(rt)] : [];
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const [consul, elasticsearch] = await Promise.all([
      rt.environment().then(
        () => 'ok',
        () => 'unreachable',
      ),
      rt.store.ping().then((up) => (up ? 'ok' : 'unreachable')),
    ]);
    const ready = consul === 'ok' && elasticsearch === 'ok';
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks: { consul, elasticsearch } });
  });
  app.get('/metrics', ...tokenIfReadsProtected, async (_req, res) => {
    rt.metrics.backlog.set(rt.processor.pending);
    rt.metrics.queued.set(rt.queue.size);
    res.type(rt.metrics.registry.contentType).send(await rt.metrics.registry.metrics());
  });
  app.get('/assets/calvin.css', (_req, res) => {
    res.type('text/css').set('Cache-Control', 'max-age=3600').send(STYLESHEET);
  });
  app.get('/assets/api-docs.js', (_req, res) => {
    res.type('text/javascript').set('Cache-Control', 'max-age=3600').send(API_DOCS_SCRIPT);
  });
  app.get('/api/openapi.json', (_req, res) => {
    res.json(OPENAPI_DOCUMENT);
  });
  app.use(
    '/api/v1/alerts',
    express
      .Router()
      .post(/.*/, requireToken(rt), express.json({ limit: rt.options.bodyLimit ?? '1mb', type: () => true })),
  );
  app.use('/api/v1/alerts', intakeRoutes(rt));
  app.use('/api/v1', ...tokenIfReadsProtected, apiRoutes(rt));
  app.use('/', ...tokenIfReadsProtected, pageRoutes(rt));
  app.use((_req: Request, res: Response) => {
    sendError(res, 404, 'NOT_FOUND', 'no such page or route', 'see /api/docs');
  });
  app.use(errorHandler);
  return app;
}
