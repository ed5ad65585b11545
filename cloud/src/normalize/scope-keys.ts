import type { ScopeKeyMap } from './scope.ts';

/**
 * Prometheus labels as kube-state-metrics, cAdvisor and the kubelet name them (Alertmanager,
 * Grafana and generic alerts). `job_name` is a Kubernetes Job: `job` is Prometheus' scrape job.
 * `exported_*` come first: when a ServiceMonitor does not honour labels, Prometheus renames the
 * subject's labels to `exported_*` and the plain ones describe the scrape target.
 */
export const PROMETHEUS_SCOPE_KEYS: ScopeKeyMap = {
  cluster: ['cluster'],
  namespace: ['exported_namespace', 'namespace'],
  pod: ['exported_pod', 'pod'],
  container: ['exported_container', 'container'],
  deployment: ['deployment'],
  statefulset: ['statefulset'],
  daemonset: ['daemonset'],
  replicaset: ['replicaset'],
  job: ['job_name'],
  cronjob: ['cronjob'],
  service: ['exported_service', 'service'],
  node: ['node'],
  persistentvolumeclaim: ['persistentvolumeclaim'],
  persistentvolume: ['persistentvolume'],
  horizontalpodautoscaler: ['horizontalpodautoscaler'],
  poddisruptionbudget: ['poddisruptionbudget'],
  resourcequota: ['resourcequota'],
  limitrange: ['limitrange'],
  networkpolicy: ['networkpolicy'],
  ingress: ['ingress'],
  configmap: ['configmap'],
  storageclass: ['storageclass'],
};

/** Datadog's Kubernetes tags (Agent and kubernetes_state_core check). */
export const DATADOG_SCOPE_KEYS: ScopeKeyMap = {
  cluster: ['kube_cluster_name'],
  namespace: ['kube_namespace'],
  pod: ['pod_name'],
  container: ['kube_container_name'],
  deployment: ['kube_deployment'],
  statefulset: ['kube_stateful_set'],
  daemonset: ['kube_daemon_set'],
  replicaset: ['kube_replica_set'],
  job: ['kube_job'],
  cronjob: ['kube_cronjob'],
  service: ['kube_service'],
  node: ['kube_node'],
  persistentvolumeclaim: ['persistentvolumeclaim'],
  horizontalpodautoscaler: ['horizontalpodautoscaler'],
};

/**
 * CloudWatch Container Insights dimensions. Container Insights' `PodName` is not a pod: it is
 * the pod name without the ReplicaSet/pod hash, i.e. the owning workload's name, of a kind
 * the dimension does not say. `FullPodName` (enhanced observability) is the real pod.
 */
export const CONTAINER_INSIGHTS_SCOPE_KEYS: ScopeKeyMap = {
  cluster: ['ClusterName'],
  namespace: ['Namespace'],
  pod: ['FullPodName'],
  workload: ['PodName'],
  container: ['ContainerName'],
  service: ['Service'],
  node: ['NodeName'],
};
