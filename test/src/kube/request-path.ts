import { type ResourceType, typeForPath } from './resource-types.ts';

/** A URL that names a resource: list (no name), get (name), or a subresource of one object. */
export interface ResourcePath {
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/**
 * Parses `/api/v1/...` and `/apis/{group}/{version}/...` resource URLs, including
 * `namespaces/{ns}/{resource}` and the namespace object itself; undefined for anything the
 * fake does not serve.
 */
export function parseResourcePath(pathname: string): ResourcePath | undefined {
  const segments: string[] = [];
  for (const raw of pathname.split('/').filter(Boolean)) {
    const decoded = decodeSegment(raw);
    if (decoded === undefined) return undefined;
    segments.push(decoded);
  }
  let group: string;
  let version: string;
  let rest: string[];
  if (segments[0] === 'api' && segments.length >= 3) {
    [group, version, rest] = ['', segments[1] ?? '', segments.slice(2)];
  } else if (segments[0] === 'apis' && segments.length >= 4) {
    [group, version, rest] = [segments[1] ?? '', segments[2] ?? '', segments.slice(3)];
  } else {
    return undefined;
  }
  const lookup = (plural: string | undefined) => (plural ? typeForPath(group, version, plural) : undefined);
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const namespacedType = lookup(rest[2]);
    if (namespacedType?.namespaced) {
      if (rest.length > 5 && rest[4] !== 'proxy') return undefined;
      return withOptional({ type: namespacedType, namespace: rest[1] }, rest[3], rest[4]);
    }
  }
  const type = lookup(rest[0]);
  // Only a proxy subresource carries a path of its own (nodes/x/proxy/metrics).
  if (!type || (rest.length > 3 && rest[2] !== 'proxy')) return undefined;
  return withOptional({ type }, rest[1], rest[2]);
}

function withOptional(
  path: ResourcePath,
  name: string | undefined,
  subresource: string | undefined,
): ResourcePath {
  return { ...path, ...(name ? { name } : {}), ...(subresource ? { subresource } : {}) };
}

// A malformed escape (%zz) names nothing the fake serves; it must not throw out of the handler.
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
