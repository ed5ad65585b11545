import { z } from 'zod';

/**
 * The root-cause categories reports use: the deterministic analyzers, the LLM reporter, the
 * evaluation corpus and the insights all speak this vocabulary.
 */
export const ROOT_CAUSE_CATEGORIES = [
  'oom_killed',
  'crash_loop_config',
  'crash_loop_panic',
  'crash_loop_permission',
  'crash_loop_dependency',
  'image_pull_not_found',
  'image_pull_unauthorized',
  'image_pull_rate_limited',
  'missing_configmap',
  'missing_secret',
  'missing_config_key',
  'unschedulable_resources',
  'unschedulable_taints',
  'unschedulable_affinity',
  'unbound_pvc',
  'pvc_missing_storage_class',
  'pvc_provisioning_failed',
  'readiness_probe_failing',
  'liveness_probe_failing',
  'dependency_down',
  'node_not_ready',
  'node_pressure_eviction',
  'job_backoff_limit',
  'job_deadline_exceeded',
  'bad_rollout',
  'service_no_endpoints',
  'hpa_at_max',
  'quota_exceeded',
  'init_container_failed',
  'dns_resolution',
  'network_error',
  'no_problem_found',
] as const;

export const RootCauseCategory = z.enum(ROOT_CAUSE_CATEGORIES);
export type RootCauseCategory = z.infer<typeof RootCauseCategory>;
