import { KubeNotFoundError, KubeUnavailableError, METRICS_UNAVAILABLE } from '../errors.ts';
import type { KubeConnection } from './kube-connection.ts';
import type { KubeReader, ListOptions, NodeMetrics, PodMetrics, ReadOptions } from './kube-reader.ts';
import type { KubeList, KubeObject } from './kube-types.ts';
import { apiVersionOf, collectionPath, namespaceSegment, objectPath, resourceInfo } from './resources.ts';
import { errorForStatus } from './status-error.ts';

const JSON_TYPE = 'application/json';
const METRICS = '/apis/metrics.k8s.io/v1beta1';

/**
 * The KubeReader over a live API server: plain GETs on resource paths, JSON passed through as
 * the server sent it (no model classes to build and tear down again).
 */
export function createApiKubeReader(connection: KubeConnection): KubeReader {
  async function getJson<T>(path: string, what: string, options?: ReadOptions): Promise<T> {
    const response = await connection.get(path, { accept: JSON_TYPE, signal: options?.signal });
    if (response.status !== 200) throw errorForStatus(response.status, response.body, what);
    return JSON.parse(response.body) as T;
  }

  async function getMetrics<T>(path: string, options?: ReadOptions): Promise<T> {
    try {
      return await getJson<T>(path, 'metrics.k8s.io', options);
    } catch (error) {
      // 404: no metrics-server registered; 503: registered but not answering.
      if (error instanceof KubeNotFoundError || error instanceof KubeUnavailableError) {
        throw new KubeUnavailableError(`metrics API unavailable: ${error.message}`, {
          cause: error,
          userMessage: METRICS_UNAVAILABLE,
        });
      }
      throw error;
    }
  }

  return {
    async get(resource, name, namespace, options) {
      const info = resourceInfo(resource);
      const where = info.namespaced && namespace ? ` in namespace "${namespace}"` : '';
      return getJson<KubeObject>(objectPath(info, name, namespace), `${resource} "${name}"${where}`, options);
    },

    async list(resource, options: ListOptions = {}) {
      const info = resourceInfo(resource);
      const query = new URLSearchParams();
      if (options.labelSelector) query.set('labelSelector', options.labelSelector);
      if (options.fieldSelector) query.set('fieldSelector', options.fieldSelector);
      if (options.limit) query.set('limit', String(options.limit));
      if (options.continue) query.set('continue', options.continue);
      const qs = query.size > 0 ? `?${query}` : '';
      const where = info.namespaced && options.namespace ? ` in namespace "${options.namespace}"` : '';
      const body = await getJson<{
        items?: KubeObject[];
        metadata?: { continue?: string; resourceVersion?: string };
      }>(`${collectionPath(info, options.namespace)}${qs}`, `${resource}${where}`, options);
      // List items come without apiVersion/kind; restore them as kubectl does.
      const apiVersion = apiVersionOf(info);
      const items = (body.items ?? []).map((item) => ({ apiVersion, kind: info.kind, ...item }));
      const list: KubeList = { items };
      if (body.metadata?.continue) list.continue = body.metadata.continue;
      if (body.metadata?.resourceVersion) list.resourceVersion = body.metadata.resourceVersion;
      return list;
    },

    async podLogs(options) {
      const query = new URLSearchParams();
      if (options.container) query.set('container', options.container);
      if (options.previous) query.set('previous', 'true');
      if (options.tailLines !== undefined) query.set('tailLines', String(options.tailLines));
      if (options.sinceSeconds !== undefined) query.set('sinceSeconds', String(options.sinceSeconds));
      if (options.limitBytes !== undefined) query.set('limitBytes', String(options.limitBytes));
      const qs = query.size > 0 ? `?${query}` : '';
      const path = `${objectPath(resourceInfo('pods'), options.pod, options.namespace)}/log${qs}`;
      const response = await connection.get(path, { accept: 'text/plain', signal: options.signal });
      if (response.status !== 200) {
        const container = options.container ? ` container "${options.container}"` : '';
        throw errorForStatus(
          response.status,
          response.body,
          `logs of pod "${options.pod}"${container} in namespace "${options.namespace}"`,
        );
      }
      return response.body;
    },

    version(options) {
      return getJson('/version', 'the server version', options);
    },

    async podMetrics(namespace, options) {
      const path = `${METRICS}${namespaceSegment(namespace)}/pods`;
      return (await getMetrics<{ items?: PodMetrics[] }>(path, options)).items ?? [];
    },

    async nodeMetrics(options) {
      return (await getMetrics<{ items?: NodeMetrics[] }>(`${METRICS}/nodes`, options)).items ?? [];
    },
  };
}
