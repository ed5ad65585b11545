import { ForbiddenOperationError, NotFoundError, UnavailableError, ValidationError } from '@opsworker/shared';
import { SnsConfirmationError, SnsSignatureError } from '../normalize/sns/errors.ts';
import { HttpError } from './http-error.ts';

/** The body every error response carries. */
export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

/**
 * Maps any thrown error to a status and body. Our typed errors carry a message written for
 * users; anything else is a bug: the client gets a generic 500 and the details go to the log.
 */
export function errorOutcome(
  error: unknown,
  log: (message: string, error: unknown) => void,
  where: string,
): { status: number; body: ErrorBody } {
  const outcome = (status: number, code: string, message: string, field?: string) => ({
    status,
    body: { error: { code, message, ...(field ? { field } : {}) } },
  });
  if (error instanceof HttpError) return outcome(error.status, error.code, error.userMessage, error.field);
  if (error instanceof ValidationError)
    return outcome(400, 'invalid_request', error.userMessage, error.field);
  if (error instanceof NotFoundError) return outcome(404, 'not_found', error.userMessage);
  // The agent's refusals explain what is allowed instead: written for users.
  if (error instanceof ForbiddenOperationError) return outcome(400, 'refused', error.userMessage);
  if (error instanceof UnavailableError) return outcome(503, 'unavailable', error.userMessage);
  if (error instanceof SnsSignatureError) {
    return outcome(401, 'invalid_signature', error.userMessage);
  }
  // An untrusted SubscribeURL, or AWS refusing it, is the sender's problem: a 5xx would only
  // make SNS retry the same confirmation forever.
  if (error instanceof SnsConfirmationError) {
    return outcome(400, 'subscription_not_confirmed', error.userMessage);
  }
  log(`unhandled error on ${where}`, error);
  return outcome(500, 'internal', 'Something went wrong on our side; it has been logged.');
}
