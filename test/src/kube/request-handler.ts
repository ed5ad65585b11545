import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { refusal, verbOf } from './access-policy.ts';
import { KubeApiError } from './api-status.ts';
import { apiGroup, apiGroupList, apiResourceList, apiVersions, SERVER_VERSION } from './discovery.ts';
import { boolParam, intParam, parseListQuery } from './list-query.ts';
import type { LogStore } from './log-store.ts';
import { negotiateFormat } from './media-type.ts';
import type { ObjectStore } from './object-store.ts';
import { readPodLog } from './pod-log.ts';
import { findObject, getResponse, listResponse, selectObjects } from './read-handlers.ts';
import { parseResourcePath, type ResourcePath } from './request-path.ts';
import { RESOURCE_TYPES, type ResourceType } from './resource-types.ts';
import type { RecordedRequest } from './types.ts';
import { streamWatch } from './watch.ts';

/** What the request handler needs from the running fake cluster. */
export interface RouterContext {
  store: ObjectStore;
  logs: LogStore;
  token: string;
  /** The identity the token stands for, named in 403 messages. */
  user: string;
  now(): Date;
  serverAddress(): string;
  record(request: RecordedRequest, refused: boolean): void;
}

type Reply = { json: unknown } | { text: string } | { streamed: true };

const METRICS_TYPES = RESOURCE_TYPES.filter((t) => t.metrics);

/** The HTTP handler of the fake API server: authenticate, enforce read-only, route, record. */
export function createRequestHandler(
  ctx: RouterContext,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    // Bodies are never read, but answering only once one is drained keeps keep-alive
    // connections usable for the client's next request.
    req.on('end', () => handle(ctx, req, res));
    req.resume();
  };
}

function handle(ctx: RouterContext, req: IncomingMessage, res: ServerResponse): void {
  const { entry, url, path } = describeRequest(req);
  let refused = false;
  try {
    authenticate(req, ctx.token);
    const forbidden = refusal(entry.method, url.pathname, path, entry.verb ?? '', ctx.user);
    if (forbidden) {
      refused = true;
      throw forbidden;
    }
    const reply = route(ctx, url, path, req, res);
    entry.status = 200;
    if ('json' in reply) send(res, 200, 'application/json', JSON.stringify(reply.json));
    if ('text' in reply) send(res, 200, 'text/plain', reply.text);
  } catch (error) {
    const apiError = error instanceof KubeApiError ? error : internalError(error);
    entry.status = apiError.code;
    send(res, apiError.code, 'application/json', JSON.stringify(apiError.toStatus()));
  } finally {
    ctx.record(entry, refused);
  }
}

/**
 * Answers protocol upgrades (exec, attach and port-forward over WebSocket or SPDY): never
 * granted. kubectl tries WebSocket then SPDY, so one `kubectl exec` is refused twice.
 */
export function createUpgradeHandler(ctx: RouterContext): (req: IncomingMessage, socket: Duplex) => void {
  return (req, socket) => {
    // A client that drops the connection must not take the server down.
    socket.on('error', () => socket.destroy());
    const { entry, url, path } = describeRequest(req);
    let apiError: KubeApiError;
    try {
      authenticate(req, ctx.token);
      apiError =
        refusal('POST', url.pathname, path, entry.verb ?? 'create', ctx.user) ??
        new KubeApiError(400, 'BadRequest', 'upgrade requests are not supported');
    } catch (error) {
      apiError = error instanceof KubeApiError ? error : internalError(error);
    }
    entry.status = apiError.code;
    ctx.record(entry, apiError.code === 403);
    const body = JSON.stringify(apiError.toStatus());
    socket.end(
      `HTTP/1.1 ${apiError.code} ${apiError.reason}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  };
}

function describeRequest(req: IncomingMessage): {
  entry: RecordedRequest;
  url: URL;
  path: ResourcePath | undefined;
} {
  const url = new URL(req.url ?? '/', 'https://fake-cluster');
  const path = parseResourcePath(url.pathname);
  const method = req.method ?? 'GET';
  const entry: RecordedRequest = {
    at: new Date().toISOString(),
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    status: 0,
    userAgent: req.headers['user-agent'] ?? '',
    verb: verbOf(req.headers.upgrade ? 'POST' : method, path, boolParam(url.searchParams, 'watch')),
  };
  if (path) {
    entry.resource = path.subresource ? `${path.type.plural}/${path.subresource}` : path.type.plural;
    if (path.namespace) entry.namespace = path.namespace;
    if (path.name) entry.name = path.name;
  }
  return { entry, url, path };
}

function authenticate(req: IncomingMessage, token: string): void {
  if (req.headers.authorization !== `Bearer ${token}`) {
    throw new KubeApiError(401, 'Unauthorized', 'Unauthorized');
  }
}

function route(
  ctx: RouterContext,
  url: URL,
  path: ResourcePath | undefined,
  req: IncomingMessage,
  res: ServerResponse,
): Reply {
  const visible = (t: ResourceType) => !t.metrics || METRICS_TYPES.some((m) => ctx.store.has(m));
  const segments = url.pathname.split('/').filter(Boolean);
  const discovery = discoveryDocument(segments, visible, ctx.serverAddress());
  if (discovery) return { json: discovery };
  if (['healthz', 'livez', 'readyz'].includes(segments[0] ?? '') && segments.length === 1)
    return { text: 'ok' };
  if (!path || !visible(path.type)) throw resourceNotFound();
  return resource(ctx, url.searchParams, path, req, res);
}

function discoveryDocument(
  segments: string[],
  visible: (t: ResourceType) => boolean,
  address: string,
): unknown {
  const [root, group = '', version = ''] = segments;
  if (root === 'version' && segments.length === 1) return SERVER_VERSION;
  if (root === 'api' && segments.length === 1) return apiVersions(address);
  if (root === 'api' && segments.length === 2) return apiResourceList('', group, visible) ?? throwNotFound();
  if (root === 'apis' && segments.length === 1) return apiGroupList(visible);
  if (root === 'apis' && segments.length === 2) return apiGroup(group, visible) ?? throwNotFound();
  if (root === 'apis' && segments.length === 3)
    return apiResourceList(group, version, visible) ?? throwNotFound();
  return undefined;
}

function resource(
  ctx: RouterContext,
  query: URLSearchParams,
  path: ResourcePath,
  req: IncomingMessage,
  res: ServerResponse,
): Reply {
  const now = ctx.now();
  if (path.subresource === 'log' && path.name && path.type.plural === 'pods') {
    const pod = findObject(ctx.store, { ...path, name: path.name });
    const text = readPodLog(
      pod,
      {
        container: query.get('container') ?? undefined,
        previous: boolParam(query, 'previous'),
        tailLines: intParam(query, 'tailLines'),
        sinceSeconds: intParam(query, 'sinceSeconds'),
        sinceTime: query.get('sinceTime') ?? undefined,
        limitBytes: intParam(query, 'limitBytes'),
        timestamps: boolParam(query, 'timestamps'),
      },
      ctx.logs,
      now,
    );
    return { text };
  }
  if (path.subresource && path.subresource !== 'status') throw resourceNotFound();
  const format = negotiateFormat(req.headers.accept);
  if (!format) {
    throw new KubeApiError(
      406,
      'NotAcceptable',
      'only the following media types are accepted: application/json',
    );
  }
  const listQuery = parseListQuery(query);
  if (listQuery.watch) {
    const named = path.name ? { ...listQuery, fieldSelector: `metadata.name=${path.name}` } : listQuery;
    const objects = selectObjects(ctx.store, path, named);
    streamWatch(res, objects, path.type, named, format, { now, resourceVersion: ctx.store.resourceVersion });
    return { streamed: true };
  }
  if (!path.name) return { json: listResponse(ctx.store, path, listQuery, format, now) };
  return { json: getResponse(ctx.store, { ...path, name: path.name }, listQuery, format, now) };
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function resourceNotFound(): KubeApiError {
  return new KubeApiError(404, 'NotFound', 'the server could not find the requested resource', {});
}

function throwNotFound(): never {
  throw resourceNotFound();
}

function internalError(error: unknown): KubeApiError {
  const message = error instanceof Error ? error.message : String(error);
  return new KubeApiError(500, 'InternalError', `Internal error occurred: ${message}`);
}
