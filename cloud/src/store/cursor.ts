import { ValidationError } from '@opsworker/shared';

/**
 * Opaque pagination cursors: the id of the last item of the previous page. Encoded so clients
 * treat them as opaque and cannot build one by hand by accident.
 */
export function encodeCursor(lastId: string): string {
  return Buffer.from(lastId, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!id || encodeCursor(id) !== cursor)
    throw new ValidationError('cursor: is not a cursor from a previous page', { field: 'cursor' });
  return id;
}

/**
 * Takes a page from records already in newest-first order: skips past the cursor, keeps the
 * records that pass `filter`, and stops after `limit`.
 */
export function takePage<T extends { id: string }>(
  records: Iterable<T>,
  options: { limit: number; cursor?: string; filter: (record: T) => boolean },
): { items: T[]; nextCursor?: string } {
  const afterId = options.cursor ? decodeCursor(options.cursor) : undefined;
  let skipping = afterId !== undefined;
  const items: T[] = [];
  for (const record of records) {
    if (skipping) {
      if (record.id === afterId) skipping = false;
      continue;
    }
    if (!options.filter(record)) continue;
    if (items.length === options.limit) return { items, nextCursor: encodeCursor(items.at(-1)!.id) };
    items.push(record);
  }
  // A cursor naming no record here was edited or came from another organization: a 400, not
  // an empty page that looks like the end of the list.
  if (skipping)
    throw new ValidationError('cursor: is not a cursor from a previous page', { field: 'cursor' });
  return { items };
}
