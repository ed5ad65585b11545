import { KubeApiError } from './api-status.ts';
import type { ResourcePath } from './request-path.ts';

/** Subresources that open a stream into a container or a node: never allowed. */
const CONNECT_SUBRESOURCES = new Set(['exec', 'attach', 'portforward', 'proxy']);

/** The Kubernetes verb of a request, as RBAC would name it. */
export function verbOf(method: string, path: ResourcePath | undefined, watch: boolean): string {
  if (path?.subresource && CONNECT_SUBRESOURCES.has(path.subresource))
    return method === 'GET' ? 'get' : 'create';
  switch (method) {
    case 'GET':
    case 'HEAD':
      return path && !path.name ? (watch ? 'watch' : 'list') : watch ? 'watch' : 'get';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return path && !path.name ? 'deletecollection' : 'delete';
    default:
      return method.toLowerCase();
  }
}

/**
 * The read-only policy of the identity the fake grants: only get, list and watch, never on
 * secrets, and never a connect subresource. Returns the 403 to answer with, or undefined when
 * the request is allowed. The message is the API server's RBAC wording.
 */
export function refusal(
  method: string,
  pathname: string,
  path: ResourcePath | undefined,
  verb: string,
  user: string,
): KubeApiError | undefined {
  const isRead = method === 'GET' || method === 'HEAD';
  const connect = Boolean(path?.subresource && CONNECT_SUBRESOURCES.has(path.subresource));
  if (isRead && !connect && !path?.type.forbidden) return undefined;
  if (!path) {
    return new KubeApiError(
      403,
      'Forbidden',
      `forbidden: User "${user}" cannot ${method.toLowerCase()} path "${pathname}"`,
    );
  }
  const resource = path.subresource ? `${path.type.plural}/${path.subresource}` : path.type.plural;
  const qualified = path.type.group ? `${path.type.plural}.${path.type.group}` : path.type.plural;
  const subject = path.name ? `${qualified} "${path.name}"` : qualified;
  const scope = path.namespace ? `in the namespace "${path.namespace}"` : 'at the cluster scope';
  return new KubeApiError(
    403,
    'Forbidden',
    `${subject} is forbidden: User "${user}" cannot ${verb} resource "${resource}" in API group "${path.type.group}" ${scope}`,
    {
      ...(path.name ? { name: path.name } : {}),
      ...(path.type.group ? { group: path.type.group } : {}),
      kind: path.type.plural,
    },
  );
}
