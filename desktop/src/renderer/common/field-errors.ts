import { ApiError } from '@opsworker/shared';
import type { z } from 'zod';

/** Messages per form field, keyed by the dotted path of the value (`match.alertName`). */
export type FieldErrors = Record<string, string>;

/** A zod failure as messages at the fields (the first message per field). */
export function zodFieldErrors(error: z.ZodError, prefix = ''): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    errors[path || 'form'] ??= issue.message;
  }
  return errors;
}

/**
 * An API refusal as messages at the fields: the API names the field it refused (`field`), so
 * the message is shown where the user typed the value, the rest at the top of the form.
 */
export function apiFieldErrors(error: unknown, knownFields: readonly string[]): FieldErrors {
  if (!(error instanceof ApiError)) return { form: error instanceof Error ? error.message : String(error) };
  const field = error.field
    ? knownFields.find(
        (known) =>
          error.field === known ||
          error.field?.endsWith(`.${known}`) ||
          error.field?.startsWith(`${known}.`) ||
          error.field?.startsWith(`${known}[`),
      )
    : undefined;
  return field ? { [field]: error.message } : { form: error.message };
}
