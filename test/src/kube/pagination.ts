import { badRequest } from './api-status.ts';

/** One page of a list, with what the list metadata needs to point at the next one. */
export interface Page<T> {
  items: T[];
  continueToken?: string;
  remainingItemCount?: number;
}

interface ContinueKey {
  v: 'meta.k8s.io/v1';
  rv: number;
  start: string;
}

/**
 * Cuts a list sorted by key into a page, the way the API server does with `limit` and
 * `continue`: the token is opaque to clients and carries the key to resume after.
 */
export function paginate<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  options: { limit?: number; continueToken?: string; resourceVersion: number },
): Page<T> {
  const after = options.continueToken ? decodeContinue(options.continueToken) : undefined;
  const rest = after === undefined ? [...items] : items.filter((item) => keyOf(item) > after);
  if (!options.limit || options.limit <= 0 || rest.length <= options.limit) return { items: rest };
  const page = rest.slice(0, options.limit);
  const last = page[page.length - 1];
  const key: ContinueKey = {
    v: 'meta.k8s.io/v1',
    rv: options.resourceVersion,
    start: last ? keyOf(last) : '',
  };
  return {
    items: page,
    continueToken: Buffer.from(JSON.stringify(key)).toString('base64url'),
    remainingItemCount: rest.length - page.length,
  };
}

function decodeContinue(token: string): string {
  try {
    const key = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<ContinueKey>;
    if (key.v === 'meta.k8s.io/v1' && typeof key.start === 'string') return key.start;
  } catch {
    // Falls through to the same 400 as a well-formed but foreign token.
  }
  throw badRequest(
    'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
  );
}
