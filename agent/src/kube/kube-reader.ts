import type { KubeList, KubeObject } from './kube-types.ts';
import type { ReadableResource } from './resources.ts';

/** Every read can be cancelled: the executor aborts it when the operation's time is up. */
export type ReadOptions = { signal?: AbortSignal };

export type ListOptions = ReadOptions & {
  /** Omit for all namespaces (or for cluster-scoped resources). */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  /** The `continue` token of the previous page. */
  continue?: string;
};

export type PodLogOptions = ReadOptions & {
  namespace: string;
  pod: string;
  container?: string;
  previous?: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  /** The API server stops after this many bytes. */
  limitBytes?: number;
};

export type KubeVersion = { major?: string; minor?: string; gitVersion: string; platform?: string };

/** One entry of metrics.k8s.io: usage as Kubernetes quantities (`cpu: 12m`, `memory: 34Mi`). */
export type PodMetrics = {
  metadata: { name: string; namespace: string };
  timestamp?: string;
  window?: string;
  containers: Array<{ name: string; usage: Record<string, string> }>;
};
export type NodeMetrics = {
  metadata: { name: string };
  timestamp?: string;
  window?: string;
  usage: Record<string, string>;
};

/**
 * The agent's only way into a cluster: reads, nothing else. Adapters map the API server's 404
 * to KubeNotFoundError, 401/403 to KubeForbiddenError and an absent or failing API (e.g. no
 * metrics-server) to KubeUnavailableError.
 */
export interface KubeReader {
  get(
    resource: ReadableResource,
    name: string,
    namespace: string | undefined,
    options?: ReadOptions,
  ): Promise<KubeObject>;
  list(resource: ReadableResource, options?: ListOptions): Promise<KubeList>;
  podLogs(options: PodLogOptions): Promise<string>;
  version(options?: ReadOptions): Promise<KubeVersion>;
  /** metrics.k8s.io pod usage; throws KubeUnavailableError when the metrics API is not served. */
  podMetrics(namespace: string | undefined, options?: ReadOptions): Promise<PodMetrics[]>;
  /** metrics.k8s.io node usage; throws KubeUnavailableError when the metrics API is not served. */
  nodeMetrics(options?: ReadOptions): Promise<NodeMetrics[]>;
}
