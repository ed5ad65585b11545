import type { ClusterIdentityProvider } from './heartbeat.ts';
import type { KubeReader } from './kube/kube-reader.ts';

/**
 * Reads the heartbeat's view of the cluster straight from the API server (version and nodes),
 * not through the executor, so the audit log holds only what callers asked for. The name is
 * configuration: Kubernetes has no notion of its own cluster name.
 */
export function kubeClusterIdentity(
  reader: Pick<KubeReader, 'version' | 'list'>,
  clusterName: string,
  /** A heartbeat that cannot read the cluster in this long is skipped, not queued behind. */
  timeoutMs = 10_000,
): ClusterIdentityProvider {
  return async () => {
    const signal = AbortSignal.timeout(timeoutMs);
    const [version, nodes] = await Promise.all([
      reader.version({ signal }),
      reader.list('nodes', { signal }),
    ]);
    return { cluster: clusterName, kubernetesVersion: version.gitVersion, nodeCount: nodes.items.length };
  };
}
