/**
 * Which category is more likely the cause when two unrelated findings both explain the target:
 * infrastructure under the workload first (a node, a quota, a volume, the network), then what
 * changed (a rollout), then the workload's own configuration, then its crashes, and the
 * symptoms (probes, autoscaling) last. Earlier in the list ranks higher.
 */
const ORDER: readonly string[] = [
  'node_not_ready',
  'node_pressure_eviction',
  'quota_exceeded',
  'pvc_missing_storage_class',
  'pvc_provisioning_failed',
  'unbound_pvc',
  'network_error',
  'dns_resolution',
  'dependency_down',
  'bad_rollout',
  'image_pull_not_found',
  'image_pull_unauthorized',
  'image_pull_rate_limited',
  'missing_configmap',
  'missing_secret',
  'missing_config_key',
  'unschedulable_resources',
  'unschedulable_taints',
  'unschedulable_affinity',
  'init_container_failed',
  'oom_killed',
  'crash_loop_dependency',
  'crash_loop_config',
  'crash_loop_permission',
  'crash_loop_panic',
  'job_deadline_exceeded',
  'job_backoff_limit',
  'liveness_probe_failing',
  'readiness_probe_failing',
  'service_no_endpoints',
  'hpa_at_max',
  'no_problem_found',
];

/** Higher is more root-like; unknown categories rank just above no_problem_found. */
export function categoryRank(category: string): number {
  const at = ORDER.indexOf(category);
  return at === -1 ? 1 : ORDER.length - at;
}
