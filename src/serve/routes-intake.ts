/** POST /api/v1/alerts/{kapacitor,alertmanager}: validate, spool, answer 202 with the id and page URL. */
import { type Request, type Response, Router } from 'express';
import { BodyError, type IncomingAlert, parseAlertmanager, parseKapacitor } from './intake.js';
import { HttpError } from './http-errors.js';
import { BacklogFull } from './processor.js';
import type { ServeRuntime } from './runtime.js';

const RETRY_AFTER_SECONDS = 5;

export function intakeRoutes(rt: ServeRuntime): Router {
  const router = Router();
  const accept =
    (parse: (body: unknown, now: Date) => IncomingAlert[], source: string) => async (req: Request, res: Response) => {
      let alerts: IncomingAlert[];
      try {
        alerts = parse(req.body, new Date());
      } catch (error) {
        if (error instanceof BodyError) {
          rt.metrics.rejected.inc({ reason: 'invalid' });
          throw new HttpError(
            400,
            'INVALID_BODY',
            `invalid ${source} alert: ${error.message}`,
            `send the body ${source} sends, see /api/openapi.json`,
          );
        }
        throw error;
      }
      try {
        await rt.processor.accept(alerts);
      } catch (error) {
        if (!(error instanceof BacklogFull)) throw error;
        rt.metrics.rejected.inc({ reason: 'busy' });
        res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
        throw new HttpError(
          429,
          'BUSY',
          'too many alerts waiting to be stored',
          `retry after ${RETRY_AFTER_SECONDS} s`,
        );
      }
      rt.metrics.alertsReceived.inc({ source }, alerts.length);
      const links = alerts.map((a) => ({ id: a.key, url: `${rt.options.publicUrl}/alerts/${a.key}` }));
      const first = links[0] as { id: string; url: string };
      res.status(202).json(links.length === 1 ? first : { ...first, alerts: links });
    };
  router.post(
    '/kapacitor',
    accept((body, now) => [parseKapacitor(body, now)], 'kapacitor'),
  );
  router.post('/alertmanager', accept(parseAlertmanager, 'alertmanager'));
  return router;
}
