import type { ServerResponse } from 'node:http';
import type { ListQuery } from './list-query.ts';
import type { ResponseFormat } from './media-type.ts';
import { groupVersionOf, qualifiedResource, type ResourceType } from './resource-types.ts';
import { toTable } from './table/to-table.ts';
import type { KubeObject } from './types.ts';

/** The API server's default upper bound on a watch without timeoutSeconds. */
const DEFAULT_WATCH_SECONDS = 1800;

/**
 * Answers `?watch=true` for a cluster whose objects do not change: like the API server, a
 * watch from resourceVersion "" or "0" (or with sendInitialEvents) first sends an ADDED event
 * per existing object, then stays open with nothing new until its timeout or the client leaves.
 */
export function streamWatch(
  res: ServerResponse,
  objects: readonly KubeObject[],
  type: ResourceType,
  query: ListQuery,
  format: ResponseFormat,
  context: { now: Date; resourceVersion: number },
): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
  const fromScratch = !query.resourceVersion || query.resourceVersion === '0' || query.sendInitialEvents;
  for (const object of fromScratch ? objects : []) {
    const payload =
      format.as === 'table'
        ? toTable(qualifiedResource(type), [object], {
            now: context.now,
            includeObject: query.includeObject,
            resourceVersion: context.resourceVersion,
            apiVersion: format.apiVersion,
          })
        : object;
    res.write(`${JSON.stringify({ type: 'ADDED', object: payload })}\n`);
  }
  if (query.sendInitialEvents) {
    const bookmark = {
      kind: type.kind,
      apiVersion: groupVersionOf(type),
      metadata: {
        resourceVersion: String(context.resourceVersion),
        annotations: { 'k8s.io/initial-events-end': 'true' },
      },
    };
    res.write(`${JSON.stringify({ type: 'BOOKMARK', object: bookmark })}\n`);
  }
  const timer = setTimeout(() => res.end(), (query.timeoutSeconds ?? DEFAULT_WATCH_SECONDS) * 1000);
  timer.unref();
  res.on('close', () => clearTimeout(timer));
}
