import { parseWith } from '@opsworker/shared';
import type { Context } from 'hono';
import { z } from 'zod';

/** `limit` and `cursor`, shared by every list endpoint. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});

/** Parses the query string with a schema; a bad parameter is a 400 naming it. */
export function parseQuery<T extends z.ZodType>(c: Context, schema: T): z.infer<T> {
  return parseWith(schema, c.req.query(), 'query');
}
