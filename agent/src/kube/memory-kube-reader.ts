import {
  KubeNotFoundError,
  KubeUnavailableError,
  METRICS_UNAVAILABLE,
  OperationTimeoutError,
} from '../errors.ts';
import type { KubeReader, KubeVersion, NodeMetrics, PodMetrics, ReadOptions } from './kube-reader.ts';
import type { KubeObject } from './kube-types.ts';
import { objectPath, type ReadableResource, resourceForKind, resourceInfo } from './resources.ts';
import { matchesFieldSelector, matchesLabelSelector } from './selector-match.ts';

export type MemoryCluster = {
  objects: KubeObject[];
  /** Keyed `namespace/pod/container`; add `/previous` for the previous container's logs. */
  logs?: Record<string, string>;
  version?: KubeVersion;
  /** Omit to behave like a cluster without metrics-server. */
  metrics?: { pods: PodMetrics[]; nodes: NodeMetrics[] };
  /** Every read waits this long (abortably), to exercise timeouts and concurrency. */
  delayMs?: number;
};

/** An in-memory KubeReader with the API server's selector, limit and error behaviour, for tests. */
export type MemoryKubeReader = KubeReader & {
  /** One line per read, e.g. `list pods shop`, to assert what ran. */
  readonly calls: string[];
};

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0 && !signal?.aborted) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new OperationTimeoutError('read cancelled'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Builds a reader over fixed objects; objects are deep-copied on the way out, as JSON would be. */
export function createMemoryKubeReader(cluster: MemoryCluster): MemoryKubeReader {
  const calls: string[] = [];
  const resourceOf = (object: KubeObject): ReadableResource | undefined =>
    resourceForKind(object.kind ?? '')?.resource;
  const copy = <T>(value: T): T => structuredClone(value);

  async function enter(call: string, options: ReadOptions | undefined) {
    calls.push(call);
    await wait(cluster.delayMs ?? 0, options?.signal);
  }

  return {
    calls,
    async get(resource, name, namespace, options) {
      await enter(`get ${resource} ${namespace ?? ''}/${name}`, options);
      const info = resourceInfo(resource);
      // The same name checks the API reader's paths apply.
      objectPath(info, name, namespace);
      const found = cluster.objects.find(
        (o) =>
          resourceOf(o) === resource &&
          o.metadata?.name === name &&
          (!info.namespaced || o.metadata?.namespace === namespace),
      );
      if (!found) throw new KubeNotFoundError(`${resource} "${name}" not found`);
      return copy(found);
    },

    async list(resource, options = {}) {
      await enter(`list ${resource} ${options.namespace ?? '*'}`, options);
      const matching = cluster.objects.filter(
        (o) =>
          resourceOf(o) === resource &&
          (!options.namespace ||
            !resourceInfo(resource).namespaced ||
            o.metadata?.namespace === options.namespace) &&
          (!options.labelSelector || matchesLabelSelector(o.metadata?.labels, options.labelSelector)) &&
          (!options.fieldSelector || matchesFieldSelector(o, options.fieldSelector)),
      );
      const offset = Number(/^offset-(\d+)$/.exec(options.continue ?? '')?.[1] ?? 0);
      const items = options.limit ? matching.slice(offset, offset + options.limit) : matching.slice(offset);
      const next = offset + items.length;
      return { items: copy(items), ...(next < matching.length ? { continue: `offset-${next}` } : {}) };
    },

    async podLogs(options) {
      await enter(`logs ${options.namespace}/${options.pod}`, options);
      const pod = cluster.objects.find(
        (o) =>
          o.kind === 'Pod' && o.metadata?.name === options.pod && o.metadata.namespace === options.namespace,
      );
      if (!pod) throw new KubeNotFoundError(`pods "${options.pod}" not found`);
      const key = `${options.namespace}/${options.pod}/${options.container ?? ''}${options.previous ? '/previous' : ''}`;
      const text = cluster.logs?.[key];
      if (text === undefined) {
        throw new KubeNotFoundError(`no logs for ${key}`, {
          userMessage: options.previous
            ? 'previous terminated container not found'
            : `container not found in ${key}`,
        });
      }
      let lines = text.split(/(?<=\n)/);
      if (options.tailLines !== undefined) lines = lines.slice(-options.tailLines);
      const joined = lines.join('');
      return options.limitBytes !== undefined
        ? Buffer.from(joined).subarray(0, options.limitBytes).toString()
        : joined;
    },

    async version(options) {
      await enter('version', options);
      return cluster.version ?? { major: '1', minor: '31', gitVersion: 'v1.31.0' };
    },

    async podMetrics(namespace, options) {
      await enter(`metrics pods ${namespace ?? '*'}`, options);
      if (!cluster.metrics)
        throw new KubeUnavailableError('no metrics', { userMessage: METRICS_UNAVAILABLE });
      return copy(cluster.metrics.pods.filter((m) => !namespace || m.metadata.namespace === namespace));
    },

    async nodeMetrics(options) {
      await enter('metrics nodes', options);
      if (!cluster.metrics)
        throw new KubeUnavailableError('no metrics', { userMessage: METRICS_UNAVAILABLE });
      return copy(cluster.metrics.nodes);
    },
  };
}
