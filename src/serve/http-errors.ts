/** One error shape for every answer: `{ error: { code, message, hint } }`; 4xx carry a hint, 5xx never a stack. */
import type { ErrorRequestHandler, Response } from 'express';
import { isCalvinError } from '../errors.js';
import { redact } from '../redact.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export function sendError(res: Response, status: number, code: string, message: string, hint?: string): void {
  res.status(status).json({ error: { code, message: redact(message), ...(hint ? { hint } : {}) } });
}

const CALVIN_STATUS: Record<string, number> = {
  BAD_ARGUMENT: 400,
  UNKNOWN_SERVICE: 404,
  UNAUTHORIZED: 502,
  CONSUL_UNREACHABLE: 502,
  BACKEND_UNREACHABLE: 502,
  BACKEND_ERROR: 502,
};

/** express' own body errors (size, JSON), CalvinErrors and HttpErrors → the error shape; anything else 500. */
export const errorHandler: ErrorRequestHandler = (error, _req, res, _next) => {
  const e = error as { type?: string; status?: number; message?: string };
  if (error instanceof HttpError) return sendError(res, error.status, error.code, error.message, error.hint);
  if (e.type === 'entity.too.large')
    return sendError(
      res,
      413,
      'TOO_LARGE',
      'the body is over the size limit',
      'send one alert per request, or raise --body-limit',
    );
  if (e.type === 'entity.parse.failed')
    return sendError(res, 400, 'MALFORMED', 'the body is not valid JSON', 'send the JSON body the sender produces');
  if (isCalvinError(error)) {
    const status = CALVIN_STATUS[error.code] ?? 500;
    return sendError(
      res,
      status,
      error.code,
      error.message.split('\n')[0] ?? '',
      status < 500 ? error.hint : error.hint,
    );
  }
  return sendError(res, 500, 'INTERNAL', 'internal error (see the serve log)');
};
