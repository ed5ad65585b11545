import { ValidationError } from '@opsworker/shared';
import { z } from 'zod';

const CursorPayload = z.object({ o: z.string().min(1), k: z.string().min(1) });

const invalid = () =>
  new ValidationError('cursor: is not a cursor from a previous page', { field: 'cursor' });

/**
 * Page cursors: the organization and the sort key of the last item returned, base64url-encoded
 * so clients treat them as opaque. The sort key only positions the query; the partition always
 * comes from the caller's organization, so a forged cursor can never reach another org's data.
 */
export function encodeDynamoCursor(orgId: string, sortKey: string): string {
  return Buffer.from(JSON.stringify({ o: orgId, k: sortKey }), 'utf8').toString('base64url');
}

/** The sort key to continue after; throws a ValidationError (HTTP 400) for anything that is not ours. */
export function decodeDynamoCursor(
  cursor: string,
  expected: { orgId: string; sortKeyPrefix: string },
): string {
  let payload: z.infer<typeof CursorPayload>;
  try {
    payload = CursorPayload.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch (error) {
    throw new ValidationError('cursor: is not a cursor from a previous page', {
      field: 'cursor',
      cause: error,
    });
  }
  // Re-encoding catches edits that still decode (base64url tolerates some trailing changes).
  if (encodeDynamoCursor(payload.o, payload.k) !== cursor) throw invalid();
  if (payload.o !== expected.orgId || !payload.k.startsWith(expected.sortKeyPrefix)) throw invalid();
  return payload.k;
}
