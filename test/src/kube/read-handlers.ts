import { KubeApiError } from './api-status.ts';
import { parseFieldSelector } from './field-selector.ts';
import { parseLabelSelector } from './label-selector.ts';
import type { ListQuery } from './list-query.ts';
import type { ResponseFormat } from './media-type.ts';
import type { ObjectStore } from './object-store.ts';
import { paginate } from './pagination.ts';
import type { ResourcePath } from './request-path.ts';
import { groupVersionOf, qualifiedResource, type ResourceType } from './resource-types.ts';
import { toTable } from './table/to-table.ts';
import type { KubeObject } from './types.ts';

/** The selected objects of a list or watch, before formatting. */
export function selectObjects(store: ObjectStore, path: ResourcePath, query: ListQuery): KubeObject[] {
  const byLabel = parseLabelSelector(query.labelSelector);
  const byField = parseFieldSelector(path.type.plural, query.fieldSelector);
  return store
    .list(path.type, path.namespace)
    .filter((o) => byLabel(o.metadata.labels) && byField(o))
    .map((o) => withTypeMeta(o, path.type));
}

/** `GET` on a collection: a `PodList`-style list, a Table or metadata only, paginated by `limit`. */
export function listResponse(
  store: ObjectStore,
  path: ResourcePath,
  query: ListQuery,
  format: ResponseFormat,
  now: Date,
): object {
  const resourceVersion = store.resourceVersion;
  const page = paginate(selectObjects(store, path, query), keyOf, {
    limit: query.limit,
    continueToken: query.continueToken,
    resourceVersion,
  });
  const listMeta = {
    resourceVersion: String(resourceVersion),
    ...(page.continueToken
      ? { continue: page.continueToken, remainingItemCount: page.remainingItemCount }
      : {}),
  };
  if (format.as === 'table') {
    return toTable(qualifiedResource(path.type), page.items, {
      now,
      includeObject: query.includeObject,
      resourceVersion,
      apiVersion: format.apiVersion,
      ...(page.continueToken
        ? { continueToken: page.continueToken, remainingItemCount: page.remainingItemCount }
        : {}),
    });
  }
  if (format.as === 'partial') {
    return {
      kind: 'PartialObjectMetadataList',
      apiVersion: format.apiVersion,
      metadata: listMeta,
      items: page.items.map((o) => partial(o, format.apiVersion)),
    };
  }
  return {
    kind: `${path.type.kind}List`,
    apiVersion: groupVersionOf(path.type),
    metadata: listMeta,
    // A real list omits kind and apiVersion on its items; clients must not rely on them.
    items: page.items.map(({ kind: _kind, apiVersion: _apiVersion, ...rest }) => rest),
  };
}

/** `GET` on one object (or its `status` subresource), 404 in the API's own words when absent. */
export function getResponse(
  store: ObjectStore,
  path: ResourcePath & { name: string },
  query: ListQuery,
  format: ResponseFormat,
  now: Date,
): object {
  const object = findObject(store, path);
  if (format.as === 'table') {
    return toTable(qualifiedResource(path.type), [object], {
      now,
      includeObject: query.includeObject,
      resourceVersion: store.resourceVersion,
      apiVersion: format.apiVersion,
    });
  }
  return format.as === 'partial' ? partial(object, format.apiVersion) : object;
}

/** The object a path names, or the API's 404 `pods "x" not found`. */
export function findObject(store: ObjectStore, path: ResourcePath & { name: string }): KubeObject {
  const object = store.get(path.type, path.namespace, path.name);
  if (!object) throw notFound(path.type, path.name);
  return withTypeMeta(object, path.type);
}

function notFound(type: ResourceType, name: string): KubeApiError {
  return new KubeApiError(404, 'NotFound', `${qualifiedResource(type)} "${name}" not found`, {
    name,
    ...(type.group ? { group: type.group } : {}),
    kind: type.plural,
  });
}

function withTypeMeta(object: KubeObject, type: ResourceType): KubeObject {
  // Rebuilt so that kind and apiVersion come first, as in the API's own JSON.
  const { kind: _kind, apiVersion: _apiVersion, ...rest } = object;
  return { kind: type.kind, apiVersion: groupVersionOf(type), ...rest } as KubeObject;
}

function partial(object: KubeObject, apiVersion: string): object {
  return { kind: 'PartialObjectMetadata', apiVersion, metadata: object.metadata };
}

function keyOf(object: KubeObject): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}
