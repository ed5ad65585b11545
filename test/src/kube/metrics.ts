import type { ScenarioMetrics } from './scenario-manifest.ts';
import type { KubeObject } from './types.ts';

/**
 * Turns a scenario's compact metrics into the `metrics.k8s.io/v1beta1` PodMetrics and
 * NodeMetrics that metrics-server serves; pod metrics carry the pod's labels so `kubectl top
 * pod -l` selects them.
 */
export function metricsObjects(metrics: ScenarioMetrics, pods: readonly KubeObject[]): KubeObject[] {
  const sample = { timestamp: '-15s', window: '20.036s' };
  const podObjects = metrics.pods.map((p) => {
    const pod = pods.find(
      (o) => o.kind === 'Pod' && o.metadata.name === p.name && o.metadata.namespace === p.namespace,
    );
    return {
      apiVersion: 'metrics.k8s.io/v1beta1',
      kind: 'PodMetrics',
      metadata: {
        name: p.name,
        namespace: p.namespace,
        creationTimestamp: 'now',
        ...(pod?.metadata.labels ? { labels: pod.metadata.labels } : {}),
      },
      ...sample,
      containers: p.containers.map((c) => ({ name: c.name, usage: { cpu: c.cpu, memory: c.memory } })),
    };
  });
  const nodeObjects = metrics.nodes.map((n) => ({
    apiVersion: 'metrics.k8s.io/v1beta1',
    kind: 'NodeMetrics',
    metadata: { name: n.name, creationTimestamp: 'now' },
    ...sample,
    usage: { cpu: n.cpu, memory: n.memory },
  }));
  return [...podObjects, ...nodeObjects];
}
