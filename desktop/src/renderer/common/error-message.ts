import { ApiError } from '@opsworker/shared';

/** The text to show for a failed call: the API's own message (written for users) when there is one. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
