import type { z } from 'zod';
import { ValidationError } from './errors.ts';
import { guardFor } from './schema-guard.ts';

/**
 * Parses with a schema and turns the first issue into a ValidationError that names the field,
 * e.g. `alerts.0.labels: expected record`. Never `JSON.parse(x) as T`: always through here.
 */
export function parseWith<T extends z.ZodType>(schema: T, input: unknown, what = 'input'): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : undefined;
  const detail = issue ? issue.message : 'is invalid';
  throw new ValidationError(field ? `${what}: ${field}: ${detail}` : `${what}: ${detail}`, { field });
}

/**
 * `parseWith` for data that is only read, field by field, never stored as it is (a webhook
 * payload being normalized): valid input is returned as it came, without zod's copy, unknown
 * keys included. Invalid input fails exactly as with `parseWith`.
 */
export function readWith<T extends z.ZodType>(schema: T, input: unknown, what = 'input'): z.infer<T> {
  return guardFor(schema)?.(input) ? (input as z.infer<T>) : parseWith(schema, input, what);
}
