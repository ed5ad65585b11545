import type { Context } from 'hono';
import { errorOutcome } from './error-outcome.ts';

/** An error as a Hono response (see errorOutcome for the mapping). */
export function errorResponse(
  c: Context,
  error: unknown,
  log: (message: string, error: unknown) => void,
): Response {
  const { status, body } = errorOutcome(error, log, `${c.req.method} ${c.req.path}`);
  return c.json(body, status as 400);
}
