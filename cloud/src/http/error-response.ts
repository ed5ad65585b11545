import { NotFoundError, OpsWorkerError, ValidationError } from '@opsworker/shared';
import type { Context } from 'hono';
import { HttpError } from './http-error.ts';

/** The body every error response carries. */
export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

/**
 * Maps any thrown error to a response. Our typed errors carry a message written for users;
 * anything else is a bug: the client gets a generic 500 and the details go to the log.
 */
export function errorResponse(
  c: Context,
  error: unknown,
  log: (message: string, error: unknown) => void,
): Response {
  const send = (status: number, code: string, message: string, field?: string) =>
    c.json({ error: { code, message, ...(field ? { field } : {}) } } satisfies ErrorBody, status as 400);
  if (error instanceof HttpError) return send(error.status, error.code, error.userMessage, error.field);
  if (error instanceof ValidationError) return send(400, 'invalid_request', error.userMessage, error.field);
  if (error instanceof NotFoundError) return send(404, 'not_found', error.userMessage);
  if (error instanceof OpsWorkerError && error.name === 'SnsSignatureError') {
    return send(401, 'invalid_signature', error.userMessage);
  }
  log(`unhandled error on ${c.req.method} ${c.req.path}`, error);
  return send(500, 'internal', 'Something went wrong on our side; it has been logged.');
}
